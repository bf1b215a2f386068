import { ZzError } from '../errors/zz-error.js';
import { MERKLE_HASH_LENGTH } from './merkle-hasher.js';

/**
 * Integer helpers for tree sizes and indices. Sizes may exceed 2^31, so these use arithmetic
 * rather than the 32-bit bitwise operators; every value is a safe integer.
 */

/** The largest power of two strictly less than `n` (n ≥ 2): the `k` of RFC 9162 §2.1.1. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True when the least significant bit of `n` is set. */
export function lsb(n: number): boolean {
  return n % 2 === 1;
}

/** `n >> 1` for any safe integer. */
export function shiftRight(n: number): number {
  return Math.floor(n / 2);
}

/** True when `n` is an exact power of two (n ≥ 1). */
export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** Refuses anything but a safe non-negative integer (`ERR_INPUT_INVALID`). */
export function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a non-negative safe integer`);
  }
  return value;
}

/** Refuses anything but a 32-byte hash (`ERR_LOG_PROOF_MALFORMED`). */
export function checkHash(value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== MERKLE_HASH_LENGTH) {
    throw new ZzError('ERR_LOG_PROOF_MALFORMED', `${what} must be a ${MERKLE_HASH_LENGTH}-byte hash`);
  }
  return value;
}

/** At most one proof element per tree level: 64 covers every size a safe integer can name. */
export const MAX_PROOF_LENGTH = 64;

/** Refuses a proof that is not an array of 32-byte hashes of plausible length. */
export function checkProof(value: unknown): readonly Uint8Array[] {
  if (!Array.isArray(value)) throw new ZzError('ERR_LOG_PROOF_MALFORMED', 'A Merkle proof must be an array of hashes');
  if (value.length > MAX_PROOF_LENGTH) {
    throw new ZzError('ERR_LOG_PROOF_MALFORMED', `A Merkle proof has at most ${MAX_PROOF_LENGTH} hashes`);
  }
  return value.map((hash, i) => checkHash(hash, `proof[${i}]`));
}
