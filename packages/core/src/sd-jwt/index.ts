// Public API of this area; re-exported from ../index.ts.
// SD-JWT (RFC 9901) and SD-JWT VC (draft-ietf-oauth-sd-jwt-vc).
export {
  DEFAULT_MAX_DISCLOSURES,
  DEFAULT_MAX_SD_JWT_LENGTH,
  type DecodedSdJwt,
  type DecodeSdJwtOptions,
  decodeSdJwt,
} from './decode-sd-jwt.js';
export { createSdJwtDisclosure, decodeSdJwtDisclosure, SD_JWT_SALT_BYTES, type SdJwtDisclosure } from './disclosure.js';
export { digestAlgorithmOfSdAlg, type SdAlg } from './hash-alg.js';
export {
  type IssueSdJwtVcOptions,
  issueSdJwtVc,
  SD_JWT_VC_LEGACY_TYP,
  SD_JWT_VC_TYP,
} from './issue-sd-jwt-vc.js';
export {
  type CreateKeyBindingJwtOptions,
  createKeyBindingJwt,
  DEFAULT_KB_MAX_AGE_SECONDS,
  KB_JWT_TYP,
  type VerifyKeyBindingJwtOptions,
  verifyKeyBindingJwt,
} from './key-binding.js';
export { type PresentSdJwtVcOptions, presentSdJwtVc, type SdJwtDisclosureSelection } from './present-sd-jwt-vc.js';
export {
  type ProcessedSdJwt,
  processSdJwtDisclosures,
  type SdJwtClaimPath,
  type SdJwtDisclosureUse,
} from './process-disclosures.js';
export { SD_JWT_VC_NEVER_DISCLOSABLE } from './sd-tree.js';
export { type VerifiedSdJwt, type VerifySdJwtOptions, verifySdJwt } from './verify-sd-jwt.js';
export { type VerifySdJwtVcOptions, verifySdJwtVc } from './verify-sd-jwt-vc.js';
