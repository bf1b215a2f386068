import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  COSE_HEADER,
  decodeBase45,
  decodeCbor,
  decodeCoseSign1,
  decodeQr,
  encodeBase45,
  encodeCbor,
  encodeCoseSign1,
  presentQr,
  signCoseSign1,
  type Tag,
  verifyQr,
  ZZ_CLAIM,
} from '../../src/index.js';
import { assembleQr, createQrWorld, EXPIRES_AT, failedCode, ISSUED_AT, NOW, rejectionCode } from './fixtures.js';

const platform = createNodePlatform();
const at = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);

/** Re-encodes a credential with a changed CWT payload, keeping the issuer's signature. */
function withPayload(credential: Uint8Array, change: (cwt: Map<number, unknown>) => void): Uint8Array {
  const message = decodeCoseSign1(credential);
  const cwt = decodeCbor(message.payload ?? new Uint8Array(0)) as Map<number, unknown>;
  change(cwt);
  return encodeCoseSign1({ ...message, payload: encodeCbor(cwt as unknown as CborValue) }, { tagged: true });
}

describe('ZZ1 tamper matrix: each attack fails with its own code', async () => {
  const world = await createQrWorld(platform);
  const hotel = await world.issue('hotel');
  const present = (credential: Uint8Array, now = NOW) =>
    presentQr(platform, { credential, deviceSigner: world.device, now });
  const verify = (text: string, now = NOW) => verifyQr(platform, text, { trust: world.trust, now });

  it('a changed claim value breaks the issuer signature (checks after it are skipped)', async () => {
    const forged = withPayload(hotel, (cwt) =>
      (cwt.get(ZZ_CLAIM.claims) as Map<string, unknown>).set('full_name', '李四'),
    );
    const report = await verify(await present(forged));
    expect(failedCode(report)).toBe('ERR_COSE_SIGNATURE_INVALID');
    expect(report.checks.map((c) => c.outcome)).toEqual([
      'ok',
      'failed',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('a flipped bit in the credential signature', async () => {
    const message = decodeCoseSign1(hotel);
    const signature = new Uint8Array(message.signature);
    signature[10] = (signature[10] as number) ^ 1;
    const report = await verify(await present(encodeCoseSign1({ ...message, signature }, { tagged: true })));
    expect(failedCode(report)).toBe('ERR_COSE_SIGNATURE_INVALID');
  });

  it('a flipped bit in the device signature', async () => {
    const qr = await decodeQr(platform, await present(hotel));
    const signature = new Uint8Array(qr.deviceProof.signature);
    signature[0] = (signature[0] as number) ^ 0x80;
    const report = await verify(await assembleQr(platform, hotel, { ...qr.deviceProof, signature }));
    expect(failedCode(report)).toBe('ERR_QR_DEVICE_SIGNATURE_INVALID');
  });

  it('an unknown kid', async () => {
    const stranger = await createQrWorld(platform);
    const credential = await stranger.issue('hotel');
    const text = await presentQr(platform, { credential, deviceSigner: stranger.device, now: NOW });
    expect(failedCode(await verify(text))).toBe('ERR_TRUST_KID_UNKNOWN');
  });

  it('a switched alg in the protected header', async () => {
    const message = decodeCoseSign1(hotel);
    const protectedBytes = encodeCbor(
      new Map<number, CborValue>([
        [COSE_HEADER.alg, -35],
        [COSE_HEADER.kid, world.kid],
      ]),
    );
    const switched = encodeCoseSign1(
      { ...message, protectedBytes, protectedHeaders: decodeCbor(protectedBytes) as Map<number, unknown> },
      { tagged: true },
    );
    expect(failedCode(await verify(await present(switched)))).toBe('ERR_COSE_ALG_MISMATCH');
  });

  it('an expired credential, and one not yet valid', async () => {
    const expired = await world.issue('hotel', {
      iat: new Date('2026-05-01T00:00:00Z'),
      exp: new Date('2026-06-01T07:59:00Z'),
    });
    expect(failedCode(await verify(await present(expired)))).toBe('ERR_VALIDITY_EXPIRED');
    expect(failedCode(await verify(await present(hotel, EXPIRES_AT), EXPIRES_AT))).toBe('ERR_VALIDITY_EXPIRED');
    const early = await world.issue('hotel', { iat: at(60), exp: EXPIRES_AT });
    expect(failedCode(await verify(await present(early)))).toBe('ERR_VALIDITY_NOT_YET_VALID');
    expect(ISSUED_AT < NOW).toBe(true);
  });

  it('an expired identity card (expiry_date before today in China)', async () => {
    const card = await world.issue('hotel', { claims: { issue_date: '2006-01-01', expiry_date: '2026-05-31' } });
    expect(failedCode(await verify(await present(card)))).toBe('ERR_VALIDITY_EXPIRED');
  });

  it('a stale QR (now + 121 s) fails; now + 120 s passes', async () => {
    const text = await present(hotel);
    expect(failedCode(await verify(text, at(121)))).toBe('ERR_FRESHNESS_STALE');
    expect((await verify(text, at(120))).valid).toBe(true);
    const custom = await verifyQr(platform, text, { trust: world.trust, now: at(121), freshnessSeconds: 300 });
    expect(custom.valid).toBe(true);
  });

  it('a QR from the future (more than 10 s ahead) fails; 10 s ahead passes', async () => {
    expect(failedCode(await verify(await present(hotel, at(11))))).toBe('ERR_FRESHNESS_FUTURE');
    expect((await verify(await present(hotel, at(10)))).valid).toBe(true);
  });

  it('a device proof moved onto another credential of the same holder', async () => {
    const other = await world.issue('identity_basic');
    const proofFromHotel = (await decodeQr(platform, await present(hotel))).deviceProof;
    const report = await verify(await assembleQr(platform, other, proofFromHotel));
    expect(failedCode(report)).toBe('ERR_QR_DEVICE_SIGNATURE_INVALID');
  });

  it('a device proof by another device key', async () => {
    const thief = await platform.suite('ES256').generateSigner();
    const proof = await signCoseSign1(thief, {
      payload: encodeCbor(new Map([[1, Math.floor(NOW.getTime() / 1000)]])),
      externalAad: hotel,
    });
    expect(failedCode(await verify(await assembleQr(platform, hotel, proof)))).toBe('ERR_QR_DEVICE_SIGNATURE_INVALID');
  });

  it('issuer-signed claims that break the catalog or the purpose set', async () => {
    const sign = async (change: (cwt: Map<number, unknown>) => void) => {
      const message = decodeCoseSign1(hotel);
      const cwt = decodeCbor(message.payload ?? new Uint8Array(0)) as Map<number, unknown>;
      change(cwt);
      const signed = await signCoseSign1(world.issuerSigner, {
        payload: encodeCbor(cwt as unknown as CborValue),
        protectedHeaders: new Map([[COSE_HEADER.kid, world.kid]]),
      });
      return verify(await present(encodeCoseSign1(signed, { tagged: true })));
    };
    const claims = (cwt: Map<number, unknown>) => cwt.get(ZZ_CLAIM.claims) as Map<string, unknown>;
    expect(failedCode(await sign((cwt) => claims(cwt).set('ethnicity', '99')))).toBe('ERR_CATALOG_SCHEMA');
    expect(failedCode(await sign((cwt) => claims(cwt).delete('id_number')))).toBe('ERR_CATALOG_SCHEMA');
    expect(failedCode(await sign((cwt) => claims(cwt).set('age_over_18', true)))).toBe('ERR_CATALOG_SCHEMA');
    expect(failedCode(await sign((cwt) => cwt.set(ZZ_CLAIM.type, ['cn.gov.other.1', 'hotel'])))).toBe(
      'ERR_CATALOG_UNKNOWN_TYPE',
    );
    expect(failedCode(await sign((cwt) => cwt.set(ZZ_CLAIM.type, ['cn.gov.eid.1', 'casino'])))).toBe(
      'ERR_DOCTYPE_UNEXPECTED',
    );
  });

  it('a wrong prefix, bad base45, a zip bomb, truncation and other undecodable text throw typed errors', async () => {
    const text = await present(hotel);
    const decodeCode = (t: string) => rejectionCode(verify(t));
    expect(await decodeCode(`HC1:${text.slice(4)}`)).toBe('ERR_QR_PREFIX');
    expect(await decodeCode(`zz1:${text.slice(4)}`)).toBe('ERR_QR_PREFIX');
    expect(await decodeCode('ZZ1:abc')).toBe('ERR_ENCODING_BASE45');
    expect(await decodeCode(`${text.slice(0, -3)}a~b`)).toBe('ERR_ENCODING_BASE45');
    const bomb = encodeBase45(await platform.deflate(new Uint8Array(1 << 20)));
    expect(await decodeCode(`ZZ1:${bomb}`)).toBe('ERR_COMPRESSION_LIMIT');
    const cut = text.slice(0, 4 + Math.floor((text.length - 4) / 3 / 2) * 3);
    expect(await decodeCode(cut)).toBe('ERR_COMPRESSION_MALFORMED');
    expect(await decodeCode('ZZ1:')).toBe('ERR_QR_MALFORMED');
    expect(await decodeCode(`ZZ1:${'0'.repeat(4500)}`)).toBe('ERR_INPUT_TOO_LARGE');
    const raw = decodeBase45(text.slice(4));
    expect(await decodeCode(`ZZ1:${encodeBase45(raw.subarray(0, raw.length - 4))}`)).toBe('ERR_COMPRESSION_MALFORMED');
    const wrap = async (value: CborValue) => `ZZ1:${encodeBase45(await platform.deflate(encodeCbor(value)))}`;
    expect(await decodeCode(await wrap([2, hotel, []]))).toBe('ERR_QR_MALFORMED');
    expect(await decodeCode(await wrap([1, hotel]))).toBe('ERR_QR_MALFORMED');
    expect(await decodeCode(await wrap({ a: 1 }))).toBe('ERR_QR_MALFORMED');
    const untagged = encodeCbor((decodeCbor(hotel) as Tag).value as CborValue);
    expect(await decodeCode(await wrap([1, untagged, []]))).toBe('ERR_QR_MALFORMED');
    expect(await decodeCode(await wrap([1, hotel, [new Uint8Array(0), new Map(), null, new Uint8Array(64)]]))).toBe(
      'ERR_QR_MALFORMED',
    );
  });
});
