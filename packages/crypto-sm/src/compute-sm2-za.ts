import { concatBytes, ZzError } from '@zhengzhao/core';
import { SM2_CURVE } from './sm2-curve.js';
import type { Sm3Function } from './sm2-types.js';

/** The default distinguishing identifier "1234567812345678" (GM/T 0009-2012 §10). */
export const SM2_DEFAULT_USER_ID: Uint8Array = new TextEncoder().encode('1234567812345678');

const CURVE_BYTES = concatBytes(
  ...[SM2_CURVE.a, SM2_CURVE.b, SM2_CURVE.Gx, SM2_CURVE.Gy].map((v) => {
    const out = new Uint8Array(32);
    let x = v;
    for (let i = 31; i >= 0; i--) {
      out[i] = Number(x & 0xffn);
      x >>= 8n;
    }
    return out;
  }),
);

/**
 * Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) (GB/T 32918.2 §5.5), where ENTL_A is
 * the bit length of ID_A as two big-endian bytes. `publicPoint` is the 65-byte uncompressed key
 * (already validated by the caller).
 */
export function computeSm2Za(publicPoint: Uint8Array, hash: Sm3Function, userId = SM2_DEFAULT_USER_ID): Uint8Array {
  if (!(userId instanceof Uint8Array) || userId.length > 8191) {
    throw new ZzError('ERR_INPUT_INVALID', 'SM2 user ID must be at most 8191 bytes');
  }
  const entl = userId.length * 8;
  return hash(concatBytes(new Uint8Array([entl >>> 8, entl & 0xff]), userId, CURVE_BYTES, publicPoint.subarray(1)));
}
