import type { ElementDefinition, ElementValueType } from './credential-type.js';

/** What a catalog file writes for one element; `cbor`, `json` and `derived` are filled in. */
export type ElementSpec = Omit<ElementDefinition, 'cbor' | 'json' | 'derived'> & { readonly derived?: boolean };

/** CDDL of each value kind (ISO/IEC 18013-5 §7.2.1 and §7.2.4), for people. */
export const CDDL_OF_VALUE_TYPE: Readonly<Record<ElementValueType, string>> = {
  tstr: 'tstr',
  uint: 'uint',
  bool: 'bool',
  'full-date': 'full-date',
  bstr: 'bstr',
  'driving-privileges': 'DrivingPrivileges',
};

/** JSON type of each value kind in an SD-JWT VC, for people. */
export const JSON_TYPE_OF_VALUE_TYPE: Readonly<Record<ElementValueType, string>> = {
  tstr: 'string',
  uint: 'integer',
  bool: 'boolean',
  'full-date': 'string (YYYY-MM-DD)',
  bstr: 'string (base64url)',
  'driving-privileges': 'array of objects (vehicle_category_code, issue_date, expiry_date, codes)',
};

/** The element definition of a spec. */
export function defineElement(spec: ElementSpec): ElementDefinition {
  return {
    ...spec,
    cbor: CDDL_OF_VALUE_TYPE[spec.valueType],
    json: JSON_TYPE_OF_VALUE_TYPE[spec.valueType],
    derived: spec.derived ?? false,
  };
}

/**
 * Privacy class of an element: `administrative` says nothing about a person (issuing authority,
 * dates of the document); `personal` does; `sensitive` is sensitive personal information (PIPL
 * art. 28; GB/T 35273-2020 Annex B: identity numbers, biometrics, property, marriage history…).
 */
export type PrivacyClass = 'administrative' | 'personal' | 'sensitive';

export interface CatalogElementOptions {
  readonly maxLength?: number;
  readonly check?: ElementDefinition['check'];
  readonly namespace?: string;
  readonly derived?: boolean;
}

/** Shorthand for one element: id, kind, [zh-CN, en] display names, privacy class, options. */
export function catalogElement(
  id: string,
  valueType: ElementValueType,
  [zhCN, en]: readonly [string, string],
  privacy: PrivacyClass,
  options: CatalogElementOptions = {},
): ElementDefinition {
  return defineElement({
    id,
    valueType,
    display: { 'zh-CN': zhCN, en },
    personal: privacy !== 'administrative',
    sensitive: privacy === 'sensitive',
    ...options,
  });
}
