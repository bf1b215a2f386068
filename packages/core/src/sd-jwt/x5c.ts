import { encodeBase64url } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';
import type { JwsHeader } from '../jose/jws-compact.js';

/** Most certificates an `x5c` header may carry. */
const MAX_X5C_CERTIFICATES = 10;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** `x5c` values: standard base64 (not base64url) of each DER certificate, leaf first (RFC 7515 §4.1.6). */
export function encodeX5c(chain: readonly Uint8Array[]): string[] {
  return chain.map((der) => {
    const text = encodeBase64url(der).replace(/-/g, '+').replace(/_/g, '/');
    return text + '='.repeat((4 - (text.length % 4)) % 4);
  });
}

/**
 * Reads the `x5c` header of an Issuer-signed JWT (SD-JWT VC §3.5: the issuer key comes from the
 * leaf certificate). A missing header fails with `ERR_TRUST_CHAIN_MISSING`; anything but a
 * non-empty array of strictly padded standard base64 strings with `ERR_JWS_MALFORMED`.
 */
export function decodeX5c(header: JwsHeader): Uint8Array[] {
  const x5c: unknown = header.x5c;
  if (x5c === undefined) throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'Issuer-signed JWT has no x5c header');
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_X5C_CERTIFICATES) {
    throw new ZzError('ERR_JWS_MALFORMED', 'x5c must be a non-empty array of certificates');
  }
  return x5c.map(decodeStandardBase64);
}

/**
 * Strict RFC 4648 §4 base64: length a multiple of 4, `=` only as padding at the end, zero
 * trailing bits, so each byte string has exactly one accepted text.
 */
function decodeStandardBase64(text: unknown): Uint8Array {
  if (typeof text !== 'string' || text.length === 0 || text.length % 4 !== 0) {
    throw new ZzError('ERR_JWS_MALFORMED', 'x5c entry is not padded standard base64');
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const end = text.length - padding;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let value = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (LOOKUP[code] as number) : -1;
    if (digit < 0) throw new ZzError('ERR_JWS_MALFORMED', 'x5c entry has a character outside base64');
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) throw new ZzError('ERR_JWS_MALFORMED', 'x5c entry has non-zero trailing bits');
  return out;
}
