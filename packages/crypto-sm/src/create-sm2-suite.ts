import { bytesToNumberBE } from '@noble/curves/utils.js';
import { type CryptoSuite, type ExportableSigner, type PublicKey, SUITES, ZzError } from '@zhengzhao/core';
import { computeSm2Za } from './compute-sm2-za.js';
import { signSm2Digest, sm2MessageDigest, sm2SigningFactor } from './sign-sm2.js';
import { SM2_ORDER } from './sm2-curve.js';
import { Sm2KeyCache, type Sm2KeyCacheOptions } from './sm2-key-cache.js';
import { parseSm2PrivateScalar, sm2PublicKeyOf } from './sm2-public-key.js';
import type { RandomBytesFunction, Sm3Function } from './sm2-types.js';
import { sm3 as pureSm3 } from './sm3.js';
import { verifySm2Digest } from './verify-sm2.js';

export interface Sm2SuiteOptions {
  /** SM3 implementation (node:crypto's native one on Node); defaults to the pure-TypeScript `sm3`. */
  readonly sm3?: Sm3Function;
  /** Cryptographically secure random bytes, for k and for new keys. */
  readonly randomBytes: RandomBytesFunction;
  /** Bounds of the public-key cache. */
  readonly cache?: Sm2KeyCacheOptions;
}

/**
 * The SM2 suite (`SUITES.SM2`: SM2 signature with SM3, GB/T 32918.2, default user ID
 * "1234567812345678", raw r ‖ s) in pure TypeScript on @noble/curves, for any runtime.
 */
export function createSm2Suite(options: Sm2SuiteOptions): CryptoSuite {
  const hash = options.sm3 ?? pureSm3;
  const randomBytes = options.randomBytes;
  if (typeof randomBytes !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'SM2 suite needs a random source');
  const keys = new Sm2KeyCache(hash, options.cache);

  const importSigner = (privateScalar: Uint8Array): ExportableSigner => {
    const d = parseSm2PrivateScalar(privateScalar);
    const dInv = sm2SigningFactor(d);
    const point = sm2PublicKeyOf(d);
    const za = computeSm2Za(point, hash);
    const scalar = new Uint8Array(privateScalar);
    const publicKey: PublicKey = { suite: 'SM2', point };
    return {
      suite: 'SM2',
      publicKey,
      sign: (data) => signSm2Digest(d, dInv, sm2MessageDigest(za, data, hash), randomBytes),
      exportPrivateScalar: () => new Uint8Array(scalar),
    };
  };

  return {
    ...SUITES.SM2,
    verify(publicKey, data, signature) {
      const key = keys.get(publicKey);
      return verifySm2Digest(key.point, sm2MessageDigest(key.za, data, hash), signature);
    },
    generateSigner() {
      for (let i = 0; i < 64; i++) {
        const bytes = randomBytes(32);
        if (!(bytes instanceof Uint8Array) || bytes.length !== 32) break;
        const d = bytesToNumberBE(bytes);
        if (d >= 1n && d <= SM2_ORDER - 2n) return importSigner(bytes);
      }
      throw new ZzError('ERR_CRYPTO_OPERATION', 'Random source yields no usable SM2 private key');
    },
    importSigner,
  };
}
