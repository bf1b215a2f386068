import { createHash } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';

const ROUNDS = 6;
/** Largest shard the permutation serves (2^31 entries, beyond any status list we publish). */
export const MAX_PERMUTATION_SIZE = 2 ** 31;

/**
 * A keyed pseudo-random permutation of [0, size): a balanced Feistel network (six rounds,
 * Luby–Rackoff, each round a HalfSipHash-2-4 PRF under its own 64-bit key derived from the
 * shard key with SHA-256) over the smallest even bit width that covers
 * `size`, with cycle-walking to stay inside [0, size) (Black–Rogaway, "Ciphers with arbitrary
 * finite domains", 2002). Because it is a bijection, walking it with a counter
 * (`indexAt(0)`, `indexAt(1)`, …) hands out every index exactly once, in an order that reveals
 * nothing without the key — the random allocation of ADR 0006 §2 without a retry loop.
 * The domain is at most 4 × size, so a walk takes fewer than 4 steps on average.
 */
export class IndexPermutation {
  readonly size: number;
  /** Two 32-bit words of key per round. */
  readonly #roundKeys: Uint32Array;
  readonly #halfBits: number;
  readonly #halfMask: number;

  constructor(key: Uint8Array, size: number) {
    if (!(key instanceof Uint8Array) || key.length < 16) {
      throw new ZzError('ERR_INPUT_INVALID', 'Permutation key must be at least 16 bytes');
    }
    if (!Number.isSafeInteger(size) || size < 1 || size > MAX_PERMUTATION_SIZE) {
      throw new ZzError('ERR_INPUT_INVALID', 'Permutation size must be an integer from 1 to 2^31');
    }
    this.size = size;
    const material = new Uint8Array(ROUNDS * 8);
    for (let block = 0; block * 32 < material.length; block++) {
      const digest = createHash('sha256').update(key).update(Uint8Array.of(block)).digest();
      material.set(digest.subarray(0, Math.min(32, material.length - block * 32)), block * 32);
    }
    this.#roundKeys = new Uint32Array(ROUNDS * 2);
    const view = new DataView(material.buffer);
    for (let i = 0; i < ROUNDS * 2; i++) this.#roundKeys[i] = view.getUint32(i * 4, true);
    let bits = Math.max(2, Math.ceil(Math.log2(size)));
    if (2 ** bits < size) bits += 1;
    if (bits % 2 === 1) bits += 1;
    this.#halfBits = bits / 2;
    this.#halfMask = 2 ** this.#halfBits - 1;
  }

  /** The `position`-th index of the permutation (0 ≤ position < size). */
  indexAt(position: number): number {
    if (!Number.isSafeInteger(position) || position < 0 || position >= this.size) {
      throw new ZzError('ERR_STATUS_INDEX_OUT_OF_RANGE', 'Permutation position outside the shard');
    }
    let x = this.#encrypt(position);
    while (x >= this.size) x = this.#encrypt(x);
    return x;
  }

  #encrypt(value: number): number {
    const half = 2 ** this.#halfBits;
    let left = Math.floor(value / half);
    let right = value % half;
    for (let round = 0; round < ROUNDS; round++) {
      const next = (left ^ this.#round(round, right)) & this.#halfMask;
      left = right;
      right = next;
    }
    return left * half + right;
  }

  #round(round: number, value: number): number {
    return halfSipHash24(this.#roundKeys[round * 2] as number, this.#roundKeys[round * 2 + 1] as number, value);
  }
}

const rotl = (x: number, b: number): number => ((x << b) | (x >>> (32 - b))) >>> 0;

/**
 * HalfSipHash-2-4 (Aumasson & Bernstein; the 32-bit SipHash of the Linux kernel) of one 32-bit
 * word under the 64-bit key (k0, k1), 32-bit output: a fast keyed PRF for the Feistel rounds.
 */
function halfSipHash24(k0: number, k1: number, word: number): number {
  let v0 = k0 >>> 0;
  let v1 = k1 >>> 0;
  let v2 = (0x6c796765 ^ k0) >>> 0;
  let v3 = (0x74656462 ^ k1) >>> 0;
  const round = () => {
    v0 = (v0 + v1) >>> 0;
    v1 = rotl(v1, 5) ^ v0;
    v0 = rotl(v0, 16);
    v2 = (v2 + v3) >>> 0;
    v3 = rotl(v3, 8) ^ v2;
    v0 = (v0 + v3) >>> 0;
    v3 = rotl(v3, 7) ^ v0;
    v2 = (v2 + v1) >>> 0;
    v1 = rotl(v1, 13) ^ v2;
    v2 = rotl(v2, 16);
  };
  const m = word >>> 0;
  v3 ^= m;
  round();
  round();
  v0 ^= m;
  const b = (4 << 24) >>> 0;
  v3 ^= b;
  round();
  round();
  v0 ^= b;
  v2 ^= 0xff;
  round();
  round();
  round();
  round();
  return (v1 ^ v3) >>> 0;
}
