import { mix32 } from './seeded-random.js';

/**
 * A keyed permutation of [0, size): a four-round balanced Feistel network on the smallest
 * even bit width covering `size`, with cycle walking (Black & Rogaway, "Ciphers with Arbitrary
 * Finite Domains", 2002). The generator maps citizen index i to a distinct (region, birth date,
 * sequence) triple, so that every generated ID number in one run is unique without a lookup.
 */
export function createIndexPermutation(size: number, key0: number, key1: number): (index: number) => number {
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  const keys = [mix32(key0), mix32(key1), mix32(key0 ^ 0x3c6ef372), mix32(key1 ^ 0xa54ff53a)];
  const encrypt = (x: number): number => {
    let left = Math.floor(x / 2 ** half);
    let right = x % 2 ** half;
    for (const key of keys) {
      const next = (left ^ (mix32(right ^ key) & mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * 2 ** half + right;
  };
  return (index: number): number => {
    let x = encrypt(index);
    while (x >= size) x = encrypt(x);
    return x;
  };
}
