import { ZzError } from '@zhengzhao/core';

/**
 * A small, fast, seeded pseudo-random generator for synthetic data (never for secrets).
 * SFC32 (Chris Doty-Humphrey's "small fast chaotic" generator, PractRand-clean) on a 128-bit
 * state, so that the many per-person streams the generator derives do not collide the way a
 * 32-bit-state generator (mulberry32) would after ~2^16 people.
 */
export interface SeededRandom {
  /** The next unsigned 32-bit integer. */
  nextUint32(): number;
  /** A float in [0, 1). */
  nextFloat(): number;
  /** An integer in [0, n) for 1 ≤ n ≤ 2^32 (multiply-shift; bias below 2^-20 for our n). */
  nextInt(n: number): number;
  /** An integer in [min, max], both inclusive. */
  nextRange(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** Creates a generator from four 32-bit words (any values; the state is warmed up). */
export function createSeededRandom(a: number, b: number, c: number, d: number): SeededRandom {
  return new Sfc32(a, b, c, d);
}

/** A class rather than closures: a million people means a million generators, so no per-instance functions. */
class Sfc32 implements SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.s0 = a >>> 0;
    this.s1 = b >>> 0;
    this.s2 = c >>> 0;
    this.s3 = d >>> 0 || 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.s0 + this.s1) >>> 0) + this.s3) >>> 0;
    this.s3 = (this.s3 + 1) >>> 0;
    this.s0 = this.s1 ^ (this.s1 >>> 9);
    this.s1 = (this.s2 + (this.s2 << 3)) >>> 0;
    const rotated = ((this.s2 << 21) | (this.s2 >>> 11)) >>> 0;
    this.s2 = (rotated + t) >>> 0;
    return t;
  }

  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  nextRange(min: number, max: number): number {
    return min + this.nextInt(max - min + 1);
  }

  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.nextInt(items.length)] as T;
  }
}

/** A 32-bit avalanche mix (the murmur3 finaliser). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Two independent 32-bit words from a user seed (a safe integer or a string of at most 256
 * characters): FNV-1a over the UTF-16 code units with two offset bases, then mixed.
 */
export function hashSeed(seed: number | string): readonly [number, number] {
  let text: string;
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) throw new ZzError('ERR_INPUT_INVALID', 'seed must be a safe integer or a string');
    text = `n:${seed}`;
  } else if (typeof seed === 'string' && seed.length <= 256) {
    text = `s:${seed}`;
  } else {
    throw new ZzError('ERR_INPUT_INVALID', 'seed must be a safe integer or a string of at most 256 characters');
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 0x01000193);
    h2 = Math.imul(h2 ^ unit, 0x01000193);
  }
  return [mix32(h1), mix32(h2 ^ 0x9e3779b9)];
}
