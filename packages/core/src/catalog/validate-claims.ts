import { isFullDate, TAG_FULL_DATE, Tag } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { validateCitizenId } from './citizen-id.js';
import { findElement, getCredentialType } from './credential-catalog.js';
import type { ClaimValue, ElementDefinition } from './credential-type.js';
import { validateDrivingPrivileges } from './driving-privileges.js';

declare const validated: unique symbol;

/** Claims that passed `validateClaims`: known elements only, values normalised. */
export type ValidatedClaims = Readonly<Record<string, ClaimValue>> & { readonly [validated]: true };

/** Input accepted by `validateClaims`: a plain object or a Map with text keys (decoded CBOR). */
export type ClaimsInput = Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown>;

/** C0 and C1 control characters (and DEL) have no place in a printed field. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function schemaError(elementId: string, problem: string): never {
  throw new ZzError('ERR_CATALOG_SCHEMA', `Element ${elementId}: ${problem}`);
}

/** A printable name for an element id taken from input, so errors never echo arbitrary text. */
function safeName(key: unknown): string {
  return typeof key === 'string' && /^[a-z0-9_]{1,40}$/.test(key) ? key : '(unrecognised identifier)';
}

/** Checks one value against its element definition and returns it normalised. */
export function validateElementValue(element: ElementDefinition, raw: unknown): ClaimValue {
  let value: ClaimValue;
  switch (element.valueType) {
    case 'tstr':
      if (typeof raw !== 'string') schemaError(element.id, 'must be a text string');
      value = raw as string;
      if ((value as string).length === 0) schemaError(element.id, 'must not be empty');
      if (hasControlCharacter(value as string)) schemaError(element.id, 'must not contain control characters');
      // UTF-16 length bounds the code-point count, so spread only when it could be too long.
      if (
        element.maxLength !== undefined &&
        (value as string).length > element.maxLength &&
        [...(value as string)].length > element.maxLength
      ) {
        schemaError(element.id, `must be at most ${element.maxLength} characters`);
      }
      break;
    case 'uint':
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0)
        schemaError(element.id, 'must be an unsigned integer');
      value = raw as number;
      break;
    case 'bool':
      if (typeof raw !== 'boolean') schemaError(element.id, 'must be a boolean');
      value = raw as boolean;
      break;
    case 'full-date': {
      const inner = raw instanceof Tag && raw.tag === TAG_FULL_DATE ? raw.value : raw;
      if (!isFullDate(inner)) schemaError(element.id, 'must be a full-date YYYY-MM-DD');
      value = inner as string;
      break;
    }
    case 'bstr':
      if (!(raw instanceof Uint8Array)) schemaError(element.id, 'must be a byte string');
      value = raw as Uint8Array;
      if (element.maxLength !== undefined && value.length > element.maxLength) {
        schemaError(element.id, `must be at most ${element.maxLength} bytes`);
      }
      break;
    case 'driving-privileges':
      value = validateDrivingPrivileges(element.id, raw);
      break;
  }
  const problem = element.check?.(value);
  if (problem !== undefined) schemaError(element.id, problem);
  return value;
}

/**
 * Validates `claims` against the catalog entry of `typeId` (DESIGN.md M8). Unknown elements and
 * wrong values fail with `ERR_CATALOG_SCHEMA` naming the element, never its value; an unknown
 * type fails with `ERR_CATALOG_UNKNOWN_TYPE`. Elements are optional (a disclosure is a subset),
 * but those present must agree with each other: the birth date and sex encoded in `id_number`
 * must match `birth_date` and `sex` (likewise `party_1_id_number` with `party_1_birth_date`…),
 * and `issue_date` must not follow `expiry_date`.
 */
export function validateClaims(typeId: string, claims: ClaimsInput): ValidatedClaims {
  const type = getCredentialType(typeId);
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new ZzError('ERR_CATALOG_SCHEMA', 'Claims must be an object or a map');
  }
  const entries: Iterable<[unknown, unknown]> = claims instanceof Map ? claims : Object.entries(claims);
  const out: Record<string, ClaimValue> = {};
  // Keys are unique (object or Map), so at most elements.length + 1 entries are looked at.
  for (const [key, raw] of entries) {
    const element = typeof key === 'string' ? findElement(type, key) : undefined;
    if (!element) schemaError(safeName(key), 'is not an element of this credential type');
    out[element.id] = validateElementValue(element, raw);
  }
  crossCheck(out);
  return Object.freeze(out) as ValidatedClaims;
}

function crossCheck(claims: Record<string, ClaimValue>): void {
  // `id_number` with `birth_date`/`sex`, and the same for prefixed parties (`party_1_id_number`…)
  for (const key of Object.keys(claims)) {
    if (!key.endsWith('id_number')) continue;
    const id = claims[key];
    if (typeof id !== 'string') continue;
    const prefix = key.slice(0, -'id_number'.length);
    let parts: ReturnType<typeof validateCitizenId>;
    try {
      parts = validateCitizenId(id);
    } catch {
      continue; // not a citizen number: the element's own check decides about it
    }
    const birthDate = claims[`${prefix}birth_date`];
    if (birthDate !== undefined && birthDate !== parts.birthDate) {
      schemaError(key, `birth date does not match ${prefix}birth_date`);
    }
    const sex = claims[`${prefix}sex`];
    if (sex !== undefined && sex !== parts.sex) schemaError(key, `sex digit does not match ${prefix}sex`);
  }
  const { issue_date: issued, expiry_date: expires } = claims;
  if (typeof issued === 'string' && typeof expires === 'string' && issued > expires) {
    schemaError('expiry_date', 'must not be before issue_date');
  }
}
