import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  COSE_HEADER,
  type CoseSign1,
  createDeviceResponse,
  decodeCbor,
  type ErrorCode,
  embedEncoded,
  encodeCbor,
  encodeDeviceResponse,
  issueMdoc,
  type MdocDocument,
  type MdocIssuerSignedItem,
  presentMdoc,
  signCoseSign1,
  Tag,
  tdate,
  type VerifyDeviceResponseOptions,
  verifyDeviceResponse,
} from '../../src/index.js';
import {
  createFakeTrust,
  createFixture,
  DOC_TYPE,
  FAKE_DS_CERT,
  type Fixture,
  NOW,
  NS,
  OTHER_DS_CERT,
  platform,
} from './mdoc-fixtures.js';

const fixture: Fixture = await createFixture();
const base: MdocDocument = await presentMdoc(platform, {
  issuerSigned: fixture.issuerSigned,
  deviceSigner: fixture.device,
  sessionTranscript: fixture.transcript,
  docType: DOC_TYPE,
});
const options: VerifyDeviceResponseOptions = { trust: fixture.trust, now: NOW, sessionTranscript: fixture.transcript };

/** Verifies `document` and returns the failed check and its code (or 'valid'). */
async function outcome(document: MdocDocument, overrides: Partial<VerifyDeviceResponseOptions> = {}): Promise<string> {
  const bytes = encodeDeviceResponse(createDeviceResponse([document]));
  const { reports } = await verifyDeviceResponse(platform, bytes, { ...options, ...overrides });
  const report = reports[0];
  if (report?.valid) return 'valid';
  expect(report?.claims).toBeUndefined();
  const failed = report?.checks.filter((c) => c.outcome === 'failed') ?? [];
  expect(failed).toHaveLength(1);
  return `${failed[0]?.id}:${failed[0]?.code}`;
}

function withItem(document: MdocDocument, index: number, edit: (item: Map<string, unknown>) => void): MdocDocument {
  const items = [...(document.issuerSigned.nameSpaces[NS] ?? [])];
  const old = items[index] as MdocIssuerSignedItem;
  const map = decodeCbor(old.bytes) as Map<string, unknown>;
  const value = map.get('elementValue');
  if (value instanceof Date) map.set('elementValue', tdate(value));
  edit(map);
  items[index] = { ...old, bytes: encodeCbor(map as Map<CborValue, CborValue>) };
  return {
    ...document,
    issuerSigned: { ...document.issuerSigned, nameSpaces: { ...document.issuerSigned.nameSpaces, [NS]: items } },
  };
}

function withIssuerAuth(document: MdocDocument, edit: Partial<CoseSign1>): MdocDocument {
  return {
    ...document,
    issuerSigned: { ...document.issuerSigned, issuerAuth: { ...document.issuerSigned.issuerAuth, ...edit } },
  };
}

/** Rewrites the MSO map; re-signs with the issuer key when `resign`. */
async function withMso(
  document: MdocDocument,
  edit: (mso: Map<string, unknown>) => void,
  resign: boolean,
): Promise<MdocDocument> {
  const auth = document.issuerSigned.issuerAuth;
  const mso = decodeCbor((decodeCbor(auth.payload as Uint8Array) as Tag).value as Uint8Array) as Map<string, unknown>;
  const validity = mso.get('validityInfo') as Map<string, unknown>;
  for (const [key, value] of validity) if (value instanceof Date) validity.set(key, tdate(value));
  edit(mso);
  const payload = encodeCbor(embedEncoded(encodeCbor(mso as Map<CborValue, CborValue>)));
  if (!resign) return withIssuerAuth(document, { payload });
  const issuerAuth = await signCoseSign1(fixture.issuer, {
    payload,
    unprotectedHeaders: auth.unprotectedHeaders as Map<number, CborValue>,
  });
  return withIssuerAuth(document, issuerAuth);
}

function flip(bytes: Uint8Array, at = 10): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] as number) ^ 1;
  return copy;
}

describe('mdoc tamper matrix: each change is caught by its own check and code', () => {
  it('accepts the untouched response', async () => {
    expect(await outcome(base)).toBe('valid');
  });

  it('catches a change to every disclosed element value', async () => {
    const count = base.issuerSigned.nameSpaces[NS]?.length ?? 0;
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      const tampered = withItem(base, i, (item) => {
        const value = item.get('elementValue');
        item.set('elementValue', typeof value === 'string' ? `${value}x` : 'changed');
      });
      expect(await outcome(tampered)).toBe('digests:ERR_MDOC_DIGEST_MISMATCH');
    }
  });

  it('catches a changed salt and an unknown digestID', async () => {
    expect(await outcome(withItem(base, 0, (item) => item.set('random', new Uint8Array(16))))).toBe(
      'digests:ERR_MDOC_DIGEST_MISMATCH',
    );
    expect(await outcome(withItem(base, 0, (item) => item.set('digestID', 70000)))).toBe(
      'digests:ERR_MDOC_DIGEST_MISSING',
    );
  });

  it('catches a changed MSO digest, whether or not the MSO is re-signed', async () => {
    const firstId = base.issuerSigned.nameSpaces[NS]?.[0]?.digestID as number;
    const edit = (mso: Map<string, unknown>) => {
      const digests = (mso.get('valueDigests') as Map<string, Map<number, Uint8Array>>).get(NS) as Map<
        number,
        Uint8Array
      >;
      digests.set(firstId, flip(digests.get(firstId) as Uint8Array, 0));
    };
    expect(await outcome(await withMso(base, edit, false))).toBe('issuer_signature:ERR_COSE_SIGNATURE_INVALID');
    expect(await outcome(await withMso(base, edit, true))).toBe('digests:ERR_MDOC_DIGEST_MISMATCH');
  });

  it('catches a changed protected header, issuer signature and device signature', async () => {
    const protectedBytes = encodeCbor(
      new Map<number, CborValue>([
        [COSE_HEADER.alg, -7],
        [COSE_HEADER.contentType, 60],
      ]),
    );
    expect(
      await outcome(
        withIssuerAuth(base, { protectedBytes, protectedHeaders: decodeCbor(protectedBytes) as Map<number, unknown> }),
      ),
    ).toBe('issuer_signature:ERR_COSE_SIGNATURE_INVALID');
    expect(await outcome(withIssuerAuth(base, { signature: flip(base.issuerSigned.issuerAuth.signature) }))).toBe(
      'issuer_signature:ERR_COSE_SIGNATURE_INVALID',
    );
    const deviceSignature = base.deviceSigned.deviceSignature as CoseSign1;
    const tampered = {
      ...base,
      deviceSigned: {
        ...base.deviceSigned,
        deviceSignature: { ...deviceSignature, signature: flip(deviceSignature.signature) },
      },
    };
    expect(await outcome(tampered)).toBe('device_binding:ERR_MDOC_DEVICE_SIGNATURE_INVALID');
  });

  it('refuses a switched alg: ES384, an unknown value, and ES256 on an SM2 key', async () => {
    for (const alg of [-35, -99999]) {
      const protectedBytes = encodeCbor(new Map([[COSE_HEADER.alg, alg]]));
      const tampered = withIssuerAuth(base, {
        protectedBytes,
        protectedHeaders: decodeCbor(protectedBytes) as Map<number, unknown>,
      });
      expect(await outcome(tampered)).toBe('issuer_signature:ERR_COSE_ALG_MISMATCH');
    }
    const sm2Trust = createFakeTrust([[FAKE_DS_CERT, { suite: 'SM2', point: fixture.issuer.publicKey.point }]]);
    expect(await outcome(base, { trust: sm2Trust })).toBe('issuer_signature:ERR_COSE_ALG_MISMATCH');
  });

  it('refuses an x5chain replaced by another (trusted) issuer certificate, an untrusted one, or none', async () => {
    const swap = (value: CborValue | undefined) =>
      withIssuerAuth(base, {
        unprotectedHeaders: new Map(value === undefined ? [] : [[COSE_HEADER.x5chain, value]]),
      });
    expect(await outcome(swap(OTHER_DS_CERT))).toBe('issuer_signature:ERR_COSE_SIGNATURE_INVALID');
    expect(await outcome(swap(new Uint8Array([1, 2, 3])))).toBe('trust_chain:ERR_TRUST_UNTRUSTED_ROOT');
    expect(await outcome(swap(undefined))).toBe('trust_chain:ERR_TRUST_CHAIN_MISSING');
  });

  it('enforces the validity window and the signing time', async () => {
    expect(await outcome(base, { now: new Date('2025-12-31T23:59:59Z') })).toBe('validity:ERR_VALIDITY_NOT_YET_VALID');
    expect(await outcome(base, { now: new Date('2031-01-01T00:00:01Z') })).toBe('validity:ERR_VALIDITY_EXPIRED');
    const future = await withMso(
      base,
      (mso) => (mso.get('validityInfo') as Map<string, unknown>).set('signed', new Tag('2027-01-01T00:00:00Z', 0)),
      true,
    );
    expect(await outcome(future)).toBe('validity:ERR_VALIDITY_NOT_YET_VALID');
  });

  it('refuses a wrong docType in the document or against the expected type', async () => {
    expect(await outcome({ ...base, docType: 'cn.gov.mdl.1' })).toBe('doc_type:ERR_MDOC_DOCTYPE_MISMATCH');
    expect(await outcome(base, { expectedDocType: 'cn.gov.mdl.1' })).toBe('doc_type:ERR_DOCTYPE_UNEXPECTED');
    expect(await outcome(base, { expectedDocType: DOC_TYPE })).toBe('valid');
  });

  it('refuses a device signature made over a different session transcript', async () => {
    const other = await presentMdoc(platform, {
      issuerSigned: fixture.issuerSigned,
      deviceSigner: fixture.device,
      sessionTranscript: [null, null, ['OpenID4VPHandover', new Uint8Array(32).fill(2)]],
      docType: DOC_TYPE,
    });
    expect(await outcome(other)).toBe('device_binding:ERR_MDOC_DEVICE_SIGNATURE_INVALID');
    expect(await outcome(base, { requireDeviceAuth: false })).toBe('valid');
  });

  it('refuses a device signature by a key other than the MSO device key', async () => {
    const payloadFree = await signCoseSign1(fixture.other, { payload: new Uint8Array(1), detached: true });
    const tampered = { ...base, deviceSigned: { ...base.deviceSigned, deviceSignature: payloadFree } };
    expect(await outcome(tampered)).toBe('device_binding:ERR_MDOC_DEVICE_SIGNATURE_INVALID');
  });

  it('runs trust and signature before everything else: a bad signature on an expired mdoc reports the signature', async () => {
    const bytes = encodeDeviceResponse(
      createDeviceResponse([withIssuerAuth(base, { signature: flip(base.issuerSigned.issuerAuth.signature) })]),
    );
    const { reports } = await verifyDeviceResponse(platform, bytes, {
      ...options,
      now: new Date('2040-01-01T00:00:00Z'),
    });
    expect(reports[0]?.checks.map((c) => `${c.id}:${c.outcome}`)).toEqual([
      'trust_chain:ok',
      'issuer_signature:failed',
      'digests:skipped',
      'doc_type:skipped',
      'validity:skipped',
      'status:skipped',
      'device_binding:skipped',
    ]);
  });

  it('refuses an MSO digestAlgorithm that does not fit the suite', async () => {
    const tampered = await withMso(base, (mso) => mso.set('digestAlgorithm', 'SM3'), true);
    expect(await outcome(tampered)).toBe('digests:ERR_CRYPTO_UNSUPPORTED_ALG');
  });

  it('resolves a kid when there is no x5chain', async () => {
    const kid = new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]);
    const trust = createFakeTrust([[kid, fixture.issuer.publicKey]]);
    const issuerSigned = await issueMdoc(platform, {
      signer: fixture.issuer,
      kid,
      docType: DOC_TYPE,
      nameSpaces: { [NS]: { a: 1 } },
      deviceKey: fixture.device.publicKey,
      signed: NOW,
      validFrom: NOW,
      validUntil: new Date('2027-01-01T00:00:00Z'),
    });
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: fixture.device,
      sessionTranscript: fixture.transcript,
      docType: DOC_TYPE,
    });
    expect(await outcome(document, { trust })).toBe('valid');
    expect(await outcome(document)).toBe('trust_chain:ERR_TRUST_UNTRUSTED_ROOT');
  });
});

export type { ErrorCode };
