import { describe, expect, it } from 'vitest';
import { fullDate, isFullDate, readFullDate, TAG_FULL_DATE, Tag } from '../../src/cbor/tags.js';

describe('isFullDate (RFC 3339 full-date, a real Gregorian calendar day)', () => {
  it.each([
    '2026-06-01',
    '1900-01-01',
    '2000-02-29', // divisible by 400: leap
    '2024-02-29',
    '2026-12-31',
    '2026-04-30',
    '0001-01-01',
  ])('accepts %s', (date) => {
    expect(isFullDate(date)).toBe(true);
  });

  it.each([
    ['1900-02-29', 'a century not divisible by 400 is not leap'],
    ['2023-02-29', 'not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-01-32', 'day 32'],
    ['0000-01-01', 'year 0'],
    ['2026-1-01', 'short month'],
    ['2026-01-011', 'too long'],
    ['2026/01/01', 'wrong separator'],
    ['2026-0a-01', 'not a digit'],
    ['２０２６-01-01', 'full-width digits'],
    ['2026-01-01T00:00:00Z', 'a date-time'],
    ['', 'empty'],
  ])('refuses %s (%s)', (date) => {
    expect(isFullDate(date)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [20260601, null, undefined, new Date('2026-06-01'), new Tag('2026-06-01', TAG_FULL_DATE)]) {
      expect(isFullDate(value)).toBe(false);
    }
  });

  it('agrees with the Date calendar on every day of 1999–2001', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (let year = 1999; year <= 2001; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          expect(isFullDate(text)).toBe(date.getUTCMonth() === month - 1);
        }
      }
    }
  });

  it('fullDate tags a valid date with 1004 and refuses an invalid one; readFullDate reads both forms', () => {
    const tagged = fullDate('2024-02-29');
    expect(tagged.tag).toBe(TAG_FULL_DATE);
    expect(readFullDate(tagged)).toBe('2024-02-29');
    expect(readFullDate('2024-02-29')).toBe('2024-02-29');
    expect(readFullDate('2023-02-29')).toBeUndefined();
    expect(() => fullDate('2023-02-29')).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
  });
});
