import { Tag } from 'cbor-x';
import { ZzError } from '../errors/zz-error.js';

export { Tag };

/** RFC 8949 §3.4.5.1: tag 24, "encoded CBOR data item" (ISO 18013-5 `#6.24(bstr .cbor X)`). */
export const TAG_ENCODED_CBOR = 24;
/** RFC 8949 §3.4.1: tag 0, RFC 3339 date-time string (ISO 18013-5 `tdate`). */
export const TAG_DATE_TIME = 0;
/** RFC 8943: tag 1004, RFC 3339 full-date string (ISO 18013-5 `full-date`). */
export const TAG_FULL_DATE = 1004;

/**
 * `#6.0(tstr)` for a moment, formatted as ISO 18013-5 §7.2.1 asks: RFC 3339 in UTC with a `Z`
 * and no fractional seconds (the instant is truncated to the second).
 */
export function tdate(date: Date): Tag {
  if (Number.isNaN(date.getTime())) throw new ZzError('ERR_INPUT_INVALID', 'Invalid date');
  return new Tag(`${date.toISOString().slice(0, 19)}Z`, TAG_DATE_TIME);
}

/** `#6.1004(tstr)` for a calendar date such as a birth date ("YYYY-MM-DD"). */
export function fullDate(date: string): Tag {
  if (!isFullDate(date)) throw new ZzError('ERR_INPUT_INVALID', 'A full-date must be a real calendar date YYYY-MM-DD');
  return new Tag(date, TAG_FULL_DATE);
}

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isFullDate(value: unknown): value is string {
  // Read digit by digit: this runs for every date in every verification, and a regex match plus
  // a Date object cost more than the rest of the check.
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The decimal number in `count` ASCII digits from `start`, or −1 when any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads a decoded `tdate`: cbor-x turns tag 0 and tag 1 into Date objects. */
export function readTdate(value: unknown, what: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new ZzError('ERR_CBOR_STRUCTURE', `${what} is not a valid tdate`);
}

/** Reads a decoded `full-date` (tag 1004), accepting a plain string too. */
export function readFullDate(value: unknown): string | undefined {
  const inner = value instanceof Tag && value.tag === TAG_FULL_DATE ? value.value : value;
  return isFullDate(inner) ? inner : undefined;
}
