// Public API of the catalog area; re-exported from ../index.ts.
export { chinaDateOf } from './china-date.js';
export {
  CHINA_VEHICLE_CLASSES,
  type ChinaVehicleClass,
  findChinaVehicleClass,
  parseChinaVehicleClasses,
} from './china-vehicle-classes.js';
export {
  type CitizenIdParts,
  computeCitizenIdCheckDigit,
  type ValidateCitizenIdOptions,
  validateCitizenId,
} from './citizen-id.js';
export { CREDENTIAL_CATALOG, findElement, getCredentialType } from './credential-catalog.js';
export {
  claimsFromJson,
  claimToCbor,
  type SdJwtClaimValue,
  toMdocNameSpaces,
  toSdJwtClaims,
} from './credential-encodings.js';
export type {
  ClaimValue,
  CredentialTypeDefinition,
  DrivingPrivilege,
  DrivingPrivilegeCode,
  ElementDefinition,
  ElementValueType,
  LocalizedText,
} from './credential-type.js';
export {
  type CatalogElementOptions,
  CDDL_OF_VALUE_TYPE,
  catalogElement,
  defineElement,
  type ElementSpec,
  JSON_TYPE_OF_VALUE_TYPE,
  type PrivacyClass,
} from './define-element.js';
export { DEGREE_CERTIFICATE_TYPE, DEGREE_CERTIFICATE_TYPE_ID, DEGREE_LEVELS } from './degree-certificate-type.js';
export { type AgeClaims, ageOn, deriveAgeClaims } from './derive-age-claims.js';
export {
  drivingPrivilegesForChinaClasses,
  drivingPrivilegesToCbor,
  drivingPrivilegesToJson,
  ISO_VEHICLE_CATEGORIES,
  MAX_DRIVING_PRIVILEGES,
  MAX_PRIVILEGE_CODES,
  validateDrivingPrivileges,
} from './driving-privileges.js';
export { type ElementCheck, latin1Check } from './element-checks.js';
export { credentialNamespaces, elementNamespace } from './element-namespace.js';
export { ETHNICITY_CODES, type EthnicityCode, findEthnicityCode } from './ethnicity-codes.js';
export {
  HOUSEHOLD_KINDS,
  HOUSEHOLD_REGISTER_TYPE,
  HOUSEHOLD_REGISTER_TYPE_ID,
  MARITAL_STATUS_CODES,
} from './household-register-type.js';
export { MARRIAGE_CERTIFICATE_TYPE, MARRIAGE_CERTIFICATE_TYPE_ID } from './marriage-certificate-type.js';
export {
  CN_MDL_NAMESPACE,
  CN_UN_DISTINGUISHING_SIGN,
  MDL_NAMESPACE,
  MDL_TYPE,
  MDL_TYPE_ID,
} from './mdl-type.js';
export { findProvinceCode, PROVINCE_CODES, type ProvinceCode } from './province-codes.js';
export { getQrPurpose, QR_PURPOSES, type QrPurpose } from './qr-purposes.js';
export {
  CO_OWNERSHIP_KINDS,
  REAL_ESTATE_CERTIFICATE_TYPE,
  REAL_ESTATE_CERTIFICATE_TYPE_ID,
} from './real-estate-certificate-type.js';
export {
  LONG_TERM_EXPIRY_DATE,
  MAX_PORTRAIT_BYTES,
  MAX_PORTRAIT_THUMB_BYTES,
  RESIDENT_ID_TYPE,
  RESIDENT_ID_TYPE_ID,
} from './resident-id-type.js';
export { SOCIAL_SECURITY_CARD_TYPE, SOCIAL_SECURITY_CARD_TYPE_ID } from './social-security-card-type.js';
export { type ClaimsInput, type ValidatedClaims, validateClaims, validateElementValue } from './validate-claims.js';
