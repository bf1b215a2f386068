import { validateCitizenId } from './citizen-id.js';
import type { ClaimValue } from './credential-type.js';
import { findEthnicityCode } from './ethnicity-codes.js';
import { findProvinceCode } from './province-codes.js';

/**
 * Reusable `check` rules of catalog elements. Each returns what is wrong, never the value, or
 * undefined when the value is fine.
 */
export type ElementCheck = (value: ClaimValue) => string | undefined;

/** A JPEG: starts with SOI (FF D8 FF) and ends with EOI (FF D9). */
export const jpegCheck: ElementCheck = (value) => {
  if (!(value instanceof Uint8Array)) return 'must be bytes';
  const n = value.length;
  const soi = value[0] === 0xff && value[1] === 0xd8 && value[2] === 0xff;
  const eoi = value[n - 2] === 0xff && value[n - 1] === 0xd9;
  return soi && eoi ? undefined : 'must be a JPEG (SOI … EOI)';
};

/** GB 11643-1999 citizen identity number (province code, birth date, check digit). */
export const citizenIdCheck: ElementCheck = (value) => {
  try {
    validateCitizenId(value as string);
    return undefined;
  } catch {
    return 'must be a valid GB 11643 citizen identity number';
  }
};

/** GB/T 2261.1 sex code: 1 male, 2 female. */
export const sexCheck: ElementCheck = (value) =>
  value === 1 || value === 2 ? undefined : 'must be 1 (male) or 2 (female) per GB/T 2261.1';

/** GB/T 3304 ethnicity code "01"–"56". */
export const ethnicityCheck: ElementCheck = (value) =>
  typeof value === 'string' && findEthnicityCode(value) ? undefined : 'must be a GB/T 3304 code "01"–"56"';

/** A birth date from 1900-01-01 on (the citizen-number rule). */
export const notBefore1900: ElementCheck = (value) =>
  typeof value === 'string' && value >= '1900-01-01' ? undefined : 'must not be before 1900-01-01';

/** A six-digit GB/T 2260 administrative division code with a known province-level prefix. */
export const regionCodeCheck: ElementCheck = (value) =>
  typeof value === 'string' && /^\d{6}$/.test(value) && findProvinceCode(value.slice(0, 2))
    ? undefined
    : 'must be a six-digit GB/T 2260 region code';

/** One of a fixed list of values (codes or the words printed on the document). */
export function oneOf(values: readonly (string | number)[]): ElementCheck {
  return (value) => (values.includes(value as string | number) ? undefined : `must be one of ${values.join(', ')}`);
}

/** Text matching `pattern`, described as `what` in the error. */
export function matches(pattern: RegExp, what: string): ElementCheck {
  return (value) => (typeof value === 'string' && pattern.test(value) ? undefined : `must be ${what}`);
}

/**
 * Latin-1 text as ISO/IEC 18013-5 §7.2.1 asks of most mDL text elements ("latin1b"): U+0020–U+007E
 * and U+00A0–U+00FF. Chinese characters go in the `*_national_character` elements.
 */
export const latin1Check: ElementCheck = (value) =>
  typeof value === 'string' && /^[\u0020-\u007e\u00a0-\u00ff]+$/.test(value)
    ? undefined
    : 'must use Latin-1 characters only (ISO/IEC 18013-5 latin1b)';
