import { decodeBase64, decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import type { CborValue } from '../cbor/encode.js';
import { fullDate } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { findElement, getCredentialType } from './credential-catalog.js';
import type { ClaimValue, DrivingPrivilege, ElementDefinition } from './credential-type.js';
import { drivingPrivilegesToCbor, drivingPrivilegesToJson } from './driving-privileges.js';
import { elementNamespace } from './element-namespace.js';
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

/**
 * The CBOR value of one validated claim (mdoc element, QR claim): full-dates `#6.1004(tstr)`,
 * driving privileges as maps with tagged dates (ISO/IEC 18013-5 §7.2.4), others as they are.
 */
export function claimToCbor(element: ElementDefinition | undefined, value: ClaimValue): CborValue {
  if (element?.valueType === 'full-date') return fullDate(value as string);
  if (element?.valueType === 'driving-privileges') return drivingPrivilegesToCbor(value as readonly DrivingPrivilege[]);
  return value as CborValue;
}

/**
 * The mdoc `nameSpaces` of validated claims: `{ [namespace]: { element: CBOR value } }`, each
 * element under its own namespace (`elementNamespace`).
 */
export function toMdocNameSpaces(typeId: string, claims: ValidatedClaims): Record<string, Record<string, CborValue>> {
  const type = getCredentialType(typeId);
  const out: Record<string, Record<string, CborValue>> = {};
  for (const [id, value] of Object.entries(claims) as [string, ClaimValue][]) {
    const element = findElement(type, id);
    const namespace = element ? elementNamespace(type, element) : type.namespace;
    if (!Object.hasOwn(out, namespace)) out[namespace] = {};
    (out[namespace] as Record<string, CborValue>)[id] = claimToCbor(element, value);
  }
  if (Object.keys(out).length === 0) out[type.namespace] = {};
  return out;
}

/** A JSON value of an SD-JWT VC claim. */
export type SdJwtClaimValue = string | number | boolean | Record<string, unknown>[];

/**
 * The SD-JWT VC claims of validated claims: JSON values, bytes as base64url text, driving
 * privileges as plain objects with "YYYY-MM-DD" dates.
 */
export function toSdJwtClaims(claims: ValidatedClaims): Record<string, SdJwtClaimValue> {
  const out: Record<string, SdJwtClaimValue> = {};
  for (const [id, value] of Object.entries(claims) as [string, ClaimValue][]) {
    if (value instanceof Uint8Array) out[id] = encodeBase64url(value);
    else if (Array.isArray(value)) out[id] = drivingPrivilegesToJson(value as readonly DrivingPrivilege[]);
    else out[id] = value as string | number | boolean;
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
