import { ZzError } from '../errors/zz-error.js';

/**
 * base64 (RFC 4648 §4) and base64url (§5), strict: one byte string has exactly one accepted
 * text. These sit on every JWS and SD-JWT verification. Short texts go through the hand-written
 * codec below (four characters at a time through a lookup table; `atob` is slow and lenient).
 * Long ones (a national trust list is a megabyte) go to the runtime's native codec when it has
 * one — `Uint8Array.fromBase64` / `toBase64` (ES2026), or Node's `Buffer` found on `globalThis`
 * (the core imports no Node module) — made as strict by checking that the bytes encode back to
 * exactly the text: native decoders skip white space, accept padding and the other alphabet.
 */

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Alphabet {
  /** Character codes by value. */
  readonly codes: Uint8Array;
  /** Values by character code (-1 outside the alphabet). */
  readonly lookup: Int16Array;
}

function alphabet(text: string): Alphabet {
  const lookup = new Int16Array(128).fill(-1);
  const codes = new Uint8Array(64);
  for (let i = 0; i < text.length; i++) {
    lookup[text.charCodeAt(i)] = i;
    codes[i] = text.charCodeAt(i);
  }
  return { codes, lookup };
}

const URL = alphabet(URL_ALPHABET);
const STD = alphabet(STD_ALPHABET);

const ascii = new TextDecoder('latin1');

/**
 * Writes the characters as bytes into one buffer and turns it into a string once: building the
 * string by concatenation costs ~10× more for the 10–20 KB credentials that carry a portrait.
 */
function encode(bytes: Uint8Array, { codes }: Alphabet): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = codes[n >> 18] as number;
    out[o++] = codes[(n >> 12) & 63] as number;
    out[o++] = codes[(n >> 6) & 63] as number;
    out[o++] = codes[n & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out[o++] = codes[n >> 18] as number;
    out[o++] = codes[(n >> 12) & 63] as number;
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out[o++] = codes[n >> 18] as number;
    out[o++] = codes[(n >> 12) & 63] as number;
    out[o++] = codes[(n >> 6) & 63] as number;
  }
  return ascii.decode(out.subarray(0, o));
}

/** Decodes unpadded text of `length` characters; returns undefined on any invalid character. */
function decode(text: string, length: number, { lookup }: Alphabet): Uint8Array | undefined {
  if (length % 4 === 1) return undefined;
  const out = new Uint8Array((length * 3) >> 2);
  const full = length - (length % 4);
  let o = 0;
  let bad = 0;
  for (let i = 0; i < full; i += 4) {
    const a = lookup[text.charCodeAt(i)] ?? -1;
    const b = lookup[text.charCodeAt(i + 1)] ?? -1;
    const c = lookup[text.charCodeAt(i + 2)] ?? -1;
    const d = lookup[text.charCodeAt(i + 3)] ?? -1;
    bad |= a | b | c | d;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  const rest = length - full;
  if (rest > 0) {
    const a = lookup[text.charCodeAt(full)] ?? -1;
    const b = lookup[text.charCodeAt(full + 1)] ?? -1;
    const c = rest === 3 ? (lookup[text.charCodeAt(full + 2)] ?? -1) : 0;
    bad |= a | b | c;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 0xff;
    // non-zero trailing bits would give a second text for the same bytes
    if ((rest === 2 && (b & 15) !== 0) || (rest === 3 && (c & 3) !== 0)) return undefined;
  }
  // anything outside the alphabet (including char codes past the table) looked up as -1
  return bad < 0 ? undefined : out;
}

/**
 * A base64 codec. `url`: the base64url alphabet without padding (RFC 4648 §5); otherwise the
 * standard alphabet with padding (§4). `decode` returns undefined for any text that is not the
 * canonical encoding of some bytes.
 */
export interface Base64Codec {
  encode(bytes: Uint8Array, url: boolean): string;
  decode(text: string, url: boolean): Uint8Array | undefined;
}

/** The hand-written codec: strict by construction. Exported for its tests. */
export const PORTABLE_BASE64: Base64Codec = {
  encode(bytes, url) {
    if (url) return encode(bytes, URL);
    const text = encode(bytes, STD);
    return text + '='.repeat((4 - (text.length % 4)) % 4);
  },
  decode(text, url) {
    if (url) return decode(text, text.length, URL);
    if (text.length % 4 !== 0) return undefined;
    const unpadded = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
    return decode(text, unpadded, STD);
  },
};

/** The part of ES2026 `Uint8Array.fromBase64` / `toBase64` used here. */
interface Es2026Uint8Array {
  fromBase64(text: string, options: { alphabet: string; lastChunkHandling: string }): Uint8Array;
}
/** The part of Node's `Buffer` used here (found on `globalThis`: the core imports no Node module). */
interface NodeBufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBufferView;
}
interface NodeBufferView {
  write(text: string, offset: number, length: number, encoding: string): number;
  toString(encoding: string): string;
}

/**
 * The runtime's native codec in `scope` (default `globalThis`), made strict, or undefined when it
 * has none or the one it has fails a known answer (a bundler's Buffer polyfill without base64url,
 * say). Exported for its tests.
 */
export function nativeBase64(scope: object = globalThis): Base64Codec | undefined {
  const candidates = [es2026Base64(scope), nodeBase64(scope)];
  return candidates.find((codec) => codec !== undefined && knownAnswer(codec));
}

function es2026Base64(scope: object): Base64Codec | undefined {
  const U8 = (scope as { Uint8Array?: Partial<Es2026Uint8Array> }).Uint8Array;
  const fromBase64 = U8?.fromBase64;
  const toBase64 = (U8 as { prototype?: { toBase64?: unknown } } | undefined)?.prototype?.toBase64;
  if (typeof fromBase64 !== 'function' || typeof toBase64 !== 'function') return undefined;
  const alphabet = (url: boolean) => (url ? 'base64url' : 'base64');
  const codec: Base64Codec = {
    encode: (bytes, url) => toBase64.call(bytes, { alphabet: alphabet(url), omitPadding: url }) as string,
    decode(text, url) {
      let bytes: Uint8Array;
      try {
        bytes = fromBase64.call(U8, text, { alphabet: alphabet(url), lastChunkHandling: 'loose' });
      } catch {
        return undefined;
      }
      return codec.encode(bytes, url) === text ? bytes : undefined;
    },
  };
  return codec;
}

function nodeBase64(scope: object): Base64Codec | undefined {
  const NodeBuffer = (scope as { Buffer?: Partial<NodeBufferClass> }).Buffer;
  if (typeof NodeBuffer?.from !== 'function') return undefined;
  const view = (bytes: Uint8Array) =>
    (NodeBuffer as NodeBufferClass).from(bytes.buffer, bytes.byteOffset, bytes.length);
  const encoding = (url: boolean) => (url ? 'base64url' : 'base64');
  const codec: Base64Codec = {
    encode: (bytes, url) => view(bytes).toString(encoding(url)),
    decode(text, url) {
      // decoded into a Uint8Array of our own (not Buffer's shared pool), then encoded back
      const out = new Uint8Array((text.length * 3) >> 2);
      const written = view(out).write(text, 0, out.length, encoding(url));
      const bytes = written === out.length ? out : out.subarray(0, written);
      return codec.encode(bytes, url) === text ? bytes : undefined;
    },
  };
  return codec;
}

/** RFC 4648 §10 `foobar` and `0xfb 0xff` (the alphabets' last two characters), both ways. */
function knownAnswer(codec: Base64Codec): boolean {
  try {
    const foobar = new Uint8Array([0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72]);
    const ends = new Uint8Array([0xfb, 0xff]);
    return (
      codec.encode(foobar, true) === 'Zm9vYmFy' &&
      codec.encode(ends, true) === '-_8' &&
      codec.encode(ends, false) === '+/8=' &&
      same(codec.decode('-_8', true), ends) &&
      same(codec.decode('+/8=', false), ends) &&
      codec.decode('+/8', true) === undefined &&
      codec.decode('-_8=', true) === undefined &&
      codec.decode('-_9', true) === undefined &&
      codec.decode('+/8', false) === undefined &&
      codec.decode('Zm9v YmFy', true) === undefined
    );
  } catch {
    return false;
  }
}

function same(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

const NATIVE = nativeBase64();
/**
 * From this many bytes (or characters) on the native codec is used: below it, calling out and
 * checking costs more than the loop (a kid, a signature, a salt).
 */
const NATIVE_FROM = 512;

function codecFor(length: number): Base64Codec {
  return NATIVE !== undefined && length >= NATIVE_FROM ? NATIVE : PORTABLE_BASE64;
}

/** base64url without padding (RFC 4648 §5), as JOSE and SD-JWT require. */
export function encodeBase64url(bytes: Uint8Array): string {
  return codecFor(bytes.length).encode(bytes, true);
}

/**
 * Decodes unpadded base64url strictly: padding, `+`, `/`, white space and non-zero trailing bits
 * are rejected (`ERR_ENCODING_BASE64URL`).
 */
export function decodeBase64url(text: string): Uint8Array {
  const bytes = typeof text === 'string' ? codecFor(text.length).decode(text, true) : undefined;
  if (!bytes) throw new ZzError('ERR_ENCODING_BASE64URL', 'Text is not canonical unpadded base64url');
  return bytes;
}

/** Standard base64 with padding (RFC 4648 §4), as `x5c` (RFC 7515 §4.1.6) requires. */
export function encodeBase64(bytes: Uint8Array): string {
  return codecFor(bytes.length).encode(bytes, false);
}

/** Decodes padded standard base64 strictly (`ERR_ENCODING_BASE64` otherwise). */
export function decodeBase64(text: string): Uint8Array {
  const bytes = typeof text === 'string' ? codecFor(text.length).decode(text, false) : undefined;
  if (!bytes) throw new ZzError('ERR_ENCODING_BASE64', 'Text is not canonical padded base64');
  return bytes;
}
