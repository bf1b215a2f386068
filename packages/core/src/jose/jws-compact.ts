import { decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { parseJson, utf8Decode, utf8Encode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { SUITES } from '../platform/suites.js';

/**
 * JWS compact serialization (RFC 7515 §7.1) over the platform's suites. Written here rather than
 * taken from `jose` because the SM2 suite (JOSE alg `SM2SM3`, ADR 0002) cannot be plugged into
 * it, and because one small verifier with an explicit algorithm allow-list is easier to audit.
 */

export type JsonObject = { [key: string]: unknown };

export interface JwsHeader extends JsonObject {
  alg: string;
  typ?: string;
  kid?: string;
  x5c?: string[];
}

export interface DecodedJws {
  readonly header: JwsHeader;
  readonly payload: JsonObject;
  /** `BASE64URL(header) || '.' || BASE64URL(payload)`, the signing input exactly as received. */
  readonly signingInput: string;
  readonly signature: Uint8Array;
}

/** Default upper bound for a compact JWS (256 KiB). */
export const DEFAULT_MAX_JWS_LENGTH = 256 * 1024;

/** Signs `payload` with `signer`; `alg` is set from the signer's suite. */
export function signJwsCompact(signer: Signer, header: Omit<JwsHeader, 'alg'>, payload: JsonObject): Promise<string> {
  return signJwsCompactJson(signer, header, JSON.stringify(payload));
}

/**
 * `signJwsCompact` for a payload its caller serialized itself: `payloadJson` is the JSON text of
 * an object, signed as given (the trust list escapes every non-ASCII character, so that
 * verifiers decode and parse one-byte text).
 */
export async function signJwsCompactJson(
  signer: Signer,
  header: Omit<JwsHeader, 'alg'>,
  payloadJson: string,
): Promise<string> {
  const fullHeader = { alg: SUITES[signer.suite].joseAlg, ...header };
  const signingInput = `${encodeBase64url(utf8Encode(JSON.stringify(fullHeader)))}.${encodeBase64url(utf8Encode(payloadJson))}`;
  const signature = await signer.sign(utf8Encode(signingInput));
  return `${signingInput}.${encodeBase64url(signature)}`;
}

/** Splits and decodes a compact JWS without verifying it. Header and payload must be JSON objects. */
export function decodeJwsCompact(jws: string, maxLength = DEFAULT_MAX_JWS_LENGTH): DecodedJws {
  if (typeof jws !== 'string') throw new ZzError('ERR_JWS_MALFORMED', 'JWS must be a string');
  if (jws.length > maxLength) throw new ZzError('ERR_INPUT_TOO_LARGE', `JWS exceeds ${maxLength} characters`);
  // the dots by position, not `split`: the signing input stays a slice of `jws` (a trust list
  // is a megabyte), not a copy joined back together
  const first = jws.indexOf('.');
  const second = first < 0 ? -1 : jws.indexOf('.', first + 1);
  if (second < 0 || jws.indexOf('.', second + 1) >= 0) {
    throw new ZzError('ERR_JWS_MALFORMED', 'Compact JWS must have three parts');
  }
  const header = jsonObject(jws.slice(0, first), 'header');
  if (typeof header.alg !== 'string') throw new ZzError('ERR_JWS_MALFORMED', 'JWS header has no alg');
  return {
    header: header as JwsHeader,
    payload: jsonObject(jws.slice(first + 1, second), 'payload'),
    signingInput: jws.slice(0, second),
    signature: decodeBase64url(jws.slice(second + 1)),
  };
}

/**
 * Verifies a decoded JWS with `publicKey`. The header `alg` must be exactly the key's suite:
 * `none`, HMAC algorithms and any switch of algorithm fail with `ERR_JWS_ALG_NOT_ALLOWED`.
 * `crit` is refused (no extension is understood).
 */
export async function verifyJws(platform: Platform, jws: DecodedJws, publicKey: PublicKey): Promise<void> {
  if (jws.header.alg !== SUITES[publicKey.suite].joseAlg) {
    throw new ZzError('ERR_JWS_ALG_NOT_ALLOWED', `JWS alg is not ${SUITES[publicKey.suite].joseAlg}`);
  }
  if (jws.header.crit !== undefined) throw new ZzError('ERR_JWS_MALFORMED', 'JWS crit is not supported');
  const ok = await platform.suite(publicKey.suite).verify(publicKey.point, utf8Encode(jws.signingInput), jws.signature);
  if (!ok) throw new ZzError('ERR_JWS_SIGNATURE_INVALID', 'JWS signature does not verify');
}

function jsonObject(part: string, what: string): JsonObject {
  const value = parseJson(utf8Decode(decodeBase64url(part)));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ZzError('ERR_JWS_MALFORMED', `JWS ${what} must be a JSON object`);
  }
  return value as JsonObject;
}
