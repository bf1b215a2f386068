import { Tag } from 'cbor-x';
import { ZzError } from '../errors/zz-error.js';

export { Tag };

/** RFC 8949 §3.4.5.1: tag 24, "encoded CBOR data item" (ISO 18013-5 `#6.24(bstr .cbor X)`). */
export const TAG_ENCODED_CBOR = 24;
/** RFC 8949 §3.4.1: tag 0, RFC 3339 date-time string (ISO 18013-5 `tdate`). */
export const TAG_DATE_TIME = 0;
/** RFC 8943: tag 1004, RFC 3339 full-date string (ISO 18013-5 `full-date`). */
export const TAG_FULL_DATE = 1004;

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  if (typeof value !== 'string') return false;
  const match = FULL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
