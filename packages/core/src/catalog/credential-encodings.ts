import { decodeBase64, decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { fullDate, type Tag } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { findElement, getCredentialType } from './credential-catalog.js';
import type { ClaimValue } from './credential-type.js';
import { type ValidatedClaims, validateClaims } from './validate-claims.js';

/**
 * One credential, three encodings (DESIGN.md §3): the same catalog claims become mdoc elements
 * (CBOR: full-dates tagged 1004, bytes as bstr), SD-JWT VC claims (JSON: full-dates as
 * "YYYY-MM-DD", bytes as base64url text) and, from JSON files, validated claims again.
 */

/**
 * Reads claims from JSON (a claims file, an API body): byte-string elements come as base64url
 * or padded standard base64 text. The result is validated against the catalog.
 */
export function claimsFromJson(typeId: string, json: unknown): ValidatedClaims {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ZzError('ERR_CATALOG_SCHEMA', 'Claims must be a JSON object');
  }
  const type = getCredentialType(typeId);
  const input: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(json as Record<string, unknown>)) {
    const element = findElement(type, id);
    input[id] = element?.valueType === 'bstr' && typeof value === 'string' ? bytesFromText(id, value) : value;
  }
  return validateClaims(type.typeId, input);
}

/** The mdoc `nameSpaces` of validated claims: `{ [namespace]: { element: CBOR value } }`. */
export function toMdocNameSpaces(
  typeId: string,
  claims: ValidatedClaims,
): Record<string, Record<string, string | number | boolean | Uint8Array | Tag>> {
  const type = getCredentialType(typeId);
  const elements: Record<string, string | number | boolean | Uint8Array | Tag> = {};
  for (const [id, value] of Object.entries(claims) as [string, ClaimValue][]) {
    elements[id] = findElement(type, id)?.valueType === 'full-date' ? fullDate(value as string) : value;
  }
  return { [type.namespace]: elements };
}

/** The SD-JWT VC claims of validated claims: JSON values, bytes as base64url text. */
export function toSdJwtClaims(claims: ValidatedClaims): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [id, value] of Object.entries(claims) as [string, ClaimValue][]) {
    out[id] = value instanceof Uint8Array ? encodeBase64url(value) : value;
  }
  return out;
}

function bytesFromText(id: string, text: string): Uint8Array {
  try {
    return /[+/=]/.test(text) ? decodeBase64(text) : decodeBase64url(text);
  } catch {
    throw new ZzError('ERR_CATALOG_SCHEMA', `Element ${id}: must be base64 or base64url text`);
  }
}
