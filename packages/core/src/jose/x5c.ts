import { decodeBase64, encodeBase64 } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';

/** Most certificates an `x5c` (JOSE) or `x5chain` (COSE) header may carry. */
export const MAX_X5C_CERTIFICATES = 10;

/** `x5c` values: padded standard base64 (not base64url) of each DER certificate, leaf first (RFC 7515 §4.1.6). */
export function encodeX5c(chain: readonly Uint8Array[]): string[] {
  return chain.map(encodeBase64);
}

/**
 * Reads an `x5c` header value. Absent → `ERR_TRUST_CHAIN_MISSING`; anything but a non-empty
 * array of at most 10 canonical padded standard base64 strings → `ERR_JWS_MALFORMED`.
 */
export function decodeX5c(value: unknown): Uint8Array[] {
  if (value === undefined) throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'JWS has no x5c header');
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_X5C_CERTIFICATES) {
    throw new ZzError('ERR_JWS_MALFORMED', `x5c must be an array of 1 to ${MAX_X5C_CERTIFICATES} certificates`);
  }
  return value.map((entry: unknown) => {
    if (typeof entry !== 'string' || entry.length === 0)
      throw new ZzError('ERR_JWS_MALFORMED', 'x5c entries must be strings');
    try {
      return decodeBase64(entry);
    } catch (error) {
      throw new ZzError('ERR_JWS_MALFORMED', 'x5c entry is not canonical padded base64', { cause: error });
    }
  });
}
