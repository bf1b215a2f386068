import { isFullDate } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { chinaDateOf } from './china-date.js';

/** The derived age attestations of the resident ID (ISO 18013-5 §7.2.5 `age_over_NN`). */
export interface AgeClaims {
  readonly age_over_16: boolean;
  readonly age_over_18: boolean;
  readonly age_over_60: boolean;
}

/** Whole years between `birthDate` and the calendar day `today` (both "YYYY-MM-DD"). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const beforeBirthday = tm < bm || (tm === bm && td < bd);
  return ty - by - (beforeBirthday ? 1 : 0);
}

/**
 * Computes `age_over_16/18/60` for a birth date at the instant `now`, on the China Standard
 * Time calendar: a person is N on their N-th birthday; someone born on 29 February becomes N on
 * 1 March in common years.
 */
export function deriveAgeClaims(birthDate: string, now: Date): AgeClaims {
  if (!isFullDate(birthDate)) throw new ZzError('ERR_INPUT_INVALID', 'birthDate must be a full-date YYYY-MM-DD');
  const today = chinaDateOf(now);
  if (birthDate > today) throw new ZzError('ERR_INPUT_INVALID', 'birthDate is in the future');
  const age = ageOn(birthDate, today);
  return { age_over_16: age >= 16, age_over_18: age >= 18, age_over_60: age >= 60 };
}
