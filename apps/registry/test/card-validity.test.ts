import { isZzError, LONG_TERM_EXPIRY_DATE } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { cardExpiryForDays } from '../src/card-validity.js';
import { parseDay } from '../src/civil-date.js';
import { cardTermYears, computeCardExpiry, issuingAuthorityOf } from '../src/index.js';

describe('card term by age (居民身份证法 第五条)', () => {
  it.each([
    [0, 5],
    [15, 5],
    [16, 10],
    [25, 10],
    [26, 20],
    [45, 20],
    [46, 'long-term'],
    [90, 'long-term'],
  ] as const)('age %i → %s', (age, term) => {
    expect(cardTermYears(age)).toBe(term);
  });

  it('computes expiry on the issue day N years later, by age on the issue day', () => {
    expect(computeCardExpiry('2010-06-15', '2026-06-14')).toBe('2031-06-14'); // 15 the day before the birthday
    expect(computeCardExpiry('2010-06-15', '2026-06-15')).toBe('2036-06-15'); // 16 on the birthday
    expect(computeCardExpiry('2000-01-01', '2025-12-31')).toBe('2035-12-31');
    expect(computeCardExpiry('2000-01-01', '2026-01-01')).toBe('2046-01-01');
    expect(computeCardExpiry('1980-01-01', '2026-01-01')).toBe(LONG_TERM_EXPIRY_DATE);
    expect(computeCardExpiry('1990-03-01', '2016-02-29')).toBe('2026-02-28'); // 25: 10 years, no 29 Feb in 2026
    expect(computeCardExpiry('1989-03-01', '2016-02-29')).toBe('2036-02-29'); // 26: 20 years, leap again
    expect(computeCardExpiry('2000-03-01', '2020-02-29')).toBe('2030-02-28');
  });

  it('the fast path agrees with the checked one', () => {
    for (const [birth, issue] of [
      ['2010-06-15', '2026-06-14'],
      ['1970-02-28', '2016-02-28'],
      ['2000-03-01', '2020-02-29'],
      ['1944-12-31', '1990-12-30'],
    ] as const) {
      expect(cardExpiryForDays(parseDay(birth), parseDay(issue))).toBe(computeCardExpiry(birth, issue));
    }
  });

  it('refuses bad dates', () => {
    for (const [birth, issue] of [
      ['2010-02-30', '2026-01-01'],
      ['2026-01-02', '2026-01-01'],
      ['x', 'y'],
    ]) {
      try {
        computeCardExpiry(birth as string, issue as string);
        expect.unreachable();
      } catch (error) {
        expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
      }
    }
  });

  it('names the issuing authority like real cards', () => {
    expect(issuingAuthorityOf({ city: '广州市', district: '天河区' })).toBe('广州市公安局天河分局');
    expect(issuingAuthorityOf({ city: '北京市', district: '海淀区' })).toBe('北京市公安局海淀分局');
    expect(issuingAuthorityOf({ city: '上海市', district: '浦东新区' })).toBe('上海市公安局浦东分局');
    expect(issuingAuthorityOf({ city: '金华市', district: '义乌市' })).toBe('义乌市公安局');
  });
});
