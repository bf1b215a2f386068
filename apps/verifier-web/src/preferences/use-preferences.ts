import { useCallback, useEffect, useState } from 'react';
import { LOCALES, type Locale } from '../i18n/messages.js';
import { isPurposePresetId, type PurposePresetId } from '../purposes/purpose-presets.js';

/** What the clerk chose, kept on this device (no personal data). */
export interface Preferences {
  readonly locale: Locale;
  readonly largeText: boolean;
  readonly purpose: PurposePresetId;
}

const KEY = 'zz-counter-preferences';
const DEFAULTS: Preferences = { locale: 'zh-CN', largeText: false, purpose: 'hotel' };

/** Reads saved preferences, ignoring anything malformed (storage may be off or edited by hand). */
export function readPreferences(storage: Pick<Storage, 'getItem'> | undefined): Preferences {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULTS;
    const saved = raw as Record<string, unknown>;
    return {
      locale: LOCALES.includes(saved.locale as Locale) ? (saved.locale as Locale) : DEFAULTS.locale,
      largeText: typeof saved.largeText === 'boolean' ? saved.largeText : DEFAULTS.largeText,
      purpose: isPurposePresetId(saved.purpose) ? saved.purpose : DEFAULTS.purpose,
    };
  } catch {
    return DEFAULTS;
  }
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The preferences with a setter that saves them, and the document kept in step: `<html lang>`
 * follows the locale (screen readers pick their voice from it), and the `large-text` class
 * scales every rem-based size.
 */
export function usePreferences(): [Preferences, (change: Partial<Preferences>) => void] {
  const [preferences, setPreferences] = useState<Preferences>(() => readPreferences(browserStorage()));
  useEffect(() => {
    document.documentElement.lang = preferences.locale;
    document.documentElement.classList.toggle('large-text', preferences.largeText);
    try {
      browserStorage()?.setItem(KEY, JSON.stringify(preferences));
    } catch {
      // Private mode or full storage: the choice still holds for this session.
    }
  }, [preferences]);
  const update = useCallback((change: Partial<Preferences>) => setPreferences((old) => ({ ...old, ...change })), []);
  return [preferences, update];
}
