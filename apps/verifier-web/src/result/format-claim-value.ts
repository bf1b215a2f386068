import {
  type CredentialTypeDefinition,
  findElement,
  findEthnicityCode,
  getCredentialType,
  LONG_TERM_EXPIRY_DATE,
} from '@zhengzhao/core';
import { type Locale, translate } from '../i18n/messages.js';
import { formatDrivingPrivileges, formatVehicleClasses } from './format-driving-privileges.js';

/** The catalog type `typeId`, or undefined for a type this app does not know. */
function typeOf(typeId: string | undefined): CredentialTypeDefinition | undefined {
  if (typeId === undefined) return undefined;
  try {
    return getCredentialType(typeId);
  } catch {
    return undefined;
  }
}

/** The display name of element `id` of `typeId` from the catalog, or the id itself. */
export function elementLabel(typeId: string | undefined, id: string, locale: Locale): string {
  const type = typeOf(typeId);
  const element = type && findElement(type, id);
  return element ? element.display[locale] : id;
}

/** The display name of a credential type, or its id. */
export function credentialTypeLabel(typeId: string | undefined, locale: Locale): string {
  return typeOf(typeId)?.display[locale] ?? typeId ?? '—';
}

/**
 * A disclosed value as a clerk reads it on the card: sex codes (GB/T 2261.1) as 男/女, ethnicity
 * codes (GB/T 3304) as names, the long-term expiry sentinel as 长期, booleans as 是/否, mDL
 * driving privileges as "B（2020-05-10至2026-05-10）" and licence classes with their names. Bytes
 * (portraits) are not text and return undefined; they are shown as images.
 */
export function formatClaimValue(id: string, value: unknown, locale: Locale): string | undefined {
  if (value instanceof Uint8Array) return undefined;
  if (id === 'driving_privileges') {
    const text = formatDrivingPrivileges(value, locale);
    if (text !== undefined) return text;
  }
  if (id === 'vehicle_classes') {
    const text = formatVehicleClasses(value, locale);
    if (text !== undefined) return text;
  }
  if (id === 'sex' && (value === 1 || value === 2))
    return translate(locale, value === 1 ? 'value.male' : 'value.female');
  if (id === 'ethnicity' && typeof value === 'string') {
    const entry = findEthnicityCode(value);
    if (entry) return locale === 'zh-CN' ? entry.zhCN : entry.en;
  }
  if (id === 'expiry_date' && value === LONG_TERM_EXPIRY_DATE) return translate(locale, 'value.longTerm');
  if (typeof value === 'boolean') return translate(locale, value ? 'value.yes' : 'value.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? undefined : JSON.stringify(value);
}

/** The signed portrait bytes of a disclosure (full portrait first, else the QR thumbnail). */
export function portraitOf(claims: Readonly<Record<string, unknown>>): Uint8Array | undefined {
  for (const id of ['portrait', 'portrait_thumb']) {
    const value = claims[id];
    if (value instanceof Uint8Array && value.length > 0) return value;
  }
  return undefined;
}
