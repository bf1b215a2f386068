// Public API of the catalog area; re-exported from ../index.ts.
export { chinaDateOf } from './china-date.js';
export {
  type CitizenIdParts,
  computeCitizenIdCheckDigit,
  type ValidateCitizenIdOptions,
  validateCitizenId,
} from './citizen-id.js';
export { CREDENTIAL_CATALOG, findElement, getCredentialType } from './credential-catalog.js';
export { claimsFromJson, toMdocNameSpaces, toSdJwtClaims } from './credential-encodings.js';
export type {
  ClaimValue,
  CredentialTypeDefinition,
  ElementDefinition,
  ElementValueType,
  LocalizedText,
} from './credential-type.js';
export { type AgeClaims, ageOn, deriveAgeClaims } from './derive-age-claims.js';
export { ETHNICITY_CODES, type EthnicityCode, findEthnicityCode } from './ethnicity-codes.js';
export { findProvinceCode, PROVINCE_CODES, type ProvinceCode } from './province-codes.js';
export { getQrPurpose, QR_PURPOSES, type QrPurpose } from './qr-purposes.js';
export {
  LONG_TERM_EXPIRY_DATE,
  MAX_PORTRAIT_BYTES,
  MAX_PORTRAIT_THUMB_BYTES,
  RESIDENT_ID_TYPE,
  RESIDENT_ID_TYPE_ID,
} from './resident-id-type.js';
export { type ClaimsInput, type ValidatedClaims, validateClaims, validateElementValue } from './validate-claims.js';
