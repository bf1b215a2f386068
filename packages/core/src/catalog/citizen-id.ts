import { isFullDate } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { chinaDateOf } from './china-date.js';
import { findProvinceCode } from './province-codes.js';

/** The parts of a GB 11643-1999 citizen identity number. */
export interface CitizenIdParts {
  /** Six-digit administrative division code of the place of first registration (GB/T 2260). */
  readonly regionCode: string;
  /** Its first two digits: the province-level code. */
  readonly provinceCode: string;
  /** Date of birth, "YYYY-MM-DD". */
  readonly birthDate: string;
  /** Three-digit sequence code; odd for men, even for women. */
  readonly sequence: string;
  /** GB/T 2261.1 sex code derived from the sequence: 1 male, 2 female. */
  readonly sex: 1 | 2;
  /** The check digit, "0"–"9" or "X". */
  readonly checkDigit: string;
}

export interface ValidateCitizenIdOptions {
  /** When given, a birth date after this day (China Standard Time) is refused. */
  readonly now?: Date;
}

/** GB 11643-1999 §7.2 / ISO 7064 MOD 11-2 weights 2^(i) mod 11 for positions 18…2. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (Σ aᵢ·Wᵢ) mod 11 = 0…10. */
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

function invalid(what: string): never {
  throw new ZzError('ERR_CITIZEN_ID_INVALID', `Citizen identity number: ${what}`);
}

/**
 * The ISO 7064 MOD 11-2 check character of the first 17 digits of a citizen identity number
 * (GB 11643-1999 §7.2): "0"–"9" or "X".
 */
export function computeCitizenIdCheckDigit(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) invalid('the body must be 17 ASCII digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates an 18-character GB 11643-1999 citizen identity number and returns its parts.
 *
 * Rules: 17 ASCII digits then a digit or an upper-case "X" (lower-case "x" is refused: one number
 * has one spelling in a signed credential; input forms should upper-case before calling); a
 * known province-level code (11–65, 71, 81, 82); a real birth date from 1900-01-01 on and not
 * after `now` when given; the MOD 11-2 check digit. Every failure is `ERR_CITIZEN_ID_INVALID`
 * with a message naming the rule, never the number.
 */
export function validateCitizenId(id: string, options: ValidateCitizenIdOptions = {}): CitizenIdParts {
  if (typeof id !== 'string') invalid('must be a string');
  if (id.length !== 18) invalid('must be 18 characters');
  if (!/^\d{17}[\dX]$/.test(id)) invalid('must be 17 digits followed by a digit or X');
  const provinceCode = id.slice(0, 2);
  if (!findProvinceCode(provinceCode)) invalid('unknown province-level region code');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isFullDate(birthDate)) invalid('birth date is not a calendar date');
  if (birthDate < EARLIEST_BIRTH_DATE) invalid('birth date is before 1900');
  if (options.now !== undefined && birthDate > chinaDateOf(options.now)) invalid('birth date is in the future');
  const checkDigit = id.charAt(17);
  if (computeCitizenIdCheckDigit(id.slice(0, 17)) !== checkDigit) invalid('check digit does not match');
  const sequence = id.slice(14, 17);
  return {
    regionCode: id.slice(0, 6),
    provinceCode,
    birthDate,
    sequence,
    sex: Number(sequence) % 2 === 1 ? 1 : 2,
    checkDigit,
  };
}
