import { ZzError } from '../errors/zz-error.js';

/**
 * base64 (RFC 4648 §4) and base64url (§5), strict: one byte string has exactly one accepted
 * text. Hand-written because the core cannot use Node's Buffer, `atob` is slow and lenient, and
 * these decoders sit on every JWS and SD-JWT verification: four characters at a time through a
 * lookup table.
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

/** base64url without padding (RFC 4648 §5), as JOSE and SD-JWT require. */
export function encodeBase64url(bytes: Uint8Array): string {
  return encode(bytes, URL);
}

/**
 * Decodes unpadded base64url strictly: padding, `+`, `/`, white space and non-zero trailing bits
 * are rejected (`ERR_ENCODING_BASE64URL`).
 */
export function decodeBase64url(text: string): Uint8Array {
  const bytes = typeof text === 'string' ? decode(text, text.length, URL) : undefined;
  if (!bytes) throw new ZzError('ERR_ENCODING_BASE64URL', 'Text is not canonical unpadded base64url');
  return bytes;
}

/** Standard base64 with padding (RFC 4648 §4), as `x5c` (RFC 7515 §4.1.6) requires. */
export function encodeBase64(bytes: Uint8Array): string {
  const text = encode(bytes, STD);
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

/** Decodes padded standard base64 strictly (`ERR_ENCODING_BASE64` otherwise). */
export function decodeBase64(text: string): Uint8Array {
  let bytes: Uint8Array | undefined;
  if (typeof text === 'string' && text.length % 4 === 0) {
    const unpadded = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
    bytes = decode(text, unpadded, STD);
  }
  if (!bytes) throw new ZzError('ERR_ENCODING_BASE64', 'Text is not canonical padded base64');
  return bytes;
}
