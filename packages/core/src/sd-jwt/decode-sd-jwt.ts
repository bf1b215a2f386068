import { ZzError } from '../errors/zz-error.js';
import { type DecodedJws, decodeJwsCompact } from '../jose/jws-compact.js';

/** Default upper bound for a whole SD-JWT or SD-JWT+KB (512 KiB: room for a portrait claim). */
export const DEFAULT_MAX_SD_JWT_LENGTH = 512 * 1024;
/** Default upper bound on the number of disclosures in one SD-JWT. */
export const DEFAULT_MAX_DISCLOSURES = 1024;

export interface DecodeSdJwtOptions {
  /** Maximum length in characters of the whole text (default 512 KiB). */
  readonly maxLength?: number;
  /** Maximum number of disclosures (default 1024). */
  readonly maxDisclosures?: number;
}

/** An SD-JWT split into its parts (RFC 9901 §4), not yet verified. */
export interface DecodedSdJwt {
  /** The Issuer-signed JWT, decoded. */
  readonly jwt: DecodedJws;
  /** The Issuer-signed JWT text as received. */
  readonly jwtText: string;
  /** Disclosures as received (base64url text), in order. */
  readonly disclosures: readonly string[];
  /** The Key Binding JWT text, when the input is an SD-JWT+KB. */
  readonly keyBindingJwt?: string;
  /** `JWT~D1~…~Dn~`, the input to `sd_hash` (RFC 9901 §4.3.1): the KB-JWT excluded, the last `~` kept. */
  readonly sdHashInput: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Splits `JWT~D1~…~Dn~[KB-JWT]` (RFC 9901 §4) and decodes the Issuer-signed JWT. The text must
 * be a string within `maxLength`; the separator after the last disclosure is required; empty
 * disclosures and characters outside base64url are refused. Fails with `ERR_INPUT_TOO_LARGE`,
 * `ERR_SDJWT_MALFORMED`, or the JWS decoding codes for the Issuer-signed JWT.
 */
export function decodeSdJwt(text: string, options: DecodeSdJwtOptions = {}): DecodedSdJwt {
  const maxLength = options.maxLength ?? DEFAULT_MAX_SD_JWT_LENGTH;
  const maxDisclosures = options.maxDisclosures ?? DEFAULT_MAX_DISCLOSURES;
  if (typeof text !== 'string') throw new ZzError('ERR_SDJWT_MALFORMED', 'SD-JWT must be a string');
  if (text.length > maxLength) throw new ZzError('ERR_INPUT_TOO_LARGE', `SD-JWT exceeds ${maxLength} characters`);
  const parts = text.split('~');
  if (parts.length < 2) throw new ZzError('ERR_SDJWT_MALFORMED', 'SD-JWT has no ~ separator');
  if (parts.length - 2 > maxDisclosures) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', `SD-JWT has more than ${maxDisclosures} disclosures`);
  }
  const jwtText = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  const disclosures = parts.slice(1, -1);
  for (const disclosure of disclosures) {
    if (!BASE64URL.test(disclosure)) {
      throw new ZzError('ERR_SDJWT_MALFORMED', 'SD-JWT disclosure is empty or not base64url');
    }
  }
  const jwt = decodeJwsCompact(jwtText, maxLength);
  const sdHashInput = text.slice(0, text.length - last.length);
  if (last === '') return { jwt, jwtText, disclosures, sdHashInput };
  if (last.split('.').length !== 3) throw new ZzError('ERR_SDJWT_MALFORMED', 'Key binding JWT is not a compact JWS');
  return { jwt, jwtText, disclosures, keyBindingJwt: last, sdHashInput };
}
