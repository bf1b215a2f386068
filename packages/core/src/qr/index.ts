// Public API of the offline QR area; re-exported from ../index.ts.
// The paper purpose sets live in the catalog beside QR_PURPOSES; exported here with the paper API.
export { getPaperQrPurpose, PAPER_QR_PURPOSES } from '../catalog/qr-purposes.js';
export { BASE45_ALPHABET, decodeBase45, encodeBase45 } from './base45.js';
export { coseKeyToPublicKeyCompressed, decompressPoint, publicKeyToCompressedCoseKey } from './compressed-cose-key.js';
export { computeQrKid } from './compute-qr-kid.js';
export { type DecodedPaperQr, decodePaperQr } from './decode-paper-qr.js';
export { type DecodedQr, decodeQr } from './decode-qr.js';
export { encodePaperQr } from './encode-paper-qr.js';
export { type IssuePaperCredentialOptions, issuePaperCredential } from './issue-paper-credential.js';
export { type IssueQrCredentialOptions, issueQrCredential } from './issue-qr-credential.js';
export { PAPER_MAX_LIFETIME_SECONDS, PAPER_QR_MAX_TEXT_LENGTH } from './paper-constants.js';
export {
  type PaperCredentialClaims,
  type ParsedPaperCredential,
  parsePaperCredential,
} from './parse-paper-credential.js';
export {
  type CompactCredentialClaims,
  type ParsedCompactCredential,
  type ParsedQrCredential,
  parseCompactCredential,
  parseQrCredential,
  type QrCredentialClaims,
} from './parse-qr-credential.js';
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
export { PAPER_DEVICE_BINDING_REASON, PAPER_FRESHNESS_REASON } from './verify-paper-presentation.js';
export { type VerifyQrOptions, verifyQr } from './verify-qr.js';
