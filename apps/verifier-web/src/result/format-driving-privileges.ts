import {
  type DrivingPrivilege,
  findChinaVehicleClass,
  parseChinaVehicleClasses,
  validateDrivingPrivileges,
} from '@zhengzhao/core';
import type { Locale } from '../i18n/messages.js';

const WORDS = {
  'zh-CN': {
    none: '无',
    join: '；',
    codes: ' 代码 ',
    range: (a: string, b: string) => `（${a}至${b}）`,
    until: (b: string) => `（有效期至${b}）`,
    from: (a: string) => `（${a}起）`,
  },
  en: {
    none: 'None',
    join: '; ',
    codes: ' codes ',
    range: (a: string, b: string) => ` (${a} to ${b})`,
    until: (b: string) => ` (until ${b})`,
    from: (a: string) => ` (from ${a})`,
  },
} as const;

function privilegeText(p: DrivingPrivilege, locale: Locale): string {
  const w = WORDS[locale];
  const { issue_date: from, expiry_date: until } = p;
  const dates =
    from !== undefined && until !== undefined
      ? w.range(from, until)
      : until !== undefined
        ? w.until(until)
        : from !== undefined
          ? w.from(from)
          : '';
  const codes = p.codes?.map((c) => `${c.code}${c.sign ?? ''}${c.value ?? ''}`).join(',');
  return `${p.vehicle_category_code}${dates}${codes ? `${w.codes}${codes}` : ''}`;
}

/**
 * ISO/IEC 18013-5 §7.2.4 driving privileges as a clerk reads them: "B（2020-05-10至2026-05-10）；
 * BE 代码 78". Undefined when the value is not well-formed privileges (shown raw instead).
 */
export function formatDrivingPrivileges(value: unknown, locale: Locale): string | undefined {
  let privileges: readonly DrivingPrivilege[];
  try {
    privileges = validateDrivingPrivileges('driving_privileges', value);
  } catch {
    return undefined;
  }
  if (privileges.length === 0) return WORDS[locale].none;
  return privileges.map((p) => privilegeText(p, locale)).join(WORDS[locale].join);
}

/** Chinese licence classes with their names: "A2D（重型牵引挂车、普通三轮摩托车）". */
export function formatVehicleClasses(value: unknown, locale: Locale): string | undefined {
  const classes = typeof value === 'string' ? parseChinaVehicleClasses(value) : undefined;
  if (!classes) return undefined;
  const names = classes.map((code) => {
    const entry = findChinaVehicleClass(code);
    return locale === 'zh-CN' ? entry?.zhCN : entry?.en;
  });
  return locale === 'zh-CN' ? `${value}（${names.join('、')}）` : `${value} (${names.join(', ')})`;
}
