import { decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { parseJson, utf8Decode, utf8Encode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';

/** Salt length in bytes: RFC 9901 §9.3 asks for at least 128 bits. */
export const SD_JWT_SALT_BYTES = 16;

/** A decoded disclosure (RFC 9901 §4.2.1, §4.2.2). `name` is absent for an array element. */
export interface SdJwtDisclosure {
  /** The base64url text exactly as received: digests are computed over this. */
  readonly text: string;
  readonly salt: string;
  readonly name?: string;
  readonly value: unknown;
}

/**
 * Creates a disclosure `base64url(UTF-8(JSON([salt, name, value])))`, or `[salt, value]` for an
 * array element when `name` is undefined (RFC 9901 §4.2.1–§4.2.2). The salt is 128 random bits.
 */
export function createSdJwtDisclosure(platform: Platform, name: string | undefined, value: unknown): string {
  const salt = encodeBase64url(platform.randomBytes(SD_JWT_SALT_BYTES));
  const json = JSON.stringify(name === undefined ? [salt, value] : [salt, name, value]);
  return encodeBase64url(utf8Encode(json));
}

/**
 * Decodes one disclosure: base64url → UTF-8 → a JSON array of two (array element) or three
 * (object property) elements with a string salt and, for three, a string name. Anything else
 * fails with `ERR_SDJWT_DISCLOSURE_INVALID`. Whether two or three elements are allowed is
 * decided where the digest is found (§7.1 step 5).
 */
export function decodeSdJwtDisclosure(text: string): SdJwtDisclosure {
  let decoded: unknown;
  try {
    decoded = parseJson(utf8Decode(decodeBase64url(text)));
  } catch (error) {
    throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure is not base64url-encoded JSON', { cause: error });
  }
  if (!Array.isArray(decoded) || (decoded.length !== 2 && decoded.length !== 3)) {
    throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure must be a JSON array of two or three elements');
  }
  const [salt, second, third] = decoded as unknown[];
  if (typeof salt !== 'string') throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure salt must be a string');
  if (decoded.length === 2) return { text, salt, value: second };
  if (typeof second !== 'string') {
    throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure claim name must be a string');
  }
  return { text, salt, name: second, value: third };
}
