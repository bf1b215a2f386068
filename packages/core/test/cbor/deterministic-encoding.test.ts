import { Tag as Cbor2Tag, encode as cbor2Encode } from 'cbor2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCbor,
  decodeEmbedded,
  embedCbor,
  encodeCbor,
  fullDate,
  isZzError,
  readFullDate,
  readTdate,
  Tag,
  tdate,
  toHex,
} from '../../src/index.js';

/** cbor2 with `cde: true` (CBOR Common Deterministic Encoding) serves as an independent oracle. */
function oracle(value: unknown): string {
  return toHex(cbor2Encode(toCbor2(value), { cde: true }));
}

function toCbor2(value: unknown): unknown {
  if (value instanceof Tag) return new Cbor2Tag(value.tag, toCbor2(value.value));
  if (Array.isArray(value)) return value.map(toCbor2);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [toCbor2(k), toCbor2(v)]));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return new Map(Object.entries(value).map(([k, v]) => [k, toCbor2(v)]));
  }
  return value;
}

const key = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -100000, max: 100000 }));
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 5 }),
    fc.uniqueArray(fc.tuple(key, tie('v')), { maxLength: 6, selector: ([k]) => k }).map((entries) => new Map(entries)),
  ),
})).v;

describe('encodeCbor: RFC 8949 §4.2.1 core deterministic encoding', () => {
  it('sorts map keys by their encoded bytes, as cbor2 CDE does', () => {
    const map = new Map<string | number, number>([
      ['b', 1],
      [10, 2],
      ['a', 3],
      [-1, 4],
      ['aa', 5],
      [100, 6],
    ]);
    expect(toHex(encodeCbor(map))).toBe(oracle(map));
    // keys in encoded order: 10 (0a), 100 (1864), -1 (20), "a", "b", "aa"
    expect(toHex(encodeCbor(map))).toBe('a60a02186406200461610361620162616105');
  });

  it('matches the cbor2 CDE oracle on random values', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(toHex(encodeCbor(v as Map<never, never>))).toBe(oracle(v));
      }),
      { numRuns: 300 },
    );
  });

  it('writes leaves on its fast path exactly as the general path does', () => {
    const leaves = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.integer({ min: -(2 ** 32), max: 2 ** 32 - 1 }),
      fc.constantFrom(true, false, null),
      fc.tuple(fc.nat({ max: 70000 }), fc.string({ maxLength: 30 })).map(([tag, text]) => new Tag(text, tag)),
      fc.uint8Array({ maxLength: 70000 }),
      fc.tuple(fc.nat({ max: 70000 }), fc.uint8Array({ maxLength: 300 })).map(([tag, bytes]) => new Tag(bytes, tag)),
    );
    fc.assert(
      fc.property(leaves, (leaf) => {
        // inside an array the general encoder writes the leaf; strip the one-byte array head
        expect(toHex(encodeCbor(leaf as never))).toBe(toHex(encodeCbor([leaf as never]).subarray(1)));
        expect(toHex(encodeCbor(leaf as never))).toBe(oracle(leaf));
      }),
      { numRuns: 500 },
    );
  });

  it('gives one encoding for one value whatever the insertion order', () => {
    const a = encodeCbor({ z: 1, a: 2, m: [1, { y: 2, b: 3 }] });
    const b = encodeCbor({ m: [1, { b: 3, y: 2 }], a: 2, z: 1 });
    expect(toHex(a)).toBe(toHex(b));
  });

  it('refuses values that have no deterministic form here', () => {
    for (const bad of [
      1.5,
      Number.NaN,
      undefined,
      new Date(0),
      new Set([1]),
      () => 1,
      -(2n ** 63n) - 1n,
      -(2n ** 64n),
    ]) {
      let error: unknown;
      try {
        encodeCbor({ x: bad } as never);
      } catch (e) {
        error = e;
      }
      expect(isZzError(error, 'ERR_CBOR_UNSUPPORTED')).toBe(true);
    }
  });

  it('encodes ISO 18013-5 tdate and full-date tags', () => {
    expect(toHex(encodeCbor(tdate(new Date('2026-01-02T03:04:05.678Z'))))).toBe(
      `c074${toHex(new TextEncoder().encode('2026-01-02T03:04:05Z'))}`,
    );
    expect(toHex(encodeCbor(fullDate('1990-02-28')))).toBe(`d903ec6a${toHex(new TextEncoder().encode('1990-02-28'))}`);
    expect(() => fullDate('1990-02-30')).toThrow();
    const decoded = decodeCbor(
      encodeCbor([tdate(new Date('2026-01-02T03:04:05Z')), fullDate('2000-01-01')]),
    ) as unknown[];
    expect(readTdate(decoded[0], 'signed').toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(readFullDate(decoded[1])).toBe('2000-01-01');
  });

  it('wraps embedded CBOR in tag 24 and opens it again', () => {
    const item = embedCbor({ digestID: 7 });
    const bytes = encodeCbor(item);
    expect(toHex(bytes).startsWith('d818')).toBe(true);
    const opened = decodeEmbedded(decodeCbor(bytes), 'item');
    expect((opened.value as Map<string, number>).get('digestID')).toBe(7);
  });
});

describe('decodeCbor on bad input', () => {
  it('rejects empty, truncated, trailing and oversized input with typed errors', () => {
    const good = encodeCbor({ a: [1, 2, 3], b: new Uint8Array(10) });
    expect(
      isZzError(
        attempt(() => decodeCbor(new Uint8Array(0))),
        'ERR_CBOR_MALFORMED',
      ),
    ).toBe(true);
    for (let cut = 1; cut < good.length; cut++) {
      expect(
        isZzError(
          attempt(() => decodeCbor(good.subarray(0, cut))),
          'ERR_CBOR_MALFORMED',
        ),
      ).toBe(true);
    }
    const trailing = new Uint8Array([...good, 0x00]);
    expect(
      isZzError(
        attempt(() => decodeCbor(trailing)),
        'ERR_CBOR_MALFORMED',
      ),
    ).toBe(true);
    expect(
      isZzError(
        attempt(() => decodeCbor(good, { maxBytes: 4 })),
        'ERR_INPUT_TOO_LARGE',
      ),
    ).toBe(true);
  });

  it('ends every random input in a value or a ZzError, quickly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const start = performance.now();
        const outcome = attempt(() => decodeCbor(bytes));
        expect(outcome === undefined || isZzError(outcome)).toBe(true);
        expect(performance.now() - start).toBeLessThan(200);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives a byte string that claims 4 GiB and deeply nested arrays', () => {
    expect(isZzError(attempt(() => decodeCbor(new Uint8Array([0x5a, 0xff, 0xff, 0xff, 0xff, 0]))))).toBe(true);
    const nested = new Uint8Array(100_000).fill(0x81);
    expect(
      isZzError(
        attempt(() => decodeCbor(nested)),
        'ERR_CBOR_MALFORMED',
      ),
    ).toBe(true);
  });
});

function attempt(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}
