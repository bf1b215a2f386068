import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExportableSigner, encodeBase64url, isZzError, publicKeyToJwk, utf8Encode } from '../../src/index.js';
import { createProofJwt, PROOF_JWT_TYP, type VerifyProofJwtOptions, verifyProofJwt } from '../../src/oid4vci/index.js';
import { codeOf, craftJwt, ISSUER, NOW, NOW_S, platform } from './helpers.js';

const hasSm2 = (() => {
  try {
    platform.suite('SM2');
    return true;
  } catch {
    return false;
  }
})();

const verifyOptions: VerifyProofJwtOptions = {
  audience: ISSUER,
  nonce: 'n-123',
  now: NOW,
  maxAgeSeconds: 300,
  allowedSuites: ['ES256'],
};

describe('createProofJwt / verifyProofJwt (OpenID4VCI 1.0 Appendix F.1)', () => {
  let device: ExportableSigner;
  let other: ExportableSigner;
  let jwk: ReturnType<typeof publicKeyToJwk>;
  const header = () => ({ alg: 'ES256', typ: PROOF_JWT_TYP, jwk });
  const claims = (extra: object = {}) => ({ aud: ISSUER, iat: NOW_S, nonce: 'n-123', ...extra });

  beforeAll(async () => {
    device = await platform.suite('ES256').generateSigner();
    other = await platform.suite('ES256').generateSigner();
    jwk = publicKeyToJwk(device.publicKey);
  });

  it('creates a proof with typ, alg, jwk and aud/iat/nonce, and verifies it to the device key', async () => {
    const jwt = await createProofJwt(platform, { signer: device, audience: ISSUER, nonce: 'n-123', now: NOW });
    const [h, p] = jwt
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    expect(h).toEqual({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk });
    expect(p).toEqual({ aud: ISSUER, iat: NOW_S, nonce: 'n-123' });
    const verified = await verifyProofJwt(platform, jwt, verifyOptions);
    expect(verified.publicKey.point).toEqual(device.publicKey.point);
    expect(verified.nonce).toBe('n-123');
    expect(verified.issuedAt).toEqual(new Date(NOW_S * 1000));
  });

  it('returns the nonce for the caller to check when no nonce is given', async () => {
    const jwt = await createProofJwt(platform, { signer: device, audience: ISSUER, nonce: 'server-side', now: NOW });
    const { nonce, ...rest } = verifyOptions;
    expect((await verifyProofJwt(platform, jwt, rest)).nonce).toBe('server-side');
    expect(nonce).toBe('n-123');
  });

  it.skipIf(!hasSm2)('works with an SM2 device key (alg SM2SM3)', async () => {
    const sm2 = await platform.suite('SM2').generateSigner();
    const jwt = await createProofJwt(platform, { signer: sm2, audience: ISSUER, nonce: 'n-123', now: NOW });
    const verified = await verifyProofJwt(platform, jwt, { ...verifyOptions, allowedSuites: ['SM2'] });
    expect(verified.publicKey.suite).toBe('SM2');
    expect(await codeOf(() => verifyProofJwt(platform, jwt, verifyOptions))).toBe('ERR_OID4VCI_INVALID_PROOF');
    // an SM2 key announced as ES256
    const lying = await craftJwt(sm2, { ...header(), jwk: publicKeyToJwk(sm2.publicKey) }, claims());
    const both = { ...verifyOptions, allowedSuites: ['ES256', 'SM2'] as const };
    expect(await codeOf(() => verifyProofJwt(platform, lying, both))).toBe('ERR_OID4VCI_INVALID_PROOF');
  });

  const cases: [string, () => Promise<string>][] = [
    ['wrong aud', () => craftJwt(device, header(), claims({ aud: 'https://evil.example' }))],
    ['aud array with two entries', () => craftJwt(device, header(), claims({ aud: [ISSUER, 'https://x.example'] }))],
    ['missing typ', () => craftJwt(device, { alg: 'ES256', jwk }, claims())],
    ['typ JWT', () => craftJwt(device, { ...header(), typ: 'JWT' }, claims())],
    [
      'alg none',
      async () => {
        const input = `${b64(header()).replace(/.*/, b64({ alg: 'none', typ: PROOF_JWT_TYP, jwk }))}.${b64(claims())}`;
        return `${input}.`;
      },
    ],
    [
      'HS256 keyed with the public key',
      async () => {
        const input = `${b64({ alg: 'HS256', typ: PROOF_JWT_TYP, jwk })}.${b64(claims())}`;
        const mac = createHmac('sha256', JSON.stringify(jwk)).update(input).digest();
        return `${input}.${encodeBase64url(new Uint8Array(mac))}`;
      },
    ],
    ['alg RS256', () => craftJwt(device, { ...header(), alg: 'RS256' }, claims())],
    ['alg SM2SM3 not allowed here', () => craftJwt(device, { ...header(), alg: 'SM2SM3' }, claims())],
    ['signature by another key', () => craftJwt(other, header(), claims())],
    ['kid instead of jwk', () => craftJwt(device, { alg: 'ES256', typ: PROOF_JWT_TYP, kid: 'k1' }, claims())],
    ['x5c instead of jwk', () => craftJwt(device, { alg: 'ES256', typ: PROOF_JWT_TYP, x5c: ['AAAA'] }, claims())],
    ['jwk and kid', () => craftJwt(device, { ...header(), kid: 'k1' }, claims())],
    ['no key at all', () => craftJwt(device, { alg: 'ES256', typ: PROOF_JWT_TYP }, claims())],
    [
      'private jwk',
      () =>
        craftJwt(device, { ...header(), jwk: { ...jwk, d: encodeBase64url(device.exportPrivateScalar()) } }, claims()),
    ],
    ['jwk off the curve', () => craftJwt(device, { ...header(), jwk: { ...jwk, y: jwk.x } }, claims())],
    ['crit header', () => craftJwt(device, { ...header(), crit: ['exp'] }, claims())],
    ['iat too old', () => craftJwt(device, header(), claims({ iat: NOW_S - 301 }))],
    ['iat in the future', () => craftJwt(device, header(), claims({ iat: NOW_S + 61 }))],
    ['iat as a string', () => craftJwt(device, header(), claims({ iat: String(NOW_S) }))],
    ['iat missing', () => craftJwt(device, header(), { aud: ISSUER, nonce: 'n-123' })],
    ['exp in the past', () => craftJwt(device, header(), claims({ exp: NOW_S - 1 }))],
    ['iss for anonymous access', () => craftJwt(device, header(), claims({ iss: 'wallet' }))],
    ['nonce not a string', () => craftJwt(device, header(), claims({ nonce: 5 }))],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await craftJwt(device, header(), claims())).split('.');
        return `${h}.${b64(claims({ aud: ISSUER, extra: 1 }))}.${s}`;
      },
    ],
    ['two parts', async () => `${b64(header())}.${b64(claims())}`],
    ['not base64url', async () => 'a$b.c.d'],
    ['payload not an object', async () => `${b64(header())}.${encodeBase64url(utf8Encode('[1]'))}.AAAA`],
    ['too long', async () => 'a'.repeat(9000)],
  ];
  it.each(cases)('refuses %s with ERR_OID4VCI_INVALID_PROOF', async (_name, make) => {
    expect(await codeOf(async () => verifyProofJwt(platform, await make(), verifyOptions))).toBe(
      'ERR_OID4VCI_INVALID_PROOF',
    );
  });

  it('refuses a missing or different nonce with ERR_OID4VCI_INVALID_NONCE', async () => {
    const none = await craftJwt(device, header(), { aud: ISSUER, iat: NOW_S });
    expect(await codeOf(() => verifyProofJwt(platform, none, verifyOptions))).toBe('ERR_OID4VCI_INVALID_NONCE');
    const other = await craftJwt(device, header(), claims({ nonce: 'n-999' }));
    expect(await codeOf(() => verifyProofJwt(platform, other, verifyOptions))).toBe('ERR_OID4VCI_INVALID_NONCE');
    const { nonce: _n, ...noNonce } = verifyOptions;
    const accepted = await verifyProofJwt(platform, none, { ...noNonce, requireNonce: false });
    expect(accepted.nonce).toBeUndefined();
  });

  it('accepts an aud array of exactly the issuer and an iss when a client id is expected', async () => {
    expect(
      (await verifyProofJwt(platform, await craftJwt(device, header(), claims({ aud: [ISSUER] })), verifyOptions))
        .nonce,
    ).toBe('n-123');
    const withIss = await craftJwt(device, header(), claims({ iss: 'wallet-1' }));
    expect((await verifyProofJwt(platform, withIss, { ...verifyOptions, clientId: 'wallet-1' })).nonce).toBe('n-123');
    expect(await codeOf(() => verifyProofJwt(platform, withIss, { ...verifyOptions, clientId: 'wallet-2' }))).toBe(
      'ERR_OID4VCI_INVALID_PROOF',
    );
  });

  it('createProofJwt validates its input', async () => {
    expect(await codeOf(() => createProofJwt(platform, { signer: device, audience: '', now: NOW }))).toBe(
      'ERR_INPUT_INVALID',
    );
    expect(
      await codeOf(() => createProofJwt(platform, { signer: device, audience: ISSUER, nonce: '', now: NOW })),
    ).toBe('ERR_INPUT_INVALID');
    expect(
      await codeOf(() => createProofJwt(platform, { signer: device, audience: ISSUER, now: new Date(Number.NaN) })),
    ).toBe('ERR_INPUT_INVALID');
  });

  it('property: random strings and truncated proofs are refused with a ZzError', async () => {
    const good = await createProofJwt(platform, { signer: device, audience: ISSUER, nonce: 'n-123', now: NOW });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.nat(good.length - 1).map((n) => good.slice(0, n)),
        ),
        async (input) => {
          try {
            await verifyProofJwt(platform, input, verifyOptions);
            return false;
          } catch (error) {
            return isZzError(error, 'ERR_OID4VCI_INVALID_PROOF') || isZzError(error, 'ERR_OID4VCI_INVALID_NONCE');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function b64(value: unknown): string {
  return encodeBase64url(utf8Encode(JSON.stringify(value)));
}
