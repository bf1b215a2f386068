import { ZzError } from '../errors/zz-error.js';

/** RFC 9285 §4: the 45 characters of the QR alphanumeric mode, in value order. */
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE45_ALPHABET.length; i++) LOOKUP[BASE45_ALPHABET.charCodeAt(i)] = i;

/**
 * base45 (RFC 9285 §4.2): every two bytes n = a·256 + b become three characters c, d, e with
 * n = c + d·45 + e·45²; a final single byte becomes two characters.
 */
export function encodeBase45(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'base45 input must be a Uint8Array');
  const out: string[] = [];
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    let n = (bytes[i] as number) * 256 + (bytes[i + 1] as number);
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out.push(BASE45_ALPHABET.charAt(c), BASE45_ALPHABET.charAt(d), BASE45_ALPHABET.charAt(e));
  }
  if (i < bytes.length) {
    const n = bytes[i] as number;
    out.push(BASE45_ALPHABET.charAt(n % 45), BASE45_ALPHABET.charAt(Math.floor(n / 45)));
  }
  return out.join('');
}

/**
 * Strict base45 decoding (RFC 9285 §4.3): a character outside the alphabet, a length of 3k + 1,
 * a triple above 65535 or a final pair above 255 are `ERR_ENCODING_BASE45`.
 */
export function decodeBase45(text: string): Uint8Array {
  if (typeof text !== 'string') throw new ZzError('ERR_ENCODING_BASE45', 'base45 input must be a string');
  if (text.length % 3 === 1) throw new ZzError('ERR_ENCODING_BASE45', 'base45 text has an impossible length');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  // characters outside the alphabet look up as -1 (or undefined past the table): `bad` goes negative
  let bad = 0;
  let tooLarge = false;
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const c = LOOKUP[text.charCodeAt(i)] ?? -1;
    const d = LOOKUP[text.charCodeAt(i + 1)] ?? -1;
    const e = LOOKUP[text.charCodeAt(i + 2)] ?? -1;
    bad |= c | d | e;
    const n = c + d * 45 + e * 2025;
    tooLarge ||= n > 0xffff;
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const c = LOOKUP[text.charCodeAt(i)] ?? -1;
    const d = LOOKUP[text.charCodeAt(i + 1)] ?? -1;
    bad |= c | d;
    const n = c + d * 45;
    tooLarge ||= n > 0xff;
    out[o++] = n;
  }
  if (bad < 0) throw new ZzError('ERR_ENCODING_BASE45', 'base45 text has a character outside the alphabet');
  if (tooLarge) throw new ZzError('ERR_ENCODING_BASE45', 'base45 group exceeds its byte range');
  return out;
}
