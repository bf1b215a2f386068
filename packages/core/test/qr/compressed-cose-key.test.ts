import { createNodePlatform } from '@zhengzhao/crypto-node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coseKeyToPublicKeyCompressed,
  decompressPoint,
  isZzError,
  publicKeyToCompressedCoseKey,
  publicKeyToCoseKey,
  type SuiteId,
  toHex,
} from '../../src/index.js';

const platform = createNodePlatform();
const suites: SuiteId[] = ['ES256'];
try {
  platform.suite('SM2');
  suites.push('SM2');
} catch {
  // SM2 not in this platform yet: ES256 only.
}

describe('compressed EC2 COSE_Key (RFC 9053 §7.1.1, y as sign bit)', () => {
  it.each(suites)('recovers %s points from x and the sign of y', async (suite) => {
    for (let i = 0; i < 20; i++) {
      const { publicKey } = await platform.suite(suite).generateSigner();
      const compressed = publicKeyToCompressedCoseKey(publicKey);
      expect(typeof compressed.get(-3)).toBe('boolean');
      expect(toHex(coseKeyToPublicKeyCompressed(compressed).point)).toBe(toHex(publicKey.point));
      expect(toHex(coseKeyToPublicKeyCompressed(publicKeyToCoseKey(publicKey)).point)).toBe(toHex(publicKey.point));
    }
  });

  it('rejects x off the curve, x ≥ p, private keys and unknown curves', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isZzError(error) ? error.code : 'OTHER';
      }
      return undefined;
    };
    // About half of all x have no point: the small ones tell both kinds apart.
    const codes = Array.from({ length: 16 }, (_, i) => {
      const x = new Uint8Array(32);
      x[31] = i + 1;
      return code(() => decompressPoint('ES256', x, false));
    });
    expect(codes).toContain('ERR_CRYPTO_KEY_INVALID');
    expect(codes).toContain(undefined);
    expect(code(() => decompressPoint('ES256', new Uint8Array(32).fill(0xff), false))).toBe('ERR_CRYPTO_KEY_INVALID');
    expect(
      code(() =>
        coseKeyToPublicKeyCompressed(
          new Map<number, unknown>([
            [1, 2],
            [-1, 1],
            [-2, new Uint8Array(32)],
            [-3, true],
            [-4, new Uint8Array(32)],
          ]),
        ),
      ),
    ).toBe('ERR_CRYPTO_KEY_INVALID');
    expect(
      code(() =>
        coseKeyToPublicKeyCompressed(
          new Map<number, unknown>([
            [1, 2],
            [-1, 99],
            [-2, new Uint8Array(32)],
            [-3, true],
          ]),
        ),
      ),
    ).toBe('ERR_CRYPTO_UNSUPPORTED_ALG');
  });

  it('never throws an untyped error on random x (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.boolean(), (x, odd) => {
        try {
          const key = decompressPoint('ES256', x, odd);
          expect(((key.point[64] as number) & 1) === 1).toBe(odd);
        } catch (error) {
          expect(isZzError(error, 'ERR_CRYPTO_KEY_INVALID')).toBe(true);
        }
      }),
    );
  });
});
