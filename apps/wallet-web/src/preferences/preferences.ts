/** The holder's display preferences, kept in localStorage (not personal data, not secret). */
export type Locale = 'zh-CN' | 'en';

export interface Preferences {
  readonly locale: Locale;
  readonly largeText: boolean;
}

const KEY = 'zz-wallet-preferences';

export const DEFAULT_PREFERENCES: Preferences = { locale: 'zh-CN', largeText: false };

/** Reads the saved preferences; anything unreadable falls back to the defaults. */
export function loadPreferences(storage: Pick<Storage, 'getItem'> | undefined): Preferences {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return DEFAULT_PREFERENCES;
    const value = JSON.parse(raw) as { locale?: unknown; largeText?: unknown };
    return {
      locale: value.locale === 'en' ? 'en' : 'zh-CN',
      largeText: value.largeText === true,
    };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function savePreferences(storage: Pick<Storage, 'setItem'> | undefined, preferences: Preferences): void {
  try {
    storage?.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // private mode or full storage: the choice lasts for this visit only
  }
}
