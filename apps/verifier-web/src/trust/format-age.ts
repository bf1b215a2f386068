import type { Locale } from '../i18n/messages.js';
import { translate } from '../i18n/messages.js';

/** An age in the largest whole unit that fits: 45 秒, 12 分钟, 3 小时, 2 天. */
export function formatAge(seconds: number, locale: Locale): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return translate(locale, 'age.seconds', { n: s });
  if (s < 3600) return translate(locale, 'age.minutes', { n: Math.floor(s / 60) });
  if (s < 86_400) return translate(locale, 'age.hours', { n: Math.floor(s / 3600) });
  return translate(locale, 'age.days', { n: Math.floor(s / 86_400) });
}

/** "updated 5 min ago" / "not downloaded yet". */
export function describeAge(seconds: number | undefined, locale: Locale): string {
  return seconds === undefined
    ? translate(locale, 'cache.never')
    : translate(locale, 'cache.age', { age: formatAge(seconds, locale) });
}
