import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, loadPreferences, savePreferences } from './preferences.js';

function memoryStorage(initial?: string) {
  let value = initial ?? null;
  return {
    getItem: () => value,
    setItem: (_key: string, next: string) => {
      value = next;
    },
  };
}

describe('preferences', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    savePreferences(storage, { locale: 'en', largeText: true });
    expect(loadPreferences(storage)).toEqual({ locale: 'en', largeText: true });
  });

  it('falls back to zh-CN, normal text for anything unreadable', () => {
    for (const raw of ['', 'not json', '[]', '{"locale":"fr","largeText":"yes"}', 'null']) {
      expect(loadPreferences(memoryStorage(raw))).toEqual(DEFAULT_PREFERENCES);
    }
    expect(loadPreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadPreferences(throwing)).toEqual(DEFAULT_PREFERENCES);
    expect(() => savePreferences(throwing, DEFAULT_PREFERENCES)).not.toThrow();
  });
});
