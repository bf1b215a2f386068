import { decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';

/** Most certificates a status list token may carry in `x5c` / `x5chain`. */
export const MAX_CHAIN_LENGTH = 10;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * `x5c` entries are standard base64 of DER with padding, not base64url (RFC 7515 §4.1.6).
 * Internal to the status-list area.
 */
export function encodeX5c(chain: readonly Uint8Array[]): string[] {
  return chain.map((der) => {
    const text = encodeBase64url(der).replace(/-/g, '+').replace(/_/g, '/');
    return text + '='.repeat((4 - (text.length % 4)) % 4);
  });
}

/** Decodes an `x5c` header strictly (padded standard base64, leaf first), else `ERR_JWS_MALFORMED`. */
export function decodeX5c(value: unknown): Uint8Array[] {
  const code = 'ERR_JWS_MALFORMED';
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CHAIN_LENGTH) {
    throw new ZzError(code, `x5c must be an array of 1 to ${MAX_CHAIN_LENGTH} certificates`);
  }
  return value.map((entry: unknown) => {
    if (typeof entry !== 'string' || entry.length === 0 || entry.length % 4 !== 0 || !BASE64.test(entry)) {
      throw new ZzError(code, 'x5c entries must be padded standard base64');
    }
    try {
      return decodeBase64url(entry.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
    } catch (error) {
      throw new ZzError(code, 'x5c entry is not canonical base64', { cause: error });
    }
  });
}
