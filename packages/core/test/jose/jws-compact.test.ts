import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_JWS_LENGTH,
  decodeJwsCompact,
  encodeBase64url,
  isZzError,
  signJwsCompact,
  utf8Encode,
  verifyJws,
} from '../../src/index.js';

const platform = createNodePlatform();
const b64 = (value: unknown) => encodeBase64url(utf8Encode(JSON.stringify(value)));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : 'not a ZzError';
  }
}

describe('JWS compact (RFC 7515 §7.1)', () => {
  it('signs and verifies; the signing input is the first two parts exactly as received', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const payload = { iss: 'https://issuer.example', n: 1, text: '正照' };
    const jws = await signJwsCompact(signer, { typ: 'test+jwt', kid: 'k1' }, payload);
    const decoded = decodeJwsCompact(jws);
    expect(decoded.header).toEqual({ alg: 'ES256', typ: 'test+jwt', kid: 'k1' });
    expect(decoded.payload).toEqual(payload);
    expect(decoded.signingInput).toBe(jws.slice(0, jws.lastIndexOf('.')));
    await expect(verifyJws(platform, decoded, signer.publicKey)).resolves.toBeUndefined();
  });

  it('a large payload (the native base64 path) signs, verifies, and fails on any changed character', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const payload = { items: Array.from({ length: 8000 }, (_, i) => ({ id: `entry-${i}`, v: 'x'.repeat(i % 7) })) };
    const jws = await signJwsCompact(signer, { typ: 'test+jwt' }, payload);
    expect(jws.length).toBeGreaterThan(DEFAULT_MAX_JWS_LENGTH);
    const decoded = decodeJwsCompact(jws, 4 * 1024 * 1024);
    expect(decoded.payload).toEqual(payload);
    await expect(verifyJws(platform, decoded, signer.publicKey)).resolves.toBeUndefined();
    expect(codeOf(() => decodeJwsCompact(jws))).toBe('ERR_INPUT_TOO_LARGE');

    // a payload of the same length, re-encoded: same JSON shape, one value changed
    const [header, , signature] = jws.split('.') as [string, string, string];
    const changed = {
      ...payload,
      items: payload.items.map((item, i) => (i === 4000 ? { ...item, id: 'entry-X' } : item)),
    };
    const forged = decodeJwsCompact(`${header}.${b64(changed)}.${signature}`, 4 * 1024 * 1024);
    await expect(verifyJws(platform, forged, signer.publicKey)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_INVALID',
    });
    // a non-canonical payload text (padding) is refused before any signature check
    expect(codeOf(() => decodeJwsCompact(`${header}.${b64(payload)}=.${signature}`, 4 * 1024 * 1024))).toBe(
      'ERR_ENCODING_BASE64URL',
    );
  });

  it('needs exactly three parts', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const jws = await signJwsCompact(signer, {}, { a: 1 });
    const [h, p, s] = jws.split('.') as [string, string, string];
    for (const bad of ['', h, `${h}.${p}`, `${h}.${p}.${s}.`, `${h}.${p}.${s}.${s}`, `.${h}.${p}`, '..', '...']) {
      expect(
        codeOf(() => decodeJwsCompact(bad)),
        bad.slice(0, 20),
      ).toMatch(/^ERR_(JWS_MALFORMED|ENCODING_)/);
    }
    expect(codeOf(() => decodeJwsCompact(`${h}.${p}.${s}.x`))).toBe('ERR_JWS_MALFORMED');
    expect(codeOf(() => decodeJwsCompact(`${h}.${p}`))).toBe('ERR_JWS_MALFORMED');
    expect(codeOf(() => decodeJwsCompact(42 as unknown as string))).toBe('ERR_JWS_MALFORMED');
  });

  it('header and payload must be JSON objects, the header with an alg', () => {
    const sig = encodeBase64url(new Uint8Array(64));
    expect(codeOf(() => decodeJwsCompact(`${b64({ typ: 'x' })}.${b64({})}.${sig}`))).toBe('ERR_JWS_MALFORMED');
    expect(codeOf(() => decodeJwsCompact(`${b64({ alg: 'ES256' })}.${b64([1])}.${sig}`))).toBe('ERR_JWS_MALFORMED');
    expect(codeOf(() => decodeJwsCompact(`${b64({ alg: 'ES256' })}.${encodeBase64url(utf8Encode('{'))}.${sig}`))).toBe(
      'ERR_ENCODING_JSON',
    );
  });

  it('refuses another alg than the key’s suite, and crit', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const jws = await signJwsCompact(signer, {}, { a: 1 });
    const decoded = decodeJwsCompact(jws);
    await expect(
      verifyJws(platform, { ...decoded, header: { ...decoded.header, alg: 'none' } }, signer.publicKey),
    ).rejects.toMatchObject({ code: 'ERR_JWS_ALG_NOT_ALLOWED' });
    const withCrit = decodeJwsCompact(await signJwsCompact(signer, { crit: ['exp'] }, { a: 1 }));
    await expect(verifyJws(platform, withCrit, signer.publicKey)).rejects.toMatchObject({ code: 'ERR_JWS_MALFORMED' });
  });
});
