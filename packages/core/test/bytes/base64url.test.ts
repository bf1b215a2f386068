import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Base64Codec, nativeBase64, PORTABLE_BASE64 } from '../../src/bytes/base64url.js';
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

/**
 * A stand-in for ES2026 `Uint8Array.fromBase64` / `toBase64` on runtimes without it, lenient as
 * the proposal's `loose` mode is (white space skipped, padding optional), built on Buffer.
 */
function es2026Scope(): object {
  class U8 extends Uint8Array {
    static fromBase64(text: string, options: { alphabet: string; lastChunkHandling: string }): Uint8Array {
      expect(options.lastChunkHandling).toBe('loose');
      const stripped = text.replace(/[\t\n\f\r ]/g, '');
      const alphabet = options.alphabet === 'base64url' ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
      if (!alphabet.test(stripped)) throw new SyntaxError('not base64');
      return new Uint8Array(Buffer.from(stripped, options.alphabet === 'base64url' ? 'base64url' : 'base64'));
    }
  }
  Object.defineProperty(U8.prototype, 'toBase64', {
    value(this: Uint8Array, options: { alphabet: string; omitPadding: boolean }) {
      const text = Buffer.from(this.buffer, this.byteOffset, this.length).toString('base64');
      const url = options.alphabet === 'base64url' ? text.replaceAll('+', '-').replaceAll('/', '_') : text;
      return options.omitPadding ? url.replace(/=+$/, '') : url;
    },
  });
  return { Uint8Array: U8 };
}

const CODECS: [string, Base64Codec | undefined][] = [
  ['portable', PORTABLE_BASE64],
  ['native (this runtime)', nativeBase64()],
  ['Node Buffer', nativeBase64({ Buffer })],
  ['ES2026 Uint8Array.fromBase64', nativeBase64(es2026Scope())],
];

/** Texts no codec may accept: [text, url alphabet?]. */
const NON_CANONICAL: [string, boolean][] = [
  ['Zg==', true],
  ['Zm9v+', true],
  ['Zm9v/', true],
  ['Zm9v+/8', true],
  ['Zm 9v', true],
  ['Zm9v YmFy', true],
  ['Zm9vYmFy\n', true],
  ['Z', true],
  ['Zh', true],
  ['Zm9', true],
  ['Zm8=', true],
  ['Zm9v\u4e2d', true],
  ['Zm9v\u0141AA', true],
  ['Zg', false],
  ['Zm9v-_==', false],
  ['Zh==', false],
  ['Zm9=', false],
  ['====', false],
  ['Zm9v YmFy', false],
  ['Zm9v\u4e2d===', false],
  ['Zm9v\u0100AAA', false],
  ['Zg=\n', false],
];

describe.each(CODECS)('codec: %s', (_name, codec) => {
  it('exists on Node, in both native forms', () => {
    expect(codec).toBeDefined();
  });

  it('round-trips random bytes as Node does, short and long', () => {
    const c = codec as Base64Codec;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const url = c.encode(bytes, true);
        const std = c.encode(bytes, false);
        expect(url).toBe(Buffer.from(bytes).toString('base64url'));
        expect(std).toBe(Buffer.from(bytes).toString('base64'));
        expect(toHex(c.decode(url, true) ?? new Uint8Array([1]))).toBe(toHex(bytes));
        expect(toHex(c.decode(std, false) ?? new Uint8Array([1]))).toBe(toHex(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every non-canonical text, short and long', () => {
    const c = codec as Base64Codec;
    const prefix = 'QUJD'.repeat(200); // 800 characters: past the native threshold
    for (const [bad, url] of NON_CANONICAL) {
      expect(c.decode(bad, url), JSON.stringify(bad)).toBeUndefined();
      expect(c.decode(prefix + bad, url), `long ${JSON.stringify(bad)}`).toBeUndefined();
    }
    // a bad character anywhere in a long text
    const long = encodeBase64url(new Uint8Array(3000).fill(7));
    for (const at of [0, 1, 1500, long.length - 2]) {
      for (const bad of ['+', '/', '=', ' ', '\n', '\u4e2d', '\u0141']) {
        const text = long.slice(0, at) + bad + long.slice(at + 1);
        expect(c.decode(text, true), `${at} ${JSON.stringify(bad)}`).toBeUndefined();
      }
    }
    // non-zero trailing bits at the end of a long text
    expect(c.decode(`${prefix}Zh`, true)).toBeUndefined();
    expect(c.decode(`${prefix}Zm9`, true)).toBeUndefined();
    expect(c.decode(`${prefix}Zm8`, true)).toBeDefined();
  });

  it('returns bytes of its own (not a view of a shared pool)', () => {
    const bytes = (codec as Base64Codec).decode('QUJD'.repeat(300), true) as Uint8Array;
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });
});

describe('the public functions with long texts (the native path where there is one)', () => {
  it('agree with the portable codec and reject what it rejects', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 400, maxLength: 4000 }), (bytes) => {
        const url = encodeBase64url(bytes);
        expect(url).toBe(PORTABLE_BASE64.encode(bytes, true));
        expect(encodeBase64(bytes)).toBe(PORTABLE_BASE64.encode(bytes, false));
        expect(toHex(decodeBase64url(url))).toBe(toHex(bytes));
        expect(toHex(decodeBase64(encodeBase64(bytes)))).toBe(toHex(bytes));
        expect(
          isZzError(
            attempt(() => decodeBase64url(`${url}=`)),
            'ERR_ENCODING_BASE64URL',
          ),
        ).toBe(true);
        expect(
          isZzError(
            attempt(() => decodeBase64url(` ${url.slice(1)}`)),
            'ERR_ENCODING_BASE64URL',
          ),
        ).toBe(true);
        expect(
          isZzError(
            attempt(() => decodeBase64(`${encodeBase64(bytes)} `)),
            'ERR_ENCODING_BASE64',
          ),
        ).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('nativeBase64: only a codec that gives the known answers', () => {
  it('is undefined without one, and for a Buffer polyfill without base64url or a lenient encoder', () => {
    expect(nativeBase64({})).toBeUndefined();
    expect(nativeBase64({ Uint8Array: {} })).toBeUndefined();
    const noBase64url = {
      from: (buffer: ArrayBufferLike, offset: number, length: number) => {
        const view = Buffer.from(buffer, offset, length);
        return {
          write: (text: string, at: number, max: number, encoding: string) => {
            if (encoding === 'base64url') throw new TypeError('Unknown encoding: base64url');
            return view.write(text, at, max, encoding as BufferEncoding);
          },
          toString: (encoding: string) => {
            if (encoding === 'base64url') throw new TypeError('Unknown encoding: base64url');
            return view.toString(encoding as BufferEncoding);
          },
        };
      },
    };
    expect(nativeBase64({ Buffer: noBase64url })).toBeUndefined();
    const padded = {
      from: (buffer: ArrayBufferLike, offset: number, length: number) => {
        const view = Buffer.from(buffer, offset, length);
        return {
          write: (text: string, at: number, max: number, encoding: string) =>
            view.write(text, at, max, encoding as BufferEncoding),
          // pads base64url: not what JOSE needs
          toString: (encoding: string) =>
            encoding === 'base64url'
              ? view.toString('base64').replaceAll('+', '-').replaceAll('/', '_')
              : view.toString(encoding as BufferEncoding),
        };
      },
    };
    expect(nativeBase64({ Buffer: padded })).toBeUndefined();
  });
});
