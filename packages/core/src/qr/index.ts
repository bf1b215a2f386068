// Public API of the offline QR area; re-exported from ../index.ts.
export { BASE45_ALPHABET, decodeBase45, encodeBase45 } from './base45.js';
export { coseKeyToPublicKeyCompressed, decompressPoint, publicKeyToCompressedCoseKey } from './compressed-cose-key.js';
export { computeQrKid } from './compute-qr-kid.js';
export { type DecodedQr, decodeQr } from './decode-qr.js';
export { type IssueQrCredentialOptions, issueQrCredential } from './issue-qr-credential.js';
export { type ParsedQrCredential, parseQrCredential, type QrCredentialClaims } from './parse-qr-credential.js';
export { type PresentQrOptions, presentQr } from './present-qr.js';
export {
  CNF_COSE_KEY,
  CWT_CLAIM,
  DEVICE_PROOF_CLAIM,
  QR_DEFAULT_FRESHNESS_SECONDS,
  QR_DEFAULT_FUTURE_SKEW_SECONDS,
  QR_KID_LENGTH,
  QR_MAX_INFLATED_BYTES,
  QR_MAX_TEXT_LENGTH,
  ZZ_CLAIM,
  ZZ1_PREFIX,
  ZZ1_VERSION,
} from './qr-constants.js';
export { type VerifyQrOptions, verifyQr } from './verify-qr.js';
