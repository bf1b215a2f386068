import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeBase64url,
  encodeBase64,
  encodeBase64url,
  fromHex,
  isZzError,
  toHex,
} from '../../src/index.js';

describe('base64url (RFC 4648 §5, no padding)', () => {
  it('matches RFC 4648 §10 test vectors (url alphabet, padding removed)', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of cases) {
      expect(encodeBase64url(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase64url(encoded))).toBe(plain);
    }
    expect(encodeBase64url(fromHex('fbff'))).toBe('-_8');
  });

  it('round-trips random bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(toHex(decodeBase64url(text))).toBe(toHex(bytes));
      }),
    );
  });

  it('rejects padding, the standard alphabet, white space, bad lengths and non-zero trailing bits', () => {
    for (const bad of ['Zg==', 'Zm9v+', 'Zm9v/', 'Zm 9v', 'Z', 'Zh', 'Zm8=', 'Zm9vYg\n']) {
      let error: unknown;
      try {
        decodeBase64url(bad);
      } catch (e) {
        error = e;
      }
      expect(isZzError(error, 'ERR_ENCODING_BASE64URL'), bad).toBe(true);
    }
    expect(new TextDecoder().decode(decodeBase64url('Zm8'))).toBe('fo');
  });
});

describe('base64 (RFC 4648 §4, padded), for x5c', () => {
  it('round-trips random bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(toHex(decodeBase64(text))).toBe(toHex(bytes));
      }),
    );
  });

  it('rejects missing padding, the url alphabet, bad trailing bits and characters past the table', () => {
    for (const bad of ['Zg', 'Zm9v-_==', 'Zh==', 'Zm9=', '====', 'Zm9v\u4e2d===', 'Zm9v\u0100AAA']) {
      let error: unknown;
      try {
        decodeBase64(bad);
      } catch (e) {
        error = e;
      }
      expect(isZzError(error, 'ERR_ENCODING_BASE64'), bad).toBe(true);
    }
    expect(
      isZzError(
        attempt(() => decodeBase64url('Zm9v\u4e2d')),
        'ERR_ENCODING_BASE64URL',
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
