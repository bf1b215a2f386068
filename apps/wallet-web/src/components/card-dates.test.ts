import { describe, expect, it } from 'vitest';
import { ethnicityLabel, formatBirthDate, formatCardDate, maskIdNumber } from './card-dates.js';

describe('card text as printed on the ID card', () => {
  it('formats dates', () => {
    expect(formatBirthDate('1990-03-07', 'zh-CN')).toBe('1990 年 3 月 7 日');
    expect(formatBirthDate('1990-03-07', 'en')).toBe('1990-03-07');
    expect(formatBirthDate('not a date', 'zh-CN')).toBe('not a date');
    expect(formatCardDate('2020-01-31', '长期')).toBe('2020.01.31');
    expect(formatCardDate('9999-12-31', '长期')).toBe('长期');
  });

  it('names the ethnicity without 族 in Chinese, romanised in English', () => {
    expect(ethnicityLabel('01', undefined, 'zh-CN')).toBe('汉');
    expect(ethnicityLabel('01', undefined, 'en')).toBe('Han');
    expect(ethnicityLabel('99', '其他', 'zh-CN')).toBe('其他');
    expect(ethnicityLabel(undefined, undefined, 'zh-CN')).toBe('');
  });

  it('masks the birth date inside the ID number', () => {
    expect(maskIdNumber('44010619900307123X')).toBe('440106********123X');
    expect(maskIdNumber('short')).toBe('short');
  });
});
