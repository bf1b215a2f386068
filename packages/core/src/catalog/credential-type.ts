/**
 * Shapes of the credential catalog (DESIGN.md M8): one definition per credential type, listing
 * its data elements with their CBOR and JSON types, display names and privacy class.
 */

/**
 * Value kinds an element can have; `full-date` is "YYYY-MM-DD" (CBOR `#6.1004(tstr)`, RFC 8943);
 * `driving-privileges` is the ISO/IEC 18013-5 §7.2.4 array of maps (see driving-privileges.ts).
 */
export type ElementValueType = 'tstr' | 'uint' | 'bool' | 'full-date' | 'bstr' | 'driving-privileges';

/** One restriction or condition of a driving privilege (ISO/IEC 18013-5 §7.2.4 `Code`). */
export interface DrivingPrivilegeCode {
  readonly code: string;
  readonly sign?: string;
  readonly value?: string;
}

/** One vehicle category the holder may drive (ISO/IEC 18013-5 §7.2.4 `DrivingPrivilege`). */
export interface DrivingPrivilege {
  /** ISO/IEC 18013-1 Annex B category: AM, A1, A2, A, B1, B, BE, C1, C1E, C, CE, D1, D1E, D, DE. */
  readonly vehicle_category_code: string;
  /** full-dates "YYYY-MM-DD" (CBOR `#6.1004(tstr)` inside the mdoc). */
  readonly issue_date?: string;
  readonly expiry_date?: string;
  readonly codes?: readonly DrivingPrivilegeCode[];
}

/**
 * A claim value after validation: text, integer, boolean or bytes (full-dates as "YYYY-MM-DD"),
 * or, for `driving-privileges`, a frozen array of privileges.
 */
export type ClaimValue = string | number | boolean | Uint8Array | readonly DrivingPrivilege[];

export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

export interface ElementDefinition {
  /**
   * Element identifier, as in mdoc `elementIdentifier` and the SD-JWT VC claim name. Unique
   * within its type even across namespaces: claims of one credential are one flat record.
   */
  readonly id: string;
  /** The mdoc namespace of this element when not the type's own (see `elementNamespace`). */
  readonly namespace?: string;
  readonly valueType: ElementValueType;
  /** CDDL of the mdoc / CWT value, for people. */
  readonly cbor: string;
  /** JSON type of the SD-JWT VC claim, for people. */
  readonly json: string;
  readonly display: LocalizedText;
  /** Says something about the person (data minimisation applies). */
  readonly personal: boolean;
  /** Sensitive personal information (PIPL art. 28, GB/T 35273): ID number, ethnicity, face. */
  readonly sensitive: boolean;
  /** Not on the physical card: computed by the issuer (age_over_NN, portrait thumbnail). */
  readonly derived: boolean;
  /** Maximum length: code points for text, bytes for byte strings. */
  readonly maxLength?: number;
  /** Extra rule on a value of the right kind: returns what is wrong (never the value) or undefined. */
  readonly check?: (value: ClaimValue) => string | undefined;
}

export interface CredentialTypeDefinition {
  /** Credential type: mdoc docType and SD-JWT VC vct. */
  readonly typeId: string;
  /** The mdoc namespace its elements live in, unless an element names another. */
  readonly namespace: string;
  readonly display: LocalizedText;
  readonly elements: readonly ElementDefinition[];
}
