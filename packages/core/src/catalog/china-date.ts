import { ZzError } from '../errors/zz-error.js';

/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The calendar date ("YYYY-MM-DD") of the instant `now` in China Standard Time: birthdays,
 * card expiry and "not in the future" are all judged on the Chinese calendar day.
 */
export function chinaDateOf(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
  }
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
