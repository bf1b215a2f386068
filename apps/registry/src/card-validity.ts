import { ageOn, isFullDate, LONG_TERM_EXPIRY_DATE, ZzError } from '@zhengzhao/core';
import { addYears, civilFromDays, formatDay } from './civil-date.js';

/**
 * The term of a resident identity card by the holder's age on the issue date
 * (居民身份证法 第五条): under 16 → 5 years; 16–25 → 10 years; 26–45 → 20 years; 46 and over
 * (四十六周岁以上) → long-term (长期).
 */
export function cardTermYears(ageAtIssue: number): number | 'long-term' {
  if (ageAtIssue < 16) return 5;
  if (ageAtIssue <= 25) return 10;
  if (ageAtIssue <= 45) return 20;
  return 'long-term';
}

/**
 * The expiry date ("YYYY-MM-DD") of a card issued on `issueDate` to a person born on
 * `birthDate`. A long-term card carries the core catalog's sentinel `LONG_TERM_EXPIRY_DATE`
 * ("9999-12-31", displayed as 长期), as the `expiry_date` element of `cn.gov.eid.1` does.
 */
export function computeCardExpiry(birthDate: string, issueDate: string): string {
  if (!isFullDate(birthDate) || !isFullDate(issueDate)) {
    throw new ZzError('ERR_INPUT_INVALID', 'birthDate and issueDate must be full-dates YYYY-MM-DD');
  }
  if (issueDate < birthDate) throw new ZzError('ERR_INPUT_INVALID', 'issueDate precedes birthDate');
  const term = cardTermYears(ageOn(birthDate, issueDate));
  return term === 'long-term' ? LONG_TERM_EXPIRY_DATE : addYears(issueDate, term);
}

/**
 * `computeCardExpiry` on day numbers, without validation or `Date` objects, for the generator's
 * hot loop (a million cards). Same rules, same result.
 */
export function cardExpiryForDays(birthDay: number, issueDay: number): string {
  const [by, bm, bd] = civilFromDays(birthDay);
  const [iy, im, id] = civilFromDays(issueDay);
  const age = iy - by - (im < bm || (im === bm && id < bd) ? 1 : 0);
  const term = cardTermYears(age);
  return term === 'long-term' ? LONG_TERM_EXPIRY_DATE : addYears(formatDay(issueDay), term);
}
