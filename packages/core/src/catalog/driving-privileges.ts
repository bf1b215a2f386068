import type { CborValue } from '../cbor/encode.js';
import { fullDate, isFullDate, TAG_FULL_DATE, Tag } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { findChinaVehicleClass, parseChinaVehicleClasses } from './china-vehicle-classes.js';
import type { DrivingPrivilege, DrivingPrivilegeCode } from './credential-type.js';

/**
 * ISO/IEC 18013-5 §7.2.4 `driving_privileges`: an array of
 * `{ vehicle_category_code: tstr, ? issue_date: full-date, ? expiry_date: full-date, ? codes: [+ Code] }`
 * with `Code = { code: tstr, ? sign: tstr, ? value: tstr }`. Categories are those of
 * ISO/IEC 18013-1 Annex B (the Vienna Convention categories and sub-categories, plus AM).
 */
export const ISO_VEHICLE_CATEGORIES: readonly string[] = [
  'AM',
  'A1',
  'A2',
  'A',
  'B1',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
];

/** Bounds: no real licence comes near them; they keep a hostile input small. */
export const MAX_DRIVING_PRIVILEGES = 16;
export const MAX_PRIVILEGE_CODES = 16;
const MAX_CODE_TEXT = 32;

const PRIVILEGE_KEYS = new Set(['vehicle_category_code', 'issue_date', 'expiry_date', 'codes']);
const CODE_KEYS = new Set(['code', 'sign', 'value']);

function fail(elementId: string, problem: string): never {
  throw new ZzError('ERR_CATALOG_SCHEMA', `Element ${elementId}: ${problem}`);
}

/** The entries of a JSON object or a decoded CBOR map with text keys, or undefined. */
function entriesOf(value: unknown): [string, unknown][] | undefined {
  if (value instanceof Map) {
    const out: [string, unknown][] = [];
    for (const [key, item] of value) {
      if (typeof key !== 'string') return undefined;
      out.push([key, item]);
    }
    return out;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    return Object.entries(value as Record<string, unknown>);
  }
  return undefined;
}

function text(elementId: string, what: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_CODE_TEXT ||
    !/^[\x20-\x7e]+$/.test(value)
  ) {
    fail(elementId, `${what} must be 1–${MAX_CODE_TEXT} printable ASCII characters`);
  }
  return value;
}

function date(elementId: string, what: string, value: unknown): string {
  const inner = value instanceof Tag && value.tag === TAG_FULL_DATE ? value.value : value;
  if (!isFullDate(inner)) fail(elementId, `${what} must be a full-date YYYY-MM-DD`);
  return inner;
}

function readCode(elementId: string, raw: unknown): DrivingPrivilegeCode {
  const entries = entriesOf(raw);
  if (!entries) fail(elementId, 'each code must be a map');
  const fields: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (!CODE_KEYS.has(key)) fail(elementId, 'a code has an unknown key');
    fields[key] = text(elementId, `code ${key}`, value);
  }
  if (fields.code === undefined) fail(elementId, 'each code needs code');
  return Object.freeze({
    code: fields.code,
    ...(fields.sign !== undefined && { sign: fields.sign }),
    ...(fields.value !== undefined && { value: fields.value }),
  });
}

function readPrivilege(elementId: string, raw: unknown): DrivingPrivilege {
  const entries = entriesOf(raw);
  if (!entries) fail(elementId, 'each privilege must be a map');
  const fields = new Map(entries);
  for (const key of fields.keys()) if (!PRIVILEGE_KEYS.has(key)) fail(elementId, 'a privilege has an unknown key');
  const category = fields.get('vehicle_category_code');
  if (typeof category !== 'string' || !ISO_VEHICLE_CATEGORIES.includes(category)) {
    fail(elementId, 'vehicle_category_code must be an ISO/IEC 18013-1 category');
  }
  const issued = fields.has('issue_date') ? date(elementId, 'issue_date', fields.get('issue_date')) : undefined;
  const expires = fields.has('expiry_date') ? date(elementId, 'expiry_date', fields.get('expiry_date')) : undefined;
  if (issued !== undefined && expires !== undefined && issued > expires) {
    fail(elementId, 'a privilege expires before it is issued');
  }
  let codes: readonly DrivingPrivilegeCode[] | undefined;
  if (fields.has('codes')) {
    const list = fields.get('codes');
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PRIVILEGE_CODES) {
      fail(elementId, `codes must be an array of 1–${MAX_PRIVILEGE_CODES} codes`);
    }
    codes = Object.freeze(list.map((code) => readCode(elementId, code)));
  }
  return Object.freeze({
    vehicle_category_code: category,
    ...(issued !== undefined && { issue_date: issued }),
    ...(expires !== undefined && { expiry_date: expires }),
    ...(codes !== undefined && { codes }),
  });
}

/**
 * Validates a `driving_privileges` value from JSON (dates as text) or decoded CBOR (maps, dates
 * tagged 1004) and returns it normalised and frozen. 0–16 privileges (CDDL `[* DrivingPrivilege]`),
 * one per category; unknown
 * keys are refused. Failures are `ERR_CATALOG_SCHEMA` naming `elementId`, never a value.
 */
export function validateDrivingPrivileges(elementId: string, raw: unknown): readonly DrivingPrivilege[] {
  if (!Array.isArray(raw) || raw.length > MAX_DRIVING_PRIVILEGES) {
    fail(elementId, `must be an array of at most ${MAX_DRIVING_PRIVILEGES} privileges`);
  }
  const privileges = raw.map((item) => readPrivilege(elementId, item));
  const categories = new Set(privileges.map((p) => p.vehicle_category_code));
  if (categories.size !== privileges.length) fail(elementId, 'lists a vehicle category twice');
  return Object.freeze(privileges);
}

/** The mdoc CBOR of validated privileges: text-keyed maps, dates as `#6.1004(tstr)`. */
export function drivingPrivilegesToCbor(privileges: readonly DrivingPrivilege[]): CborValue {
  return privileges.map((p) => {
    const out: Record<string, CborValue> = { vehicle_category_code: p.vehicle_category_code };
    if (p.issue_date !== undefined) out.issue_date = fullDate(p.issue_date);
    if (p.expiry_date !== undefined) out.expiry_date = fullDate(p.expiry_date);
    if (p.codes !== undefined) out.codes = p.codes.map((code) => ({ ...code }));
    return out;
  });
}

/** The SD-JWT VC JSON of validated privileges: plain objects, dates as "YYYY-MM-DD". */
export function drivingPrivilegesToJson(privileges: readonly DrivingPrivilege[]): Record<string, unknown>[] {
  return privileges.map((p) => ({ ...p, ...(p.codes !== undefined && { codes: p.codes.map((c) => ({ ...c })) }) }));
}

/**
 * ISO privileges for a printed Chinese class string ("C1", "A2D") with the licence's dates,
 * through the approximate table in china-vehicle-classes.ts: one privilege per ISO category (a
 * restriction code is kept only when every class giving that category has it); classes without
 * an ISO category (M, P) are left out (possibly leaving none). Throws `ERR_CATALOG_SCHEMA` for a malformed string.
 */
export function drivingPrivilegesForChinaClasses(
  classes: string,
  dates: { readonly issue_date?: string; readonly expiry_date?: string } = {},
): readonly DrivingPrivilege[] {
  const codes = parseChinaVehicleClasses(classes);
  if (!codes) fail('vehicle_classes', 'must be Chinese licence classes such as C1 or A2D');
  const byCategory = new Map<string, readonly string[] | undefined>();
  for (const code of codes) {
    const iso = findChinaVehicleClass(code)?.iso;
    if (!iso) continue;
    const own = iso.codes ?? [];
    const seen = byCategory.get(iso.category);
    byCategory.set(iso.category, seen === undefined ? own : seen.filter((c) => own.includes(c)));
  }
  return validateDrivingPrivileges(
    'driving_privileges',
    [...byCategory].map(([category, restrictions]) => ({
      vehicle_category_code: category,
      ...dates,
      ...(restrictions && restrictions.length > 0 && { codes: restrictions.map((code) => ({ code })) }),
    })),
  );
}
