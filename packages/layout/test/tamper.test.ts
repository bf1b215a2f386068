import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { isZzError } from '@zhengzhao/core';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseCmsSignedData,
  signLayoutDocument,
  validateLayoutDocument,
  verifyEmbeddedCredential,
} from '../src/index.js';
import { addSignaturePlaceholder } from '../src/sign/add-signature-placeholder.js';
import {
  byteRangeOf,
  cmsOf,
  createLayoutFixture,
  type LayoutFixture,
  latin1,
  NOW,
  outcome,
  platform,
  validate,
  withCms,
} from './layout-fixture.js';

let fixture: LayoutFixture;
beforeAll(async () => {
  fixture = await createLayoutFixture('ES256');
}, 60_000);

const copy = () => new Uint8Array(fixture.signed);

/** An incremental update (ISO 32000-1 §7.5.6) written after the signature: a new Info dictionary. */
async function appendIncrementalUpdate(signed: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(signed, { updateMetadata: false });
  const { context } = doc;
  const number = context.largestObjectNumber + 1;
  const info = context.obj({ Title: PDFString.of('changed after signing'), Producer: PDFString.of('x') });
  const root = context.trailerInfo.Root;
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(signed))?.[1]);
  const objectText = `\n${number} 0 obj\n${info.toString()}\nendobj\n`;
  const objectOffset = signed.length + 1;
  const xrefOffset = signed.length + objectText.length;
  const update =
    `${objectText}xref\n0 1\n0000000000 65535 f \n${number} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${number + 1} /Root ${root?.toString()} /Info ${number} 0 R /Prev ${prev} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(signed.length + update.length);
  out.set(signed);
  out.set(Buffer.from(update, 'latin1'), signed.length);
  // the update is a real one: pdf-lib reads the new Info
  const reread = await PDFDocument.load(out, { updateMetadata: false });
  expect(reread.getTitle()).toBe('changed after signing');
  return out;
}

/** The same CMS with another signature algorithm (and a real signature made with it). */
function cmsWithAlgorithm(cms: Uint8Array, digest: string, signature: string, value: Uint8Array): Uint8Array {
  const info = AsnConvert.parse(cms, ContentInfo);
  const signedData = AsnConvert.parse(info.content, SignedData);
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no signer');
  signerInfo.digestAlgorithm = new AlgorithmIdentifier({ algorithm: digest });
  signerInfo.signatureAlgorithm = new AlgorithmIdentifier({ algorithm: signature, parameters: null });
  signerInfo.signature = new OctetString(value);
  info.content = AsnConvert.serialize(signedData);
  return new Uint8Array(AsnConvert.serialize(info));
}

describe('validateLayoutDocument on tampered and bad input', () => {
  it('one byte changed inside the signed range → ERR_PDF_DIGEST_MISMATCH', async () => {
    const bytes = copy();
    const at = latin1(bytes).indexOf('595.28') + 2; // the page width in /MediaBox: 595.28 → 595.38
    expect(at).toBeGreaterThan(2);
    expect(at).toBeLessThan(byteRangeOf(bytes)[1] as number);
    bytes[at] = '3'.charCodeAt(0);
    expect(outcome(await validate(fixture, bytes))).toBe('PDF.SIGNATURE ERR_PDF_DIGEST_MISMATCH');
  });

  it('text appended after %%EOF → ERR_PDF_BYTES_APPENDED, and later checks are skipped', async () => {
    const bytes = Buffer.concat([fixture.signed, Buffer.from('\nhello after the end\n')]);
    const report = await validate(fixture, new Uint8Array(bytes));
    expect(outcome(report)).toBe('PDF.STRUCTURE ERR_PDF_BYTES_APPENDED');
    expect(report.valid).toBe(false);
    expect(report.checks.slice(1).every((check) => check.outcome === 'skipped')).toBe(true);
    expect(report.credential).toBeUndefined();
  });

  it('an incremental update appended after signing → ERR_PDF_INCREMENTAL_UPDATE', async () => {
    const updated = await appendIncrementalUpdate(fixture.signed);
    expect(outcome(await validate(fixture, updated))).toBe('PDF.STRUCTURE ERR_PDF_INCREMENTAL_UPDATE');
  });

  it('signature bytes flipped → ERR_PDF_SIGNATURE_INVALID', async () => {
    const cms = cmsOf(fixture.signed);
    const flipped = new Uint8Array(cms);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 0x01; // last octet of s
    expect(outcome(await validate(fixture, withCms(fixture.signed, flipped)))).toBe(
      'PDF.SIGNATURE ERR_PDF_SIGNATURE_INVALID',
    );
  });

  it('garbage in /Contents → ERR_PDF_CMS_MALFORMED', async () => {
    const garbage = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 0xff);
    expect(outcome(await validate(fixture, withCms(fixture.signed, garbage)))).toBe(
      'PDF.SIGNATURE ERR_PDF_CMS_MALFORMED',
    );
  });

  it('an RSA (sha256WithRSAEncryption) CMS → ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED', async () => {
    const cms = cmsOf(fixture.signed);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsa = nodeSign('sha256', parseCmsSignedData(cms).signedAttributesDer, privateKey);
    const bytes = withCms(
      fixture.signed,
      cmsWithAlgorithm(cms, '2.16.840.1.101.3.4.2.1', '1.2.840.113549.1.1.11', rsa),
    );
    expect(outcome(await validate(fixture, bytes))).toBe('PDF.SIGNATURE ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED');
  });

  it('ECDSA with SHA-1 or an MD5 digest → ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED', async () => {
    const cms = cmsOf(fixture.signed);
    const signature = parseCmsSignedData(cms).signature;
    for (const [digest, alg] of [
      ['1.3.14.3.2.26', '1.2.840.10045.4.1'], // SHA-1, ecdsa-with-SHA1
      ['1.2.840.113549.2.5', '1.2.840.10045.4.3.2'], // MD5 with ecdsa-with-SHA256
    ] as const) {
      const bytes = withCms(fixture.signed, cmsWithAlgorithm(cms, digest, alg, signature));
      expect(outcome(await validate(fixture, bytes))).toBe('PDF.SIGNATURE ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED');
    }
  });

  it('signed by a document signer of an untrusted root → PDF.SIGNER_TRUST ERR_TRUST_UNTRUSTED_ROOT', async () => {
    const untrusted = fixture.authority.variants.untrustedDocumentSigner;
    const bytes = await signLayoutDocument(
      fixture.rendered,
      { signer: untrusted.signer, certificateChain: [untrusted.der] },
      { platform, now: NOW },
    );
    const report = await validate(fixture, bytes);
    expect(outcome(report)).toBe('PDF.SIGNER_TRUST ERR_TRUST_UNTRUSTED_ROOT');
    expect(report.checks.find((check) => check.id === 'PDF.SIGNATURE')?.outcome).toBe('ok');
    expect(report.signer).toBeUndefined();
  });

  it('signed with an expired document-signer certificate → ERR_TRUST_CERT_EXPIRED', async () => {
    const expired = fixture.authority.variants.expiredDocumentSigner;
    const bytes = await signLayoutDocument(
      fixture.rendered,
      { signer: expired.signer, certificateChain: [expired.der] },
      { platform, now: NOW },
    );
    expect(outcome(await validate(fixture, bytes))).toBe('PDF.SIGNER_TRUST ERR_TRUST_CERT_EXPIRED');
  });

  it('truncated → ERR_PDF_TRUNCATED (end cut off, or cut in half)', async () => {
    for (const length of [fixture.signed.length - 100, fixture.signed.length - 1, fixture.signed.length >> 1]) {
      expect(outcome(await validate(fixture, fixture.signed.subarray(0, length)))).toBe(
        'PDF.STRUCTURE ERR_PDF_TRUNCATED',
      );
    }
  });

  it('an unsigned layout document → ERR_PDF_SIGNATURE_MISSING', async () => {
    expect(outcome(await validate(fixture, fixture.rendered))).toBe('PDF.STRUCTURE ERR_PDF_SIGNATURE_MISSING');
  });

  it('two signatures → ERR_PDF_SIGNATURE_MULTIPLE; signing a signed PDF is refused', async () => {
    const twice = await addSignaturePlaceholder(fixture.signed, { signingTime: NOW });
    expect(outcome(await validate(fixture, twice.bytes))).toBe('PDF.STRUCTURE ERR_PDF_SIGNATURE_MULTIPLE');
    await expect(signLayoutDocument(fixture.signed, fixture.signer, { platform, now: NOW })).rejects.toMatchObject({
      code: 'ERR_PDF_SIGNATURE_MULTIPLE',
    });
  });

  it('a ByteRange that does not start at 0 or whose hole is not /Contents → ERR_PDF_BYTE_RANGE_INVALID', async () => {
    const text = latin1(fixture.signed);
    const [, a = 0, b = 0, c = 0] = byteRangeOf(fixture.signed);
    const original = /\/ByteRange\s*\[[^\]]*\]/.exec(text)?.[0] as string;
    for (const numbers of [`1 ${a} ${b} ${c}`, `0 ${a - 1} ${b + 1} ${c - 1}`]) {
      const replaced = `/ByteRange [${numbers}]`.padEnd(original.length, ' ');
      const bytes = new Uint8Array(Buffer.from(text.replace(original, replaced), 'latin1'));
      expect(outcome(await validate(fixture, bytes))).toBe('PDF.STRUCTURE ERR_PDF_BYTE_RANGE_INVALID');
    }
    const shifted = `/ByteRange [0 ${a - 1} ${b - 1} ${c + 1}]`.padEnd(original.length, ' ');
    const bytes = new Uint8Array(Buffer.from(text.replace(original, shifted), 'latin1'));
    expect(outcome(await validate(fixture, bytes))).toBe('PDF.STRUCTURE ERR_PDF_BYTE_RANGE_INVALID');
  });

  it('not a PDF → throws ERR_PDF_MALFORMED; larger than maxBytes → ERR_INPUT_TOO_LARGE', async () => {
    const options = {
      platform,
      trust: fixture.authority.trustSource,
      now: NOW,
      verifyCredential: (c: string) =>
        verifyEmbeddedCredential(platform, c, { trust: fixture.authority.trustSource, now: NOW }),
    };
    for (const input of [new TextEncoder().encode(fixture.credential), new Uint8Array(), Uint8Array.of(0x89, 0x50)]) {
      await expect(validateLayoutDocument(input, options)).rejects.toSatisfy((e) => isZzError(e, 'ERR_PDF_MALFORMED'));
    }
    await expect(validateLayoutDocument(fixture.signed, { ...options, maxBytes: 1024 })).rejects.toSatisfy((e) =>
      isZzError(e, 'ERR_INPUT_TOO_LARGE'),
    );
  });
});

describe('the embedded credential', () => {
  it('missing attachment → CREDENTIAL.EMBEDDED ERR_LAYOUT_CREDENTIAL_MISSING', async () => {
    const doc = await PDFDocument.load(fixture.rendered, { updateMetadata: false });
    doc.catalog.delete(PDFName.of('Names'));
    const stripped = await doc.save({ useObjectStreams: false });
    const signed = await signLayoutDocument(stripped, fixture.signer, { platform, now: NOW });
    expect(outcome(await validate(fixture, signed))).toBe('CREDENTIAL.EMBEDDED ERR_LAYOUT_CREDENTIAL_MISSING');
  });

  it('a QR that holds something else than the attachment → CREDENTIAL.QR ERR_LAYOUT_CREDENTIAL_MISMATCH', async () => {
    const doc = await PDFDocument.load(fixture.rendered, { updateMetadata: false });
    doc.catalog.delete(PDFName.of('Names'));
    await doc.attach(new TextEncoder().encode(`${fixture.credential}X`), 'credential.txt', { creationDate: NOW });
    const signed = await signLayoutDocument(await doc.save({ useObjectStreams: false }), fixture.signer, {
      platform,
      now: NOW,
    });
    expect(outcome(await validate(fixture, signed))).toBe('CREDENTIAL.QR ERR_LAYOUT_CREDENTIAL_MISMATCH');
  });

  it('a credential the verifier rejects fails CREDENTIAL.VERIFIED with its code, keeping its report', async () => {
    const trust = fixture.authority.trustSource;
    const later = new Date(NOW.getTime() + 3_600_000);
    const report = await validateLayoutDocument(fixture.signed, {
      platform,
      trust,
      now: later,
      verifyCredential: (credential) => verifyEmbeddedCredential(platform, credential, { trust, now: later }),
    });
    expect(outcome(report)).toBe('CREDENTIAL.VERIFIED ERR_FRESHNESS_STALE');
    expect(report.credential?.report?.valid).toBe(false);
  });
});
