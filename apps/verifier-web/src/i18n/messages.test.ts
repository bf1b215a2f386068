import { describe, expect, it } from 'vitest';
import { formatMessage, LOCALES, MESSAGES, type MessageKey, translate } from './messages.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('message catalogue', () => {
  it('has every message in both languages, non-empty, with the same placeholders', () => {
    const keys = Object.keys(MESSAGES['zh-CN']) as MessageKey[];
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      for (const locale of LOCALES) expect(MESSAGES[locale][key].trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES['zh-CN'][key]));
    }
  });

  it('the Chinese catalogue is Chinese and the English one is not', () => {
    const han = /\p{Script=Han}/u;
    expect(han.test(MESSAGES['zh-CN']['verdict.pass'])).toBe(true);
    const englishWithHan = Object.entries(MESSAGES.en).filter(
      ([key, text]) => han.test(text) && key !== 'app.switchLanguage' && key !== 'app.switchLanguageLabel',
    );
    expect(englishWithHan).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('{a} and {b} and {a}', { a: 1, b: 'x' })).toBe('1 and x and 1');
    expect(formatMessage('{missing} stays', {})).toBe('{missing} stays');
    expect(formatMessage('{toString}', {})).toBe('{toString}');
    expect(translate('en', 'result.code', { code: 'ERR_STATUS_REVOKED' })).toBe('Error code ERR_STATUS_REVOKED');
    expect(translate('zh-CN', 'age.minutes', { n: 5 })).toBe('5分钟');
  });
});
