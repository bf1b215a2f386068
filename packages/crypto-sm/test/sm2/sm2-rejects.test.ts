import { randomBytes } from 'node:crypto';
import { concatBytes, fromHex, isZzError, toHex, utf8Encode } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSm2Suite, SM2_CURVE, Sm2KeyCache, sm3 } from '../../src/index.js';

const random = (length: number) => new Uint8Array(randomBytes(length));
const suite = createSm2Suite({ randomBytes: random });
const n = SM2_CURVE.n;
const be32 = (value: bigint) => fromHex(value.toString(16).padStart(64, '0'));

function expectCode(fn: () => unknown, code: Parameters<typeof isZzError>[1]) {
  try {
    fn();
  } catch (error) {
    expect(isZzError(error, code)).toBe(true);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

describe('SM2 rejects tampered and malformed input', async () => {
  const signer = await suite.generateSigner();
  const message = utf8Encode('e-licence');
  const signature = await signer.sign(message);
  const point = signer.publicKey.point;
  const r = signature.subarray(0, 32);
  const s = signature.subarray(32);

  it('accepts the untampered signature', () => {
    expect(suite.verify(point, message, signature)).toBe(true);
  });

  it('rejects a tampered message, signature or key', async () => {
    expect(suite.verify(point, utf8Encode('e-licencf'), signature)).toBe(false);
    for (const index of [0, 31, 32, 63]) {
      const bad = new Uint8Array(signature);
      bad[index] = (bad[index] as number) ^ 1;
      expect(suite.verify(point, message, bad)).toBe(false);
    }
    const other = await suite.generateSigner();
    expect(suite.verify(other.publicKey.point, message, signature)).toBe(false);
  });

  it('rejects r or s equal to 0 or ≥ n', () => {
    const zero = new Uint8Array(32);
    for (const bad of [zero, be32(n), be32(n + 1n), fromHex('ff'.repeat(32))]) {
      expect(suite.verify(point, message, concatBytes(bad, s))).toBe(false);
      expect(suite.verify(point, message, concatBytes(r, bad))).toBe(false);
    }
  });

  it('rejects r + s ≡ 0 (mod n) and the negated s', () => {
    const rValue = BigInt(`0x${toHex(r)}`);
    const sValue = BigInt(`0x${toHex(s)}`);
    expect(suite.verify(point, message, concatBytes(r, be32(n - rValue)))).toBe(false);
    expect(suite.verify(point, message, concatBytes(r, be32(n - sValue)))).toBe(false);
  });

  it('returns false for signatures of the wrong size (including DER)', () => {
    for (const bad of [new Uint8Array(0), signature.subarray(0, 63), concatBytes(signature, new Uint8Array(1))]) {
      expect(suite.verify(point, message, bad)).toBe(false);
    }
  });

  it('throws ERR_CRYPTO_KEY_INVALID for a point off the curve, at infinity or badly encoded', () => {
    const offCurve = new Uint8Array(point);
    offCurve[64] = (offCurve[64] as number) ^ 1;
    const xTooBig = concatBytes(new Uint8Array([4]), be32(SM2_CURVE.p), point.subarray(33));
    const compressed = concatBytes(new Uint8Array([2 + ((point[64] as number) & 1)]), point.subarray(1, 33));
    for (const bad of [offCurve, xTooBig, compressed, new Uint8Array(65), new Uint8Array([0]), point.subarray(1)]) {
      expectCode(() => suite.verify(bad, message, signature), 'ERR_CRYPTO_KEY_INVALID');
    }
  });

  it('throws ERR_CRYPTO_KEY_INVALID for private scalars outside [1, n−2]', () => {
    for (const bad of [new Uint8Array(32), be32(n - 1n), be32(n), new Uint8Array(31)]) {
      expectCode(() => suite.importSigner(bad), 'ERR_CRYPTO_KEY_INVALID');
    }
    expect(suite.importSigner(be32(n - 2n))).toBeDefined();
  });

  it('fails with ERR_CRYPTO_OPERATION on a broken random source instead of looping', async () => {
    const broken = createSm2Suite({ randomBytes: (length) => new Uint8Array(length) });
    expectCode(() => broken.generateSigner(), 'ERR_CRYPTO_OPERATION');
    const sig = await broken.importSigner(be32(7n));
    expectCode(() => sig.sign(message), 'ERR_CRYPTO_OPERATION');
    const short = createSm2Suite({ randomBytes: () => new Uint8Array(4) });
    expectCode(() => short.generateSigner(), 'ERR_CRYPTO_OPERATION');
  });

  it('throws ERR_INPUT_INVALID for non-bytes data', () => {
    expectCode(() => suite.verify(point, 'x' as unknown as Uint8Array, signature), 'ERR_INPUT_INVALID');
  });

  it('random keys and signatures yield false or ERR_CRYPTO_KEY_INVALID, never another error (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), fc.uint8Array({ minLength: 60, maxLength: 66 }), (key, sig) => {
        try {
          expect(suite.verify(key, message, sig)).toBe(false);
        } catch (error) {
          expect(isZzError(error, 'ERR_CRYPTO_KEY_INVALID')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (sig) => {
        expect(suite.verify(point, message, sig)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Sm2KeyCache', () => {
  it('stays correct across eviction and table upgrades', async () => {
    const cache = new Sm2KeyCache(sm3, { maxEntries: 2, maxHotEntries: 1 });
    const keys = await Promise.all([1, 2, 3].map(() => suite.generateSigner()));
    for (let round = 0; round < 60; round++) {
      for (const key of keys) {
        const entry = cache.get(key.publicKey.point);
        expect(entry.point.toBytes(false)).toEqual(key.publicKey.point);
      }
    }
    const a = cache.get(keys[2]?.publicKey.point ?? new Uint8Array(0));
    expect(a.window === 4 || a.window === 8).toBe(true);
  });
});
