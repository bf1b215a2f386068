import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { ZzError } from '@zhengzhao/core';
import { SM2_ORDER, Sm2Point } from './sm2-curve.js';

/**
 * Parses an SM2 public key given as the uncompressed point `04 ‖ x ‖ y` (65 bytes) and checks it
 * per GB/T 32918.1 §6.2.1 (the "public key verification" steps): not the point at infinity,
 * coordinates in [0, p), on the curve (the cofactor is 1, so no subgroup check is needed).
 * Throws `ERR_CRYPTO_KEY_INVALID` otherwise.
 */
export function parseSm2PublicKey(point: Uint8Array): WeierstrassPoint<bigint> {
  if (!(point instanceof Uint8Array) || point.length !== 65 || point[0] !== 4) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'SM2 public key must be a 65-byte uncompressed point');
  }
  try {
    return Sm2Point.fromBytes(point);
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Point is not on the SM2 curve', { cause: error });
  }
}

/**
 * Parses a 32-byte SM2 private scalar d. GB/T 32918.1 §6.1 requires d ∈ [1, n−2] (so that
 * 1 + d is invertible mod n). Throws `ERR_CRYPTO_KEY_INVALID` otherwise.
 */
export function parseSm2PrivateScalar(privateScalar: Uint8Array): bigint {
  if (!(privateScalar instanceof Uint8Array) || privateScalar.length !== 32) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'SM2 private key must be 32 bytes');
  }
  const d = bytesToNumberBE(privateScalar);
  if (d < 1n || d > SM2_ORDER - 2n) throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'SM2 private key is out of range');
  return d;
}

/** The public point P = [d]G as 65 uncompressed bytes. */
export function sm2PublicKeyOf(d: bigint): Uint8Array {
  return Sm2Point.BASE.multiply(d).toBytes(false);
}
