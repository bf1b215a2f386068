import { createContext, useContext, useMemo } from 'react';
import { type Locale, type MessageKey, translate } from './messages.js';

const LocaleContext = createContext<Locale>('zh-CN');

/** Provides the UI language to every component below it. */
export const LocaleProvider = LocaleContext.Provider;

export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
}

/** The current locale and a `t(key, params)` bound to it. */
export function useTranslator(): Translator {
  const locale = useContext(LocaleContext);
  return useMemo(() => ({ locale, t: (key, params) => translate(locale, key, params) }), [locale]);
}
