import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, fixedClock, hasSuite, type TestAuthority } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  createX509Certificate,
  type ExportableSigner,
  isZzError,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  type SuiteId,
  utf8Encode,
  validateCertificateChain,
  X509_OID,
} from '../../src/index.js';
import { withSm2Oracle } from '../x509/sm2-oracle.js';

const nodePlatform = createNodePlatform();
const clock = fixedClock('2026-03-01T08:00:00Z');
const NOW = clock.now();
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isZzError(error) ? error.code : `foreign: ${String(error)}`;
  }
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const suites: [string, SuiteId, () => Platform, boolean][] = [
  ['ES256', 'ES256', () => nodePlatform, true],
  ['SM2 (platform)', 'SM2', () => nodePlatform, hasSuite(nodePlatform, 'SM2')],
  ['SM2 (sm-crypto-v2 oracle)', 'SM2', () => withSm2Oracle(nodePlatform), true],
];

describe.each(suites)('chain validation matrix, %s', (_label, suite, makePlatform, available) => {
  let a: TestAuthority;
  let roots: ParsedCertificate[];
  const validate = (chain: Uint8Array[], now = NOW) => validateCertificateChain(a.platform, chain, roots, { now });

  beforeAll(async () => {
    if (!available) return;
    a = await createTestAuthority({ platform: makePlatform(), suite, now: NOW });
    roots = [a.root.certificate];
  });

  it.skipIf(!available)('accepts a good chain, with or without the root', async () => {
    const result = await validate([a.documentSigner.der]);
    expect(result.leaf.publicKey).toEqual(a.documentSigner.signer.publicKey);
    expect(result.root.der).toEqual(a.root.der);
    expect(result.path).toHaveLength(1);
    const withRoot = await validate([a.documentSigner.der, a.root.der]);
    expect(withRoot.leaf.der).toEqual(a.documentSigner.der);
  });

  it.skipIf(!available)('accepts the chain at the edges of the validity periods', async () => {
    await expect(validate([a.documentSigner.der], a.documentSigner.certificate.notBefore)).resolves.toBeDefined();
    await expect(validate([a.documentSigner.der], a.documentSigner.certificate.notAfter)).resolves.toBeDefined();
    const justAfter = new Date(a.documentSigner.certificate.notAfter.getTime() + 1000);
    expect(await codeOf(validate([a.documentSigner.der], justAfter))).toBe('ERR_TRUST_CERT_EXPIRED');
  });

  it.skipIf(!available)('rejects a chain to another root', async () => {
    const { untrustedDocumentSigner, untrustedRoot } = a.variants;
    expect(await codeOf(validate([untrustedDocumentSigner.der]))).toBe('ERR_TRUST_UNTRUSTED_ROOT');
    expect(await codeOf(validate([untrustedDocumentSigner.der, untrustedRoot.der]))).toBe('ERR_TRUST_UNTRUSTED_ROOT');
    expect(await codeOf(validateCertificateChain(a.platform, [a.documentSigner.der], [], { now: NOW }))).toBe(
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
  });

  it.skipIf(!available)('rejects expired and not-yet-valid document signers', async () => {
    expect(await codeOf(validate([a.variants.expiredDocumentSigner.der]))).toBe('ERR_TRUST_CERT_EXPIRED');
    expect(await codeOf(validate([a.variants.notYetValidDocumentSigner.der]))).toBe('ERR_TRUST_CERT_NOT_YET_VALID');
  });

  it.skipIf(!available)('rejects the wrong key usage, a missing EKU, and a root used as signer', async () => {
    expect(await codeOf(validate([a.variants.wrongKeyUsageDocumentSigner.der]))).toBe('ERR_TRUST_KEY_USAGE');
    const noEku = await createX509Certificate({
      platform: a.platform,
      signer: a.root.signer,
      issuer: a.root.certificate.subject,
      subject: { country: 'CN', commonName: 'No EKU' },
      subjectPublicKey: a.documentSigner.signer.publicKey,
      notBefore: days(-1),
      notAfter: days(30),
      extensions: { keyUsage: ['digitalSignature'] },
    });
    expect(await codeOf(validate([noEku]))).toBe('ERR_TRUST_KEY_USAGE');
    expect(await codeOf(validate([a.root.der]))).toBe('ERR_TRUST_KEY_USAGE');
  });

  it.skipIf(!available)('rejects a tampered signature and a tampered TBSCertificate', async () => {
    const badSignature = a.documentSigner.der.slice();
    badSignature[badSignature.length - 1] = (badSignature[badSignature.length - 1] as number) ^ 0x01;
    expect(await codeOf(validate([badSignature]))).toBe('ERR_TRUST_CHAIN_SIGNATURE');
    const badTbs = a.documentSigner.der.slice();
    const at = indexOfBytes(badTbs, utf8Encode('Authority DS'));
    expect(at).toBeGreaterThan(0);
    badTbs[at] = 'a'.charCodeAt(0);
    expect(parseCertificate(badTbs).subject.commonName).toContain('authority DS');
    expect(await codeOf(validate([badTbs]))).toBe('ERR_TRUST_CHAIN_SIGNATURE');
  });

  it.skipIf(!available)('rejects an expired root', async () => {
    const crypto = a.platform.suite(suite);
    const rootSigner = await crypto.generateSigner();
    const rootDer = await createIacaRootCertificate({
      platform: a.platform,
      signer: rootSigner,
      subject: { country: 'CN', organization: 'Old', commonName: 'Old IACA' },
      notBefore: days(-400),
      notAfter: days(-1),
      issuerAlternativeName: { uri: 'https://old.zhengzhao.test' },
    });
    const dsDer = await createDocumentSignerCertificate({
      platform: a.platform,
      issuerSigner: rootSigner,
      issuerCertificate: rootDer,
      subjectPublicKey: a.documentSigner.signer.publicKey,
      subject: { country: 'CN', commonName: 'Old DS' },
      notBefore: days(-10),
      notAfter: days(100),
    });
    const result = validateCertificateChain(a.platform, [dsDer], [parseCertificate(rootDer)], { now: NOW });
    expect(await codeOf(result)).toBe('ERR_TRUST_CERT_EXPIRED');
  });
});

describe('chain length and shape', () => {
  const platform = nodePlatform;
  let root: { signer: ExportableSigner; der: Uint8Array };
  let ca1: { signer: ExportableSigner; der: Uint8Array };
  let ca2: { signer: ExportableSigner; der: Uint8Array };
  let ds: Uint8Array;
  let dsUnderCa2: Uint8Array;

  async function ca(issuer: { signer: ExportableSigner; der: Uint8Array } | undefined, name: string) {
    const signer = await platform.suite('ES256').generateSigner();
    const issuerParsed = issuer && parseCertificate(issuer.der);
    const der = await createX509Certificate({
      platform,
      signer: issuer?.signer ?? signer,
      issuer: issuerParsed?.subject ?? { country: 'CN', commonName: name },
      subject: { country: 'CN', commonName: name },
      subjectPublicKey: signer.publicKey,
      notBefore: days(-1),
      notAfter: days(1000),
      extensions: {
        basicConstraints: { ca: true },
        keyUsage: ['keyCertSign', 'cRLSign'],
        ...(issuerParsed?.subjectKeyIdentifier && { authorityKeyIdentifier: issuerParsed.subjectKeyIdentifier }),
      },
    });
    return { signer, der };
  }

  async function leafUnder(issuer: { signer: ExportableSigner; der: Uint8Array }) {
    const parsed = parseCertificate(issuer.der);
    return createX509Certificate({
      platform,
      signer: issuer.signer,
      issuer: parsed.subject,
      subject: { country: 'CN', commonName: 'Leaf' },
      subjectPublicKey: (await platform.suite('ES256').generateSigner()).publicKey,
      notBefore: days(-1),
      notAfter: days(100),
      extensions: {
        keyUsage: ['digitalSignature'],
        extendedKeyUsage: [X509_OID.mdlDocumentSigner],
        ...(parsed.subjectKeyIdentifier && { authorityKeyIdentifier: parsed.subjectKeyIdentifier }),
      },
    });
  }

  beforeAll(async () => {
    root = await ca(undefined, 'Root without path length');
    ca1 = await ca(root, 'Intermediate 1');
    ca2 = await ca(ca1, 'Intermediate 2');
    ds = await leafUnder(ca1);
    dsUnderCa2 = await leafUnder(ca2);
  });

  it('accepts one intermediate CA when the root allows it', async () => {
    const result = await validateCertificateChain(platform, [ds, ca1.der], [parseCertificate(root.der)], { now: NOW });
    expect(result.path).toHaveLength(2);
  });

  it('rejects more than two certificates below the root', async () => {
    const roots = [parseCertificate(root.der)];
    const tooLong = validateCertificateChain(platform, [dsUnderCa2, ca2.der, ca1.der], roots, { now: NOW });
    expect(await codeOf(tooLong)).toBe('ERR_TRUST_CHAIN_LENGTH');
    const withRoot = validateCertificateChain(platform, [dsUnderCa2, ca2.der, ca1.der, root.der], roots, { now: NOW });
    expect(await codeOf(withRoot)).toBe('ERR_TRUST_CHAIN_LENGTH');
  });

  it('rejects an intermediate under an IACA (pathLenConstraint 0)', async () => {
    const iacaSigner = await platform.suite('ES256').generateSigner();
    const iacaDer = await createIacaRootCertificate({
      platform,
      signer: iacaSigner,
      subject: { country: 'CN', organization: 'IACA', commonName: 'IACA' },
      notBefore: days(-1),
      notAfter: days(1000),
      issuerAlternativeName: { uri: 'https://iaca.zhengzhao.test' },
    });
    const iaca = { signer: iacaSigner, der: iacaDer };
    const intermediate = await ca(iaca, 'Intermediate under IACA');
    const leaf = await leafUnder(intermediate);
    const result = validateCertificateChain(platform, [leaf, intermediate.der], [parseCertificate(iacaDer)], {
      now: NOW,
    });
    expect(await codeOf(result)).toBe('ERR_TRUST_CHAIN_LENGTH');
  });

  it('rejects a chain whose links do not connect', async () => {
    const roots = [parseCertificate(root.der)];
    const result = validateCertificateChain(platform, [dsUnderCa2, ca1.der], roots, { now: NOW });
    expect(await codeOf(result)).toBe('ERR_TRUST_CHAIN_SIGNATURE');
  });

  it('rejects empty, malformed and non-date input with typed errors', async () => {
    const roots = [parseCertificate(root.der)];
    expect(await codeOf(validateCertificateChain(platform, [], roots, { now: NOW }))).toBe('ERR_TRUST_CHAIN_MISSING');
    expect(await codeOf(validateCertificateChain(platform, [Uint8Array.of(0x30, 0x00)], roots, { now: NOW }))).toBe(
      'ERR_X509_MALFORMED',
    );
    expect(await codeOf(validateCertificateChain(platform, [ds], roots, { now: new Date(Number.NaN) }))).toBe(
      'ERR_INPUT_INVALID',
    );
  });
});
