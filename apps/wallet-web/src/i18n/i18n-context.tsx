import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Locale } from '../preferences/preferences.js';
import { en } from './en.js';
import type { Messages } from './messages.js';
import { zhCN } from './zh-cn.js';

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, en };

interface I18n {
  readonly locale: Locale;
  readonly t: Messages;
  /** A date (and time, when `withTime`) in the locale's format. */
  readonly formatDate: (date: Date, withTime?: boolean) => string;
}

const I18nContext = createContext<I18n>({
  locale: 'zh-CN',
  t: zhCN,
  formatDate: (date) => date.toISOString().slice(0, 10),
});

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      locale,
      t: CATALOGUES[locale],
      formatDate: (date, withTime = false) => (withTime ? dateTimeFormat : dateFormat).format(date),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current locale's messages and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
