import { createNodePlatform } from '@zhengzhao/crypto-node';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  COSE_SIGN1_TAG,
  CWT_CLAIM,
  decodeBase45,
  decodeCbor,
  decodeQr,
  encodeCbor,
  MAX_PORTRAIT_THUMB_BYTES,
  presentQr,
  QR_PURPOSES,
  type SuiteId,
  Tag,
  toHex,
  verifyQr,
  ZZ_CLAIM,
} from '../../src/index.js';
import { createQrWorld, failedCode, NOW, RESIDENT, rejectionCode, STATUS } from './fixtures.js';
import { createSyntheticPortrait } from './synthetic-portrait.js';

const platform = createNodePlatform();
const hasSm2 = (() => {
  try {
    platform.suite('SM2');
    return true;
  } catch {
    return false;
  }
})();

const qrVersionAtM = (text: string): number =>
  QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' }).version;

const thumb = createSyntheticPortrait();

async function roundTrip(suite: SuiteId) {
  const world = await createQrWorld(platform, suite);
  const sizes: Record<string, { compressed: number; version: number }> = {};
  for (const purpose of QR_PURPOSES) {
    const credential = await world.issue(purpose.id, { claims: { portrait_thumb: thumb } });
    const text = await presentQr(platform, { credential, deviceSigner: world.device, now: NOW });
    expect(text.startsWith('ZZ1:')).toBe(true);
    const decoded = await decodeQr(platform, text);
    expect(decoded.credential.claims.purpose).toBe(purpose.id);
    const report = await verifyQr(platform, text, { trust: world.trust, now: NOW });
    expect(failedCode(report)).toBeUndefined();
    expect(report.valid).toBe(true);
    expect(report.format).toBe('zz1-qr');
    expect(report.credentialType).toBe('cn.gov.eid.1');
    expect(report.issuer?.name).toBe('北京市公安局 DS 1');
    const claims = report.claims?.['cn.gov.eid.1'] ?? {};
    expect(Object.keys(claims).sort()).toEqual([...purpose.elements].sort());
    for (const id of purpose.elements) {
      if (id === 'portrait_thumb') expect(claims[id]).toEqual(thumb);
      else expect(claims[id]).toEqual(RESIDENT[id as keyof typeof RESIDENT]);
    }
    expect(report.checks.map((c) => `${c.id}:${c.outcome}`)).toEqual([
      'trust_chain:ok',
      'issuer_signature:ok',
      'doc_type:ok',
      'validity:ok',
      'status:skipped',
      'device_binding:ok',
      'freshness:ok',
    ]);
    sizes[purpose.id] = { compressed: decoded.compressedLength, version: qrVersionAtM(text) };
  }
  return sizes;
}

describe('ZZ1 offline QR: issue → present → verify', () => {
  it('round-trips every purpose on ES256 within the size limits', async () => {
    const sizes = await roundTrip('ES256');
    expect(sizes.hotel?.compressed).toBeLessThanOrEqual(700);
    expect(sizes.hotel?.version).toBeLessThanOrEqual(20);
    expect(sizes.age_over_18?.compressed).toBeLessThanOrEqual(300);
    expect(sizes.hotel_with_portrait?.version).toBeLessThanOrEqual(40);
    expect(thumb.length).toBeLessThanOrEqual(MAX_PORTRAIT_THUMB_BYTES);
  });

  it.skipIf(!hasSm2)('round-trips every purpose on SM2 within the same limits', async () => {
    const sizes = await roundTrip('SM2');
    expect(sizes.hotel?.compressed).toBeLessThanOrEqual(700);
    expect(sizes.age_over_18?.compressed).toBeLessThanOrEqual(300);
  });

  it('issues the documented bytes: tagged COSE_Sign1, protected {1: alg, 4: kid}, CWT claims', async () => {
    const world = await createQrWorld(platform);
    const credential = await world.issue('hotel');
    const tagged = decodeCbor(credential) as Tag;
    expect(tagged.tag).toBe(COSE_SIGN1_TAG);
    const [protectedBytes, unprotected, payload, signature] = tagged.value as [
      Uint8Array,
      Map<number, unknown>,
      Uint8Array,
      Uint8Array,
    ];
    expect(toHex(protectedBytes)).toBe(`a2012604 48${toHex(world.kid)}`.replace(' ', ''));
    expect(unprotected.size).toBe(0);
    expect(signature.length).toBe(64);
    const cwt = decodeCbor(payload) as Map<number, unknown>;
    expect([...cwt.keys()]).toEqual([1, 4, 6, 8, 65535, ZZ_CLAIM.type, ZZ_CLAIM.claims]);
    expect(cwt.get(CWT_CLAIM.iss)).toBe('11');
    expect(cwt.get(CWT_CLAIM.iat)).toBe(1780272000);
    expect(cwt.get(CWT_CLAIM.exp)).toBe(1780876800);
    expect(cwt.get(ZZ_CLAIM.type)).toEqual(['cn.gov.eid.1', 'hotel']);
    const cnfKey = (cwt.get(CWT_CLAIM.cnf) as Map<number, Map<number, unknown>>).get(1);
    expect(typeof cnfKey?.get(-3)).toBe('boolean'); // compressed point
    const status = cwt.get(CWT_CLAIM.status) as Map<string, Map<string, unknown>>;
    expect(status.get('status_list')?.get('uri')).toBe(STATUS.uri);
    const claims = cwt.get(ZZ_CLAIM.claims) as Map<string, unknown>;
    expect(claims.get('birth_date')).toEqual(new Tag('1990-03-07', 1004));
    expect(toHex(payload)).toBe(toHex(encodeCbor(cwt as never))); // deterministic encoding
  });

  it('puts [1, credential, deviceProof] through ZLIB and base45', async () => {
    const world = await createQrWorld(platform);
    const credential = await world.issue('age_over_18');
    const text = await presentQr(platform, { credential, deviceSigner: world.device, now: NOW });
    const inflated = await platform.inflate(decodeBase45(text.slice(4)), 8192);
    const [version, embedded, proof] = decodeCbor(inflated) as [number, Uint8Array, unknown[]];
    expect(version).toBe(1);
    expect(toHex(embedded)).toBe(toHex(credential));
    expect(proof).toHaveLength(4);
    expect(decodeCbor(proof[2] as Uint8Array)).toEqual(new Map([[1, Math.floor(NOW.getTime() / 1000)]]));
  });

  it('checks status with a resolver: valid, revoked, suspended, other', async () => {
    const world = await createQrWorld(platform);
    const text = await presentQr(platform, {
      credential: await world.issue('hotel'),
      deviceSigner: world.device,
      now: NOW,
    });
    const seen: unknown[] = [];
    const resolverFor = (value: number) => ({
      resolveStatus: (reference: unknown) => {
        seen.push(reference);
        return Promise.resolve(value);
      },
    });
    const ok = await verifyQr(platform, text, { trust: world.trust, now: NOW, statusResolver: resolverFor(0) });
    expect(ok.valid).toBe(true);
    expect(ok.statusValue).toBe(0);
    expect(seen[0]).toEqual(STATUS);
    const codes = [];
    for (const value of [1, 2, 3]) {
      codes.push(
        failedCode(
          await verifyQr(platform, text, { trust: world.trust, now: NOW, statusResolver: resolverFor(value) }),
        ),
      );
    }
    expect(codes).toEqual(['ERR_STATUS_REVOKED', 'ERR_STATUS_SUSPENDED', 'ERR_STATUS_UNKNOWN_VALUE']);
    const ageText = await presentQr(platform, {
      credential: await world.issue('age_over_18'),
      deviceSigner: world.device,
      now: NOW,
    });
    const age = await verifyQr(platform, ageText, { trust: world.trust, now: NOW, statusResolver: resolverFor(1) });
    expect(age.valid).toBe(true);
    expect(age.checks.find((c) => c.id === 'status')?.outcome).toBe('skipped');
  });

  it('restricts purposes when the verifier asks', async () => {
    const world = await createQrWorld(platform);
    const text = await presentQr(platform, {
      credential: await world.issue('identity_basic'),
      deviceSigner: world.device,
      now: NOW,
    });
    const report = await verifyQr(platform, text, { trust: world.trust, now: NOW, expectedPurposes: ['hotel'] });
    expect(failedCode(report)).toBe('ERR_DOCTYPE_UNEXPECTED');
  });

  it('refuses to present with a device key that is not the bound one', async () => {
    const world = await createQrWorld(platform);
    const other = await platform.suite('ES256').generateSigner();
    const credential = await world.issue('hotel');
    expect(await rejectionCode(presentQr(platform, { credential, deviceSigner: other, now: NOW }))).toBe(
      'ERR_INPUT_INVALID',
    );
  });

  it('refuses to issue what the purpose or catalog does not allow', async () => {
    const world = await createQrWorld(platform);
    expect(await rejectionCode(world.issue('bank'))).toBe('ERR_DOCTYPE_UNEXPECTED');
    expect(await rejectionCode(world.issue('hotel_with_portrait'))).toBe('ERR_CATALOG_SCHEMA'); // no thumbnail given
    expect(await rejectionCode(world.issue('hotel', { claims: { sex: 3 } }))).toBe('ERR_CATALOG_SCHEMA');
    expect(await rejectionCode(world.issue('hotel', { exp: new Date('2026-05-01T00:00:00Z') }))).toBe(
      'ERR_INPUT_INVALID',
    );
  });
});
