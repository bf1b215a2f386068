import { isZzError } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexPermutation } from '../../src/index.js';

const key = (n: number) => new Uint8Array(32).fill(n);

describe('IndexPermutation (keyed Feistel with cycle-walking)', () => {
  it('hands out every index of a small shard exactly once', () => {
    for (const size of [1, 2, 3, 5, 16, 17, 100, 255, 256, 257, 1000, 4097]) {
      const permutation = new IndexPermutation(key(7), size);
      const seen = new Set<number>();
      for (let position = 0; position < size; position++) {
        const index = permutation.indexAt(position);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(size);
        seen.add(index);
      }
      expect(seen.size).toBe(size);
    }
  });

  it('does not reveal the allocation order: far from the identity, different per key', () => {
    const size = 65_536;
    const a = new IndexPermutation(key(1), size);
    const b = new IndexPermutation(key(2), size);
    const first = Array.from({ length: 1000 }, (_, i) => a.indexAt(i));
    const fixedPoints = first.filter((index, i) => index === i).length;
    expect(fixedPoints).toBeLessThan(5);
    // consecutive positions land far apart on average (a random pair is ~size/3 apart)
    const gaps = first.slice(1).map((index, i) => Math.abs(index - (first[i] as number)));
    expect(gaps.reduce((s, g) => s + g, 0) / gaps.length).toBeGreaterThan(size / 6);
    const same = first.filter((index, i) => index === b.indexAt(i)).length;
    expect(same).toBeLessThan(5);
  });

  it('is deterministic for a key (restart-safe: the counter alone resumes allocation)', () => {
    const a = new IndexPermutation(key(9), 1_048_576);
    const b = new IndexPermutation(key(9), 1_048_576);
    for (const position of [0, 1, 2, 1_000, 1_048_575]) expect(a.indexAt(position)).toBe(b.indexAt(position));
  });

  it('property: a bijection on [0, size) for random keys and sizes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 32 }), fc.integer({ min: 1, max: 600 }), (k, size) => {
        const permutation = new IndexPermutation(k, size);
        const seen = new Set<number>();
        for (let i = 0; i < size; i++) seen.add(permutation.indexAt(i));
        return seen.size === size && [...seen].every((v) => v >= 0 && v < size);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses bad keys, sizes and positions with typed errors', () => {
    const attempt = (fn: () => unknown) => {
      try {
        fn();
        return undefined;
      } catch (error) {
        return error;
      }
    };
    expect(
      isZzError(
        attempt(() => new IndexPermutation(new Uint8Array(8), 10)),
        'ERR_INPUT_INVALID',
      ),
    ).toBe(true);
    expect(
      isZzError(
        attempt(() => new IndexPermutation(key(1), 0)),
        'ERR_INPUT_INVALID',
      ),
    ).toBe(true);
    expect(
      isZzError(
        attempt(() => new IndexPermutation(key(1), 2 ** 31 + 1)),
        'ERR_INPUT_INVALID',
      ),
    ).toBe(true);
    const p = new IndexPermutation(key(1), 10);
    expect(
      isZzError(
        attempt(() => p.indexAt(10)),
        'ERR_STATUS_INDEX_OUT_OF_RANGE',
      ),
    ).toBe(true);
    expect(
      isZzError(
        attempt(() => p.indexAt(-1)),
        'ERR_STATUS_INDEX_OUT_OF_RANGE',
      ),
    ).toBe(true);
    expect(
      isZzError(
        attempt(() => p.indexAt(1.5)),
        'ERR_STATUS_INDEX_OUT_OF_RANGE',
      ),
    ).toBe(true);
  });
});
