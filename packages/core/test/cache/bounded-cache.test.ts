import { describe, expect, it } from 'vitest';
import { BoundedCache, bytesKey } from '../../src/index.js';

describe('BoundedCache', () => {
  it('forgets the oldest entry beyond its size and never grows past it', () => {
    const cache = new BoundedCache<number, string>(3);
    for (let i = 0; i < 10; i++) cache.set(i, `v${i}`);
    expect(cache.size).toBe(3);
    expect(cache.get(6)).toBeUndefined();
    expect([cache.get(7), cache.get(8), cache.get(9)]).toEqual(['v7', 'v8', 'v9']);
  });

  it('creates once per key and does not remember a failed creation', () => {
    const cache = new BoundedCache<string, number>(10);
    let calls = 0;
    expect(cache.getOrCreate('a', () => ++calls)).toBe(1);
    expect(cache.getOrCreate('a', () => ++calls)).toBe(1);
    expect(() =>
      cache.getOrCreate('b', () => {
        throw new Error('import failed');
      }),
    ).toThrow();
    expect(cache.get('b')).toBeUndefined();
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });

  it('keys bytes exactly', () => {
    expect(bytesKey(Uint8Array.of(0, 255, 128))).toBe('\u0000\u00ff\u0080');
    expect(bytesKey(new Uint8Array(10_000)).length).toBe(10_000);
    expect(bytesKey(Uint8Array.of(1, 2))).not.toBe(bytesKey(Uint8Array.of(1, 2, 0)));
  });
});
