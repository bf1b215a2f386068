import { type WeierstrassOpts, weierstrass } from '@noble/curves/abstract/weierstrass.js';

/**
 * The SM2 recommended curve sm2p256v1 (GM/T 0003.5-2012 §5, GB/T 32918.5-2017 §5; OID
 * 1.2.156.10197.1.301): y² = x³ + ax + b over F_p, cofactor 1.
 */
export const SM2_CURVE: WeierstrassOpts<bigint> = Object.freeze({
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
});

/** Points of sm2p256v1 (noble projective points; the base point has a W=8 precomputed table). */
export const Sm2Point = weierstrass(SM2_CURVE);
Sm2Point.BASE.precompute(8, false);

/** The group order n. */
export const SM2_ORDER = SM2_CURVE.n;

/** Reduces modulo n into [0, n). */
export function modN(value: bigint): bigint {
  const r = value % SM2_ORDER;
  return r < 0n ? r + SM2_ORDER : r;
}
