import { deflateSync } from 'node:zlib';
import { type ErrorCode, isZzError, toHex, utf8Encode } from '@zhengzhao/core';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { createNodePlatform, inflateZlib } from '../../src/index.js';

const platform = createNodePlatform();

function expectCode(fn: () => unknown, code: ErrorCode): void {
  let failure: unknown;
  try {
    fn();
  } catch (error) {
    failure = error;
  }
  expect(isZzError(failure, code), `expected ${code}, got ${String(failure)}`).toBe(true);
}

describe('createNodePlatform', () => {
  it('answers synchronously for both suites', () => {
    for (const id of ['ES256', 'SM2'] as const) {
      const signer = platform.suite(id).generateSigner();
      expect(signer).not.toBeInstanceOf(Promise);
    }
  });

  it('SM2 (native SM3) interoperates with sm-crypto-v2 with the default user ID', async () => {
    const suite = platform.suite('SM2');
    const signer = await suite.generateSigner();
    const data = utf8Encode('SM2 on node');
    const signature = await signer.sign(data);
    expect(sm2.doVerifySignature(data, toHex(signature), toHex(signer.publicKey.point), { hash: true })).toBe(true);
    const keys = sm2.generateKeyPairHex();
    const theirs = sm2.doSignature(data, keys.privateKey, { hash: true });
    expect(suite.verify(Uint8Array.from(Buffer.from(keys.publicKey, 'hex')), data, Buffer.from(theirs, 'hex'))).toBe(
      true,
    );
  });

  it('ES256 refuses out-of-range private scalars and non-bytes', async () => {
    const suite = platform.suite('ES256');
    const n = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551', 'hex');
    expectCode(() => suite.importSigner(new Uint8Array(n)), 'ERR_CRYPTO_KEY_INVALID');
    expectCode(() => suite.importSigner('x'.repeat(32) as unknown as Uint8Array), 'ERR_CRYPTO_KEY_INVALID');
    const signer = await suite.generateSigner();
    expectCode(
      () => suite.verify(signer.publicKey.point, 'data' as unknown as Uint8Array, new Uint8Array(64)),
      'ERR_INPUT_INVALID',
    );
    expectCode(
      () => suite.verify('key' as unknown as Uint8Array, new Uint8Array(1), new Uint8Array(64)),
      'ERR_CRYPTO_KEY_INVALID',
    );
  });

  it('randomBytes refuses bad lengths', () => {
    expectCode(() => platform.randomBytes(-1), 'ERR_INPUT_INVALID');
    expectCode(() => platform.randomBytes(1.5), 'ERR_INPUT_INVALID');
  });

  it('digest refuses unknown algorithms and non-bytes', () => {
    expectCode(() => platform.digest('toString' as 'SM3', new Uint8Array(1)), 'ERR_CRYPTO_UNSUPPORTED_ALG');
    expectCode(() => platform.digest('SM3', 'abc' as unknown as Uint8Array), 'ERR_INPUT_INVALID');
  });
});

describe('inflateZlib', () => {
  const hello = new Uint8Array(deflateSync('hello'));

  it('honours the limit exactly, including 0', () => {
    expect(new TextDecoder().decode(inflateZlib(hello, 5))).toBe('hello');
    expectCode(() => inflateZlib(hello, 4), 'ERR_COMPRESSION_LIMIT');
    expectCode(() => inflateZlib(hello, 0), 'ERR_COMPRESSION_LIMIT');
    expect(inflateZlib(new Uint8Array(deflateSync(new Uint8Array(0))), 0).length).toBe(0);
  });

  it('rejects bad limits and non-bytes', () => {
    expectCode(() => inflateZlib(hello, -1), 'ERR_INPUT_INVALID');
    expectCode(() => inflateZlib(hello, Number.NaN), 'ERR_INPUT_INVALID');
    expectCode(() => inflateZlib('x' as unknown as Uint8Array, 10), 'ERR_COMPRESSION_MALFORMED');
  });

  it('rejects a preset-dictionary stream as malformed', () => {
    const withDictionary = new Uint8Array(deflateSync('hello', { dictionary: Buffer.from('hello') }));
    expectCode(() => inflateZlib(withDictionary, 100), 'ERR_COMPRESSION_MALFORMED');
  });

  it('returns a plain copy, not a view of a pooled Buffer', () => {
    const out = inflateZlib(hello, 5);
    expect(out.constructor).toBe(Uint8Array);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(5);
  });
});
