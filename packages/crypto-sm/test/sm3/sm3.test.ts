import { createHash } from 'node:crypto';
import { fromHex, isZzError, toHex, utf8Encode } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sm3 } from '../../src/index.js';
import { loadSm2Sm3Vectors } from '../vectors.js';

const vectors = loadSm2Sm3Vectors();

describe('SM3 (GB/T 32905-2016)', () => {
  it.each(vectors.sm3)('matches the shared vector for input $input_hex', (vector) => {
    expect(toHex(sm3(fromHex(vector.input_hex)))).toBe(vector.sm3);
  });

  it('matches GB/T 32905 Annex A example 2 (512-bit message "abcd" × 16)', () => {
    expect(toHex(sm3(utf8Encode('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('hashes the empty message', () => {
    expect(toHex(sm3(new Uint8Array(0)))).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('agrees with OpenSSL SM3 on every length across block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(toHex(sm3(data))).toBe(createHash('sm3').update(data).digest('hex'));
    }
  });

  it('agrees with OpenSSL SM3 on random inputs (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (data) => {
        expect(toHex(sm3(data))).toBe(createHash('sm3').update(data).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('does not modify its input and accepts subarray views', () => {
    const buffer = utf8Encode('xxabcxx');
    expect(toHex(sm3(buffer.subarray(2, 5)))).toBe(vectors.sm3[0]?.sm3);
    expect(toHex(buffer)).toBe(toHex(utf8Encode('xxabcxx')));
  });

  it('rejects non-bytes with ERR_INPUT_INVALID', () => {
    expect(() => sm3('abc' as unknown as Uint8Array)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    try {
      sm3(null as unknown as Uint8Array);
      expect.unreachable();
    } catch (error) {
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
  });
});
