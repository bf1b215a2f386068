import { findEthnicityCode, LONG_TERM_EXPIRY_DATE } from '@zhengzhao/core';
import type { Locale } from '../preferences/preferences.js';

/** "1990-03-07" → "1990 年 3 月 7 日" (as printed on the card) or "1990-03-07" in English. */
export function formatBirthDate(date: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || locale !== 'zh-CN') return date;
  return `${match[1]} 年 ${Number(match[2])} 月 ${Number(match[3])} 日`;
}

/** "2020-01-01" → "2020.01.01"; the long-term sentinel → 长期 / Long-term. */
export function formatCardDate(date: string, longTerm: string): string {
  if (date === LONG_TERM_EXPIRY_DATE) return longTerm;
  return date.replaceAll('-', '.');
}

/** The ethnicity as the card prints it: 汉 (zh-CN, without 族) or Han (en). */
export function ethnicityLabel(code: string | undefined, fallbackName: string | undefined, locale: Locale): string {
  const known = code ? findEthnicityCode(code) : undefined;
  if (!known) return fallbackName ?? code ?? '';
  return locale === 'zh-CN' ? known.zhCN.replace(/族$/, '') : known.en;
}

/** 440106199003071234 → 440106********1234: the birth date hidden until the holder asks. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return idNumber;
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
