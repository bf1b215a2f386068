import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import { concatBytes, ZzError } from '@zhengzhao/core';
import { computeSm2Za } from './compute-sm2-za.js';
import { modN, SM2_ORDER, Sm2Point } from './sm2-curve.js';
import { parseSm2PrivateScalar, sm2PublicKeyOf } from './sm2-public-key.js';
import type { RandomBytesFunction, Sm2HashOptions, Sm3Function } from './sm2-types.js';
import { sm3 as pureSm3 } from './sm3.js';

/** Attempts before giving up on a random source that keeps yielding unusable k (bounded time). */
const MAX_ATTEMPTS = 64;

/**
 * e = SM3(Z_A ‖ M) as an integer (GB/T 32918.2 §6.1 steps A1–A2; §7.1 steps B3–B4).
 * Checks that the injected hash returns 32 bytes.
 */
export function sm2MessageDigest(za: Uint8Array, data: Uint8Array, hash: Sm3Function): bigint {
  if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to sign must be a Uint8Array');
  const digest = hash(concatBytes(za, data));
  if (!(digest instanceof Uint8Array) || digest.length !== 32) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'SM3 implementation returned a digest of the wrong size');
  }
  return bytesToNumberBE(digest);
}

/** Draws k uniformly from [1, n−1] by rejection sampling over 32 random bytes. */
function randomScalar(randomBytes: RandomBytesFunction): bigint {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const bytes = randomBytes(32);
    if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
      throw new ZzError('ERR_CRYPTO_OPERATION', 'Random source returned the wrong number of bytes');
    }
    const k = bytesToNumberBE(bytes);
    if (k >= 1n && k < SM2_ORDER) return k;
  }
  throw new ZzError('ERR_CRYPTO_OPERATION', 'Random source yields no usable scalar');
}

/**
 * Signs the digest integer e with private scalar d, given dInv = (1 + d)⁻¹ mod n
 * (GB/T 32918.2 §6.1 steps A3–A7). Returns raw r ‖ s (64 bytes).
 */
export function signSm2Digest(d: bigint, dInv: bigint, e: bigint, randomBytes: RandomBytesFunction): Uint8Array {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const k = randomScalar(randomBytes); // A3
    const x1 = Sm2Point.BASE.multiply(k).toAffine().x; // A4 (constant-time multiplication)
    const r = modN(e + x1); // A5
    if (r === 0n || r + k === SM2_ORDER) continue;
    const s = modN(dInv * (k - r * d)); // A6
    if (s === 0n) continue;
    return concatBytes(numberToBytesBE(r, 32), numberToBytesBE(s, 32)); // A7
  }
  throw new ZzError('ERR_CRYPTO_OPERATION', 'SM2 signing did not converge');
}

/** (1 + d)⁻¹ mod n, fixed per key. */
export function sm2SigningFactor(d: bigint): bigint {
  return Sm2Point.Fn.inv(modN(1n + d));
}

/**
 * Signs `data` with a 32-byte SM2 private scalar (GB/T 32918.2 §6.1), hashing Z_A ‖ data with
 * SM3. Returns raw r ‖ s. For repeated signing use `createSm2Suite(...).importSigner`.
 */
export function signSm2(
  privateScalar: Uint8Array,
  data: Uint8Array,
  options: Sm2HashOptions & { readonly randomBytes: RandomBytesFunction },
): Uint8Array {
  const d = parseSm2PrivateScalar(privateScalar);
  const hash = options.sm3 ?? pureSm3;
  const za = computeSm2Za(sm2PublicKeyOf(d), hash, options.userId);
  return signSm2Digest(d, sm2SigningFactor(d), sm2MessageDigest(za, data, hash), options.randomBytes);
}
