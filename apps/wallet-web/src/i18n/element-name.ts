import { findElement, getCredentialType } from '@zhengzhao/core';
import type { Locale } from '../preferences/preferences.js';

/**
 * The display name of a credential element (姓名, 住址, …) from the core catalog, in `locale`;
 * the identifier itself when the type or element is not in the catalog.
 */
export function elementName(typeId: string, elementId: string, locale: Locale): string {
  try {
    const element = findElement(getCredentialType(typeId), elementId);
    return element?.display[locale] ?? element?.display['zh-CN'] ?? elementId;
  } catch {
    return elementId;
  }
}

/** The display name of a credential type (居民身份证), or its identifier. */
export function typeName(typeId: string, locale: Locale, names?: Readonly<Record<string, string>>): string {
  const fromWallet = names?.[locale];
  if (fromWallet) return fromWallet;
  try {
    const type = getCredentialType(typeId);
    return type.display[locale] ?? type.display['zh-CN'] ?? typeId;
  } catch {
    return typeId;
  }
}
