import { describe, expect, it } from 'vitest';
import { readPreferences } from './use-preferences.js';

const storage = (value: string | null) => ({ getItem: () => value });

describe('readPreferences', () => {
  it('defaults to zh-CN, normal text and the hotel preset', () => {
    expect(readPreferences(undefined)).toEqual({ locale: 'zh-CN', largeText: false, purpose: 'hotel' });
    expect(readPreferences(storage(null))).toEqual({ locale: 'zh-CN', largeText: false, purpose: 'hotel' });
  });

  it('reads what was saved', () => {
    const saved = JSON.stringify({ locale: 'en', largeText: true, purpose: 'internet_cafe' });
    expect(readPreferences(storage(saved))).toEqual({ locale: 'en', largeText: true, purpose: 'internet_cafe' });
  });

  it('ignores malformed or foreign values field by field', () => {
    expect(readPreferences(storage('{not json'))).toEqual({ locale: 'zh-CN', largeText: false, purpose: 'hotel' });
    expect(readPreferences(storage('[1,2]')).locale).toBe('zh-CN');
    expect(readPreferences(storage('"en"')).locale).toBe('zh-CN');
    const odd = JSON.stringify({ locale: 'fr', largeText: 'yes', purpose: 'casino' });
    expect(readPreferences(storage(odd))).toEqual({ locale: 'zh-CN', largeText: false, purpose: 'hotel' });
    expect(readPreferences(storage(JSON.stringify({ largeText: true }))).largeText).toBe(true);
  });

  it('survives a storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readPreferences(throwing).locale).toBe('zh-CN');
  });
});
