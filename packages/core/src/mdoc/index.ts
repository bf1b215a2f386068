// Public API of the mdoc area (ISO/IEC 18013-5); re-exported from ../index.ts.
export {
  type DecodeMdocOptions,
  decodeDeviceResponse,
  decodeIssuerSigned,
  MDOC_LIMITS,
  parseIssuerSigned,
} from './decode-device-response.js';
export { tag24Header, wrapTag24 } from './embedded-bytes.js';
export {
  deviceSignedValue,
  encodeDeviceResponse,
  encodeIssuerSigned,
  issuerSignedValue,
  mdocDocumentValue,
} from './encode-mdoc.js';
export type { MdocKeyAuthorizations } from './encode-mobile-security-object.js';
export { type IssueMdocOptions, issueMdoc, MDOC_MAX_ELEMENTS, MDOC_SALT_LENGTH } from './issue-mdoc.js';
export { claimValue as mdocClaimValue, mdocClaims } from './mdoc-claims.js';
export { parseMobileSecurityObject } from './parse-mobile-security-object.js';
export { createDeviceResponse, type PresentMdocOptions, presentMdoc } from './present-mdoc.js';
export {
  createOid4vpSessionTranscript,
  createQrHandoverSessionTranscript,
  deviceAuthenticationBytes,
  encodeSessionTranscriptBytes,
  type MdocSessionTranscript,
  type Oid4vpHandoverInput,
} from './session-transcript.js';
export type {
  MdocDeviceResponse,
  MdocDeviceSigned,
  MdocDocument,
  MdocIssuerSigned,
  MdocIssuerSignedItem,
  MdocValidityInfo,
  MobileSecurityObject,
} from './types.js';
export {
  type DeviceResponseVerification,
  type VerifyDeviceResponseOptions,
  verifyDeviceResponse,
  verifyMdocDocument,
} from './verify-device-response.js';
export { type VerifyIssuerSignedOptions, verifyIssuerSigned } from './verify-issuer-signed.js';
