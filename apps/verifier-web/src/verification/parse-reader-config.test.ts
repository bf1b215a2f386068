import { encodeBase64url, encodeCertificatePem, isZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createReaderFixture,
  READER_ORGANISATION,
  type ReaderFixture,
} from '../../../../test/browser/verifier-web-proximity-fixtures.js';
import { importReaderKey } from './import-reader-key.js';
import { MAX_READER_CONFIG_BYTES, parseReaderConfig } from './parse-reader-config.js';

const NOW = new Date('2026-11-27T08:00:00Z');
const DAY = 86_400_000;
const platform = createNodePlatform();

let reader: ReaderFixture;
let other: ReaderFixture;
beforeAll(async () => {
  reader = await createReaderFixture(platform, NOW);
  other = await createReaderFixture(platform, NOW, { organisation: 'Another Shop' });
});

/** The code `run` fails with (undefined when it does not fail). */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : `not a ZzError: ${String(error)}`;
  }
}

const parse =
  (overrides: Record<string, unknown>, now = NOW) =>
  () =>
    parseReaderConfig(reader.readerJson(overrides), now);
const jwk = (changes: Record<string, unknown>) => ({ ...reader.privateJwk, ...changes });

describe('parseReaderConfig', () => {
  it('reads a valid reader.json: the chain as DER, the key, the names', () => {
    const config = parseReaderConfig(reader.readerJson(), NOW);
    expect(config.certificateChain).toEqual(reader.chain);
    expect(config.privateKeyJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: reader.privateJwk.x,
      y: reader.privateJwk.y,
      d: reader.privateJwk.d,
    });
    expect(config.organisation).toEqual(READER_ORGANISATION);
  });

  it('accepts the members a WebCrypto or key-tool export adds (alg ES256, use sig, key_ops, ext, kid)', () => {
    const exported = jwk({ alg: 'ES256', use: 'sig', key_ops: ['sign'], ext: true, kid: 'front-desk-1' });
    expect(parseReaderConfig(reader.readerJson({ private_key_jwk: exported }), NOW).privateKeyJwk.d).toBe(
      reader.privateJwk.d,
    );
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    for (const text of ['', '{', '{"certificate_chain": [}', 'null', '[]', '"reader"', '42', 'true']) {
      expect(
        codeOf(() => parseReaderConfig(text, NOW)),
        text,
      ).toBe('ERR_READER_CONFIG_INVALID');
    }
    expect(codeOf(() => parseReaderConfig(42 as unknown as string, NOW))).toBe('ERR_READER_CONFIG_INVALID');
  });

  it('refuses a missing member and an unknown one', () => {
    for (const member of ['certificate_chain', 'private_key_jwk', 'organisation']) {
      expect(codeOf(parse({ [member]: undefined })), member).toBe('ERR_READER_CONFIG_INVALID');
      expect(codeOf(parse({ [member]: null })), member).toBe('ERR_READER_CONFIG_INVALID');
    }
    expect(codeOf(parse({ relay: 'wss://relay.example.cn' }))).toBe('ERR_READER_CONFIG_INVALID');
    expect(codeOf(parse({ private_key_jwk: jwk({ p: 'AQAB' }) }))).toBe('ERR_READER_CONFIG_INVALID');
  });

  it('refuses keys of another type or curve, public keys and malformed coordinates', () => {
    const cases: Record<string, unknown>[] = [
      { kty: 'RSA' },
      { kty: 'OKP', crv: 'Ed25519' },
      { kty: 'oct', k: 'c2VjcmV0' },
      { crv: 'P-384' },
      { crv: 'secp256k1' },
      { crv: 'SM2' },
      { alg: 'ES384' },
      { alg: 'RS256' },
      { use: 'enc' },
      { d: undefined },
      { x: 42 },
      { x: 'not base64url!' },
      { x: encodeBase64url(new Uint8Array(31)) },
      { y: encodeBase64url(new Uint8Array(33)) },
      { d: encodeBase64url(new Uint8Array(16)) },
    ];
    for (const change of cases) {
      const key: Record<string, unknown> = jwk(change);
      for (const [name, value] of Object.entries(change)) if (value === undefined) delete key[name];
      expect(codeOf(parse({ private_key_jwk: key })), JSON.stringify(change)).toBe('ERR_READER_CONFIG_INVALID');
    }
    for (const key of ['-----BEGIN PRIVATE KEY-----', [], 7]) {
      expect(codeOf(parse({ private_key_jwk: key }))).toBe('ERR_READER_CONFIG_INVALID');
    }
  });

  it('refuses a key that is not the reader certificate’s', () => {
    expect(codeOf(parse({ private_key_jwk: other.privateJwk }))).toBe('ERR_READER_CONFIG_INVALID');
    expect(codeOf(parse({ certificate_chain: other.chain.map((der) => encodeCertificatePem(der)) }))).toBe(
      'ERR_READER_CONFIG_INVALID',
    );
  });

  it('refuses a malformed, empty, overlong or tampered certificate chain', () => {
    const pem = encodeCertificatePem(reader.chain[0] as Uint8Array);
    const cases: unknown[] = [
      [],
      'not an array',
      [42],
      ['hello'],
      [pem.replace('-----END CERTIFICATE-----', '')],
      [pem + pem],
      [pem, pem, pem, pem, pem],
      [pem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n')], // a line of the DER cut out
    ];
    for (const chain of cases) {
      expect(codeOf(parse({ certificate_chain: chain })), String(chain).slice(0, 40)).toBe('ERR_READER_CONFIG_INVALID');
    }
    // the root and an intermediate may follow the leaf
    const withRoot = parseReaderConfig(
      reader.readerJson({ certificate_chain: [pem, encodeCertificatePem(reader.rootDer)] }),
      NOW,
    );
    expect(withRoot.certificateChain).toHaveLength(2);
  });

  it('refuses a reader certificate without id-mdlReaderAuth or outside its validity', async () => {
    const noEku = await createReaderFixture(platform, NOW, { withoutReaderEku: true });
    expect(codeOf(() => parseReaderConfig(noEku.readerJson(), NOW))).toBe('ERR_READER_CONFIG_INVALID');
    expect(codeOf(parse({}, new Date(NOW.getTime() + 400 * DAY)))).toBe('ERR_READER_CONFIG_INVALID');
    expect(codeOf(parse({}, new Date(NOW.getTime() - 2 * DAY)))).toBe('ERR_READER_CONFIG_INVALID');
    // the root is no reader certificate
    const rootOnly = { certificate_chain: [encodeCertificatePem(reader.rootDer)] };
    expect(codeOf(parse(rootOnly))).toBe('ERR_READER_CONFIG_INVALID');
  });

  it('refuses organisation names that are missing, empty, too long, of the wrong type, or in other languages', () => {
    const cases: unknown[] = [
      { 'zh-CN': '测试酒店' },
      { en: 'Test Hotel' },
      { 'zh-CN': '', en: 'Test Hotel' },
      { 'zh-CN': '   ', en: 'Test Hotel' },
      { 'zh-CN': '测'.repeat(129), en: 'Test Hotel' },
      { 'zh-CN': 42, en: 'Test Hotel' },
      { 'zh-CN': '测试酒店', en: 'Test Hotel', fr: 'Hôtel test' },
      'Test Hotel',
      ['测试酒店', 'Test Hotel'],
    ];
    for (const organisation of cases) {
      expect(codeOf(parse({ organisation })), JSON.stringify(organisation)).toBe('ERR_READER_CONFIG_INVALID');
    }
  });

  it('refuses more than 64 KiB, counted in UTF-8 bytes, before parsing', () => {
    const padded = reader.readerJson().replace(/}$/, `,"x":"${'a'.repeat(MAX_READER_CONFIG_BYTES)}"}`);
    expect(codeOf(() => parseReaderConfig(padded, NOW))).toBe('ERR_INPUT_TOO_LARGE');
    // 25,000 Han characters are 75,000 bytes though fewer than 65,536 characters
    const han = reader.readerJson({ organisation: { 'zh-CN': '测'.repeat(25_000), en: 'Test Hotel' } });
    expect(han.length).toBeLessThan(MAX_READER_CONFIG_BYTES);
    expect(codeOf(() => parseReaderConfig(han, NOW))).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('never fails with anything but its two codes, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (text) => {
          const code = codeOf(() => parseReaderConfig(text, NOW));
          expect(['ERR_READER_CONFIG_INVALID', 'ERR_INPUT_TOO_LARGE']).toContain(code);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts no key material in its error messages', () => {
    try {
      parseReaderConfig(reader.readerJson({ private_key_jwk: other.privateJwk }), NOW);
      expect.unreachable();
    } catch (error) {
      const text = `${(error as Error).message} ${JSON.stringify(error)}`;
      expect(text).not.toContain(other.privateJwk.d);
      expect(text).not.toContain(reader.privateJwk.d);
    }
  });
});

describe('importReaderKey', () => {
  it('imports the private key as non-extractable and signs what the certificate’s key verifies', async () => {
    const identity = await importReaderKey(parseReaderConfig(reader.readerJson(), NOW));
    const signer = identity.readerKey.signer as typeof identity.readerKey.signer & { keyPair: CryptoKeyPair };
    expect(signer.keyPair.privateKey.extractable).toBe(false);
    expect(signer.keyPair.privateKey.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('jwk', signer.keyPair.privateKey)).rejects.toThrow();
    const data = new TextEncoder().encode('ReaderAuthentication');
    const signature = await signer.sign(data);
    expect(await platform.suite('ES256').verify(signer.publicKey.point, data, signature)).toBe(true);
    expect(identity.readerKey.certificateChain).toEqual(reader.chain);
    expect(identity.organisation).toEqual(READER_ORGANISATION);
    // nothing of the JWK is kept
    expect(JSON.stringify(identity)).not.toContain(reader.privateJwk.d);
  });

  it('refuses a d that is not the private key of x and y', async () => {
    const config = parseReaderConfig(reader.readerJson(), NOW);
    const mixed = { ...config, privateKeyJwk: { ...config.privateKeyJwk, d: other.privateJwk.d } };
    await expect(importReaderKey(mixed)).rejects.toMatchObject({ code: 'ERR_READER_CONFIG_INVALID' });
  });

  it('refuses a point that is not on the curve', async () => {
    const config = parseReaderConfig(reader.readerJson(), NOW);
    const offCurve = { ...config, privateKeyJwk: { ...config.privateKeyJwk, y: encodeBase64url(new Uint8Array(32)) } };
    await expect(importReaderKey(offCurve)).rejects.toMatchObject({ code: 'ERR_READER_CONFIG_INVALID' });
  });
});
