import { describe, expect, it } from 'vitest';
import {
  decodeBase64url,
  decodeSdJwt,
  decodeSdJwtDisclosure,
  issueSdJwtVc,
  isZzError,
  presentSdJwtVc,
  type StatusResolver,
  utf8Decode,
  verifySdJwtVc,
} from '../../src/index.js';
import { AUDIENCE, CLAIMS, createFixture, FAKE_DER, failedCheck, NONCE, NOW, platform, VCT } from './fixtures.js';

const verifyOptions = { now: NOW, audience: AUDIENCE, nonce: NONCE, expectedVct: VCT };

function jsonOf(part: string): Record<string, unknown> {
  return JSON.parse(utf8Decode(decodeBase64url(part))) as Record<string, unknown>;
}

describe('issueSdJwtVc (RFC 9901 §4, SD-JWT VC §3)', () => {
  it('issues JWT~D1~…~Dn~ with typ dc+sd-jwt, x5c in standard base64, sorted _sd and decoys', async () => {
    const { sdJwt, holder } = await createFixture();
    expect(sdJwt.endsWith('~')).toBe(true);
    const decoded = decodeSdJwt(sdJwt);
    expect(decoded.keyBindingJwt).toBeUndefined();
    expect(decoded.disclosures).toHaveLength(8);
    expect(decoded.jwt.header).toEqual({
      alg: 'ES256',
      typ: 'dc+sd-jwt',
      x5c: [btoa('fake document signer certificate')],
    });
    const payload = decoded.jwt.payload;
    expect(payload.vct).toBe(VCT);
    expect(payload._sd_alg).toBe('sha-256');
    expect(payload.iat).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
    expect(payload.cnf).toEqual({ jwk: expect.objectContaining({ kty: 'EC', crv: 'P-256' }) });
    const sd = payload._sd as string[];
    expect(sd).toHaveLength(6 + 3); // six top-level disclosures and three decoys
    expect([...sd].sort()).toEqual(sd);
    for (const name of Object.keys(CLAIMS)) if (name !== 'nationalities') expect(payload).not.toHaveProperty(name);
    expect(payload.nationalities).toEqual(['CN', { '...': expect.any(String) }]);
    for (const text of decoded.disclosures) {
      const salt = decodeSdJwtDisclosure(text).salt;
      expect(decodeBase64url(salt).length).toBeGreaterThanOrEqual(16);
    }
    expect(holder.publicKey.point).toHaveLength(65);
  });

  it.each(['iss', 'nbf', 'exp', 'cnf', 'vct', 'status'])('refuses to make %s selectively disclosable', async (name) => {
    const error = await createFixture({ selectivelyDisclosable: [name] }).catch((e: unknown) => e);
    expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
  });

  it('refuses registered claims inside claims, paths that lead nowhere, and non-JSON values', async () => {
    for (const overrides of [
      { claims: { ...CLAIMS, vct: 'x' } },
      { claims: { ...CLAIMS, _sd: [] } },
      { selectivelyDisclosable: [['address', 'zip']] },
      { selectivelyDisclosable: [['nationalities', 5]] },
      { claims: { when: new Date() } },
      { claims: { n: Number.NaN } },
      { decoys: -1 },
      { holderPublicKey: undefined },
      { signer: undefined },
      { x5c: ['not DER'] as unknown as Uint8Array[] },
      { exp: new Date('2025-01-01T00:00:00Z') },
    ]) {
      const error = await createFixture(overrides).catch((e: unknown) => e);
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
  });
});

describe('presentSdJwtVc and verifySdJwtVc', () => {
  it('round-trips a chosen subset with key binding; claims are keyed by vct', async () => {
    const { sdJwt, holder, trust } = await createFixture();
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: ['given_name', ['address', 'locality']],
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    const decoded = decodeSdJwt(presentation);
    expect(decoded.disclosures).toHaveLength(3);
    const kb = decoded.keyBindingJwt?.split('.') ?? [];
    expect(jsonOf(kb[0] ?? '')).toEqual({ alg: 'ES256', typ: 'kb+jwt' });
    expect(jsonOf(kb[1] ?? '')).toMatchObject({ aud: AUDIENCE, nonce: NONCE, iat: NOW.getTime() / 1000 });

    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    expect(report.valid).toBe(true);
    expect(report.format).toBe('sd-jwt-vc');
    expect(report.credentialType).toBe(VCT);
    expect(report.issuer?.name).toBe('CN=Test Issuer,C=CN');
    expect(report.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['trust_chain', 'ok'],
      ['issuer_signature', 'ok'],
      ['digests', 'ok'],
      ['doc_type', 'ok'],
      ['validity', 'ok'],
      ['status', 'skipped'],
      ['device_binding', 'ok'],
    ]);
    expect(report.claims).toEqual({
      [VCT]: {
        iss: 'https://issuer.gov.example.cn/bj',
        iat: 1767225600,
        exp: 1798761600,
        vct: VCT,
        given_name: '三',
        // address is disclosed to reach locality; its other members are not selectively disclosable
        address: CLAIMS.address,
        nationalities: ['CN'],
      },
    });
  });

  it('discloses everything with a predicate, including nested and array disclosures', async () => {
    const { sdJwt, holder, trust } = await createFixture();
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: () => true,
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    expect(report.valid).toBe(true);
    expect(report.claims?.[VCT]).toMatchObject(CLAIMS);
  });

  it('a predicate choosing only a nested claim brings its parent disclosure along', async () => {
    const { sdJwt, holder, trust } = await createFixture();
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: (path) => path.join('.') === 'address.locality',
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    expect(decodeSdJwt(presentation).disclosures).toHaveLength(2);
    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    expect(report.claims?.[VCT]?.address).toEqual(CLAIMS.address);
    expect(report.claims?.[VCT]).not.toHaveProperty('given_name');
  });

  it('a predicate can disclose an object while keeping a nested claim hidden', async () => {
    const { sdJwt, holder, trust } = await createFixture();
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: (path) => path.length === 1 && path[0] === 'address',
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    const { locality: _hidden, ...rest } = CLAIMS.address;
    expect(report.claims?.[VCT]?.address).toEqual(rest);
  });

  it('without key binding: fails when required, passes (device_binding skipped) when not', async () => {
    const { sdJwt, trust } = await createFixture();
    const presentation = await presentSdJwtVc(platform, sdJwt, { disclose: ['family_name'], now: NOW });
    expect(presentation.endsWith('~')).toBe(true);
    const required = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    expect(failedCheck(required)).toEqual({ id: 'device_binding', code: 'ERR_SDJWT_KB_MISSING' });
    expect(required.claims).toBeUndefined();
    const optional = await verifySdJwtVc(platform, presentation, { now: NOW, trust, requireKeyBinding: false });
    expect(optional.valid).toBe(true);
    expect(optional.checks.at(-1)).toMatchObject({ id: 'device_binding', outcome: 'skipped' });
    expect(optional.claims?.[VCT]?.family_name).toBe('张');
  });

  it('refuses a holder signer that is not the cnf key, and KB without audience or nonce', async () => {
    const { sdJwt, holder } = await createFixture();
    const other = await platform.suite('ES256').generateSigner();
    const base = { disclose: [], audience: AUDIENCE, nonce: NONCE, now: NOW };
    const wrongKey = await presentSdJwtVc(platform, sdJwt, { ...base, holderSigner: other }).catch((e: unknown) => e);
    expect(isZzError(wrongKey, 'ERR_INPUT_INVALID')).toBe(true);
    const noNonce = await presentSdJwtVc(platform, sdJwt, {
      disclose: [],
      holderSigner: holder,
      audience: AUDIENCE,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(isZzError(noNonce, 'ERR_INPUT_INVALID')).toBe(true);
  });

  it('requires audience and nonce from the verifier when key binding is required, and valid options', async () => {
    const { sdJwt, trust } = await createFixture();
    const error = await verifySdJwtVc(platform, sdJwt, { now: NOW, trust }).catch((e: unknown) => e);
    expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    for (const options of [undefined, { now: NOW }, { trust, now: 'today' }]) {
      const bad = await verifySdJwtVc(platform, sdJwt, options as never).catch((e: unknown) => e);
      expect(isZzError(bad, 'ERR_INPUT_INVALID')).toBe(true);
    }
    const noOptions = await presentSdJwtVc(platform, sdJwt, undefined as never).catch((e: unknown) => e);
    expect(isZzError(noOptions, 'ERR_INPUT_INVALID')).toBe(true);
  });

  it('uses sm3 for _sd_alg and sd_hash when asked (the SM2 suite default)', async () => {
    const { sdJwt, holder, trust } = await createFixture({ sdAlg: 'sm3' });
    expect(decodeSdJwt(sdJwt).jwt.payload._sd_alg).toBe('sm3');
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: ['id_number'],
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    expect(report.valid).toBe(true);
    expect(report.claims?.[VCT]?.id_number).toBe(CLAIMS.id_number);
  });
});

describe('status (draft-ietf-oauth-status-list §6)', () => {
  const status = { idx: 42, uri: 'https://issuer.gov.example.cn/status/1' };
  const resolver = (value: number, seen: unknown[] = []): StatusResolver => ({
    async resolveStatus(reference) {
      seen.push(reference);
      return value;
    },
  });

  it('checks a referenced entry when a resolver is given, and skips (not ok) without one', async () => {
    const { sdJwt, trust } = await createFixture({ status });
    expect(decodeSdJwt(sdJwt).jwt.payload.status).toEqual({ status_list: status });
    const options = { now: NOW, trust, requireKeyBinding: false };
    const seen: unknown[] = [];
    const ok = await verifySdJwtVc(platform, sdJwt, { ...options, statusResolver: resolver(0, seen) });
    expect(ok.valid).toBe(true);
    expect(ok.statusValue).toBe(0);
    expect(seen).toEqual([status]);
    expect(ok.claims?.[VCT]).not.toHaveProperty('status');
    expect(ok.claims?.[VCT]).not.toHaveProperty('cnf');
    const none = await verifySdJwtVc(platform, sdJwt, options);
    expect(none.checks.find((c) => c.id === 'status')?.outcome).toBe('skipped');
    for (const [value, code] of [
      [1, 'ERR_STATUS_REVOKED'],
      [2, 'ERR_STATUS_SUSPENDED'],
      [3, 'ERR_STATUS_UNKNOWN_VALUE'],
    ] as const) {
      const report = await verifySdJwtVc(platform, sdJwt, { ...options, statusResolver: resolver(value) });
      expect(failedCheck(report)).toEqual({ id: 'status', code });
      expect(report.claims).toBeUndefined();
    }
  });

  it('does not consult the resolver when an earlier check failed (order is a security property)', async () => {
    const { sdJwt } = await createFixture({ status });
    const other = await platform.suite('ES256').generateSigner();
    const seen: unknown[] = [];
    const { fixedTrust } = await import('./fixtures.js');
    const report = await verifySdJwtVc(platform, sdJwt, {
      now: NOW,
      trust: fixedTrust(other.publicKey, FAKE_DER),
      requireKeyBinding: false,
      statusResolver: resolver(0, seen),
    });
    expect(failedCheck(report)).toEqual({ id: 'issuer_signature', code: 'ERR_JWS_SIGNATURE_INVALID' });
    expect(seen).toEqual([]);
    expect(report.checks.slice(2).every((c) => c.outcome === 'skipped')).toBe(true);
  });
});

describe('issueSdJwtVc without disclosures', () => {
  it('issues JWT~ and verifies', async () => {
    const { sdJwt, trust } = await createFixture({ selectivelyDisclosable: [], decoys: 0 });
    expect(sdJwt.split('~')).toHaveLength(2);
    expect(decodeSdJwt(sdJwt).jwt.payload).not.toHaveProperty('_sd');
    const report = await verifySdJwtVc(platform, sdJwt, { now: NOW, trust, requireKeyBinding: false });
    expect(report.valid).toBe(true);
    expect(report.claims?.[VCT]).toMatchObject(CLAIMS);
  });

  it('can issue without x5c, which a verifier then cannot resolve', async () => {
    const { sdJwt, trust } = await createFixture({ x5c: undefined });
    expect(decodeSdJwt(sdJwt).jwt.header).not.toHaveProperty('x5c');
    const report = await verifySdJwtVc(platform, sdJwt, { now: NOW, trust, requireKeyBinding: false });
    expect(failedCheck(report)).toEqual({ id: 'trust_chain', code: 'ERR_TRUST_CHAIN_MISSING' });
  });
});

const hasSm2 = (() => {
  try {
    platform.suite('SM2');
    return true;
  } catch {
    return false;
  }
})();

describe('the SM2 suite', () => {
  it.skipIf(!hasSm2)('issues with alg SM2SM3 and _sd_alg sm3, binds an SM2 device key, and verifies', async () => {
    const issuer = await platform.suite('SM2').generateSigner();
    const holder = await platform.suite('SM2').generateSigner();
    const { fixedTrust } = await import('./fixtures.js');
    const sdJwt = await issueSdJwtVc(platform, {
      signer: issuer,
      x5c: [FAKE_DER],
      vct: VCT,
      claims: CLAIMS,
      selectivelyDisclosable: ['given_name', 'family_name', ['address', 'locality']],
      holderPublicKey: holder.publicKey,
      exp: new Date('2027-01-01T00:00:00Z'),
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const decoded = decodeSdJwt(sdJwt);
    expect(decoded.jwt.header.alg).toBe('SM2SM3');
    expect(decoded.jwt.payload._sd_alg).toBe('sm3');
    expect(decoded.jwt.payload.cnf).toEqual({ jwk: expect.objectContaining({ crv: 'SM2' }) });
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: ['family_name'],
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    const trust = fixedTrust(issuer.publicKey);
    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust });
    expect(report.valid).toBe(true);
    expect(report.issuer?.suite).toBe('SM2');
    expect(report.claims?.[VCT]?.family_name).toBe('张');
    // An ES256 issuer key for an SM2SM3 JWS is an algorithm switch.
    const es = await platform.suite('ES256').generateSigner();
    const switched = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust: fixedTrust(es.publicKey) });
    expect(failedCheck(switched)).toEqual({ id: 'issuer_signature', code: 'ERR_JWS_ALG_NOT_ALLOWED' });
  });
});
