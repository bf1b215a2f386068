import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { computeSm2Za } from './compute-sm2-za.js';
import { sm2MessageDigest } from './sign-sm2.js';
import { modN, SM2_ORDER, Sm2Point } from './sm2-curve.js';
import { parseSm2PublicKey } from './sm2-public-key.js';
import type { Sm2HashOptions } from './sm2-types.js';
import { sm3 as pureSm3 } from './sm3.js';

/**
 * Verifies a raw r ‖ s signature against the digest integer e (GB/T 32918.2 §7.1 steps B1, B2,
 * B5–B7). `publicKey` must already be validated; give it a precomputed table (noble
 * `precompute`) when it is used often: [t]P_A then costs a few additions instead of 256 doublings.
 */
export function verifySm2Digest(publicKey: WeierstrassPoint<bigint>, e: bigint, signature: Uint8Array): boolean {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
  const r = bytesToNumberBE(signature.subarray(0, 32));
  const s = bytesToNumberBE(signature.subarray(32));
  if (r < 1n || r >= SM2_ORDER || s < 1n || s >= SM2_ORDER) return false; // B1, B2
  const t = modN(r + s); // B5
  if (t === 0n) return false;
  // B6: (x1', y1') = [s]G + [t]P_A. Public scalars, so the variable-time paths are fine; both
  // use precomputed tables when present (G always has one).
  const sum = Sm2Point.BASE.multiplyUnsafe(s).add(publicKey.multiplyUnsafe(t));
  if (sum.is0()) return false;
  return modN(e + sum.toAffine().x) === r; // B7
}

/**
 * Verifies an SM2 signature over `data` with a 65-byte uncompressed public key (GB/T 32918.2
 * §7.1), without caching. Returns false for a wrong or wrongly sized signature; throws
 * `ERR_CRYPTO_KEY_INVALID` for a key that is not a point of the curve.
 */
export function verifySm2(
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
  options: Sm2HashOptions = {},
): boolean {
  const point = parseSm2PublicKey(publicKey);
  const hash = options.sm3 ?? pureSm3;
  const e = sm2MessageDigest(computeSm2Za(publicKey, hash, options.userId), data, hash);
  return verifySm2Digest(point, e, signature);
}
