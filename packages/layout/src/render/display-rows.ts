import {
  type ClaimValue,
  type CredentialTypeDefinition,
  type ElementDefinition,
  findEthnicityCode,
  LONG_TERM_EXPIRY_DATE,
} from '@zhengzhao/core';

/** One printed line of the licence: the catalog's display name and the value as people read it. */
export interface DisplayRow {
  readonly id: string;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly value: string;
}

/**
 * The label/value rows of a layout document, in catalog order: every element present in
 * `claims` except byte strings (the portrait is drawn as an image) and elements the issuer derives
 * (age_over_NN, thumbnails), which are not printed on the licence itself. Codes are spelled out
 * (GB/T 2261.1 sex, GB/T 3304 ethnicity); the long-term expiry sentinel prints as 长期.
 */
export function displayRows(
  type: CredentialTypeDefinition,
  claims: Readonly<Record<string, ClaimValue>>,
): DisplayRow[] {
  const rows: DisplayRow[] = [];
  for (const element of type.elements) {
    const value = claims[element.id];
    if (value === undefined || element.valueType === 'bstr' || element.derived) continue;
    rows.push({ id: element.id, label: element.display, value: displayValue(element, value) });
  }
  return rows;
}

function displayValue(element: ElementDefinition, value: ClaimValue): string {
  if (element.id === 'sex' && (value === 1 || value === 2)) return value === 1 ? '男 Male' : '女 Female';
  if (element.id === 'ethnicity' && typeof value === 'string') {
    const entry = findEthnicityCode(value);
    if (entry) return `${entry.zhCN} ${entry.en}`;
  }
  if (element.valueType === 'full-date' && value === LONG_TERM_EXPIRY_DATE) return '长期 Long-term';
  if (typeof value === 'boolean') return value ? '是 Yes' : '否 No';
  return String(value);
}
