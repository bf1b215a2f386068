import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45, fromHex, isZzError, toHex } from '../../src/index.js';
import { readVector } from '../support/vectors.js';

interface Base45Vectors {
  readonly alphabet: string;
  readonly valid: readonly { bytes_hex: string; base45: string; source: string }[];
}

const vectors = readVector<Base45Vectors>('base45/base45_vectors.json');

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isZzError(error) ? error.code : 'NOT_A_ZZ_ERROR';
  }
  return undefined;
};

describe('base45 (RFC 9285)', () => {
  it.each(vectors.valid)('encodes and decodes $base45', ({ bytes_hex, base45 }) => {
    expect(encodeBase45(fromHex(bytes_hex))).toBe(base45);
    expect(toHex(decodeBase45(base45))).toBe(bytes_hex);
  });

  it('uses the RFC alphabet and handles the empty string', () => {
    expect(vectors.alphabet).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:');
    expect(encodeBase45(new Uint8Array(0))).toBe('');
    expect(decodeBase45('')).toEqual(new Uint8Array(0));
    expect(encodeBase45(Uint8Array.of(0xff, 0xff))).toBe('FGW');
    expect(encodeBase45(Uint8Array.of(0xff))).toBe('U5');
  });

  it.each([
    ['a character outside the alphabet (lower case)', 'bb8'],
    ['a character outside the alphabet (non-ASCII)', 'BB中'],
    ['a length of 3k + 1', 'BB8A'],
    ['a length of 1', 'A'],
    ['a triple above 65535 (GGW)', 'GGW'],
    ['a triple of the maximum value ":::"', ':::'],
    ['a final pair above 255 (V5)', 'V5'],
    ['a final pair ":: "', 'BB8::'],
  ])('rejects %s with ERR_ENCODING_BASE45', (_what, text) => {
    expect(codeOf(() => decodeBase45(text))).toBe('ERR_ENCODING_BASE45');
  });

  it('rejects non-string input', () => {
    expect(codeOf(() => decodeBase45(42 as unknown as string))).toBe('ERR_ENCODING_BASE45');
    expect(codeOf(() => encodeBase45('x' as unknown as Uint8Array))).toBe('ERR_INPUT_INVALID');
  });

  it('round-trips random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase45(encodeBase45(bytes))).toEqual(bytes);
      }),
    );
  });

  it('decodes random text to bytes or ERR_ENCODING_BASE45, and re-encodes canonically (property)', () => {
    const alphabet = [...vectors.alphabet, 'a', '~', '中'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const code = codeOf(() => decodeBase45(text));
        if (code === undefined) expect(encodeBase45(decodeBase45(text))).toBe(text);
        else expect(code).toBe('ERR_ENCODING_BASE45');
      }),
    );
  });
});
