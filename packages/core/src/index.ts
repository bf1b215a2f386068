/**
 * @zhengzhao/core — isomorphic credential core. Pure TypeScript over Uint8Array: no Node
 * built-ins; crypto, randomness and compression come in through a `Platform`.
 */

// bytes
export { decodeBase64, decodeBase64url, encodeBase64, encodeBase64url } from './bytes/base64url.js';
export { asUint8Array, bytesEqual, concatBytes, fromHex, timingSafeEqual, toHex } from './bytes/bytes.js';
export { parseJson, utf8Decode, utf8Encode } from './bytes/utf8.js';
// caches
export { BoundedCache, bytesKey } from './cache/bounded-cache.js';
export * from './catalog/index.js';
// CBOR
export {
  DEFAULT_MAX_CBOR_BYTES,
  type DecodeCborOptions,
  decodeCbor,
  decodeEmbedded,
  type EmbeddedCbor,
} from './cbor/decode.js';
export { type CborValue, embedCbor, embedEncoded, encodeCbor } from './cbor/encode.js';
export { CborReader } from './cbor/shape.js';
export {
  fullDate,
  isFullDate,
  readFullDate,
  readTdate,
  TAG_DATE_TIME,
  TAG_ENCODED_CBOR,
  TAG_FULL_DATE,
  Tag,
  tdate,
} from './cbor/tags.js';
// COSE
export { COSE_HEADER, COSE_SIGN1_TAG } from './cose/headers.js';
export {
  bodyProtected,
  type CoseSign1,
  coseAlgOf,
  coseHeaders,
  coseKid,
  coseSign1Value,
  coseSuiteOf,
  coseX5Chain,
  decodeCoseSign1,
  encodeCoseSign1,
  parseCoseSign1,
  type SignCoseSign1Options,
  signCoseSign1,
  sigStructure1,
  type VerifyCoseSign1Options,
  verifyCoseSign1,
} from './cose/sign1.js';
// a guardian presenting a ward's credential
export * from './delegation/index.js';
// errors
export { ERROR_CATALOGUE, type ErrorCode, httpStatusOf } from './errors/catalogue.js';
export { isZzError, rethrowAs, ZzError } from './errors/zz-error.js';
export * from './issuance/index.js';
// JOSE
export {
  DEFAULT_MAX_JWS_LENGTH,
  type DecodedJws,
  decodeJwsCompact,
  type JsonObject,
  type JwsHeader,
  signJwsCompact,
  verifyJws,
} from './jose/jws-compact.js';
export { decodeX5c, encodeX5c, MAX_X5C_CERTIFICATES } from './jose/x5c.js';
// keys
export { COSE_KEY, COSE_KTY_EC2, coseKeyToPublicKey, publicKeyToCoseKey } from './keys/cose-key.js';
export { type EcPrivateJwk, type EcPublicJwk, jwkThumbprintInput, jwkToPublicKey, publicKeyToJwk } from './keys/jwk.js';
export { assertPublicKey, publicKeyFromCoordinates, publicKeyX, publicKeyY } from './keys/public-key.js';
export * from './mdoc/index.js';
export * from './oid4vci/index.js';
export * from './oid4vp/index.js';
// platform and crypto suites
export type {
  Awaitable,
  CryptoSuite,
  DigestAlgorithm,
  ExportableSigner,
  PublicKey,
  Signer,
  SuiteDescriptor,
  SuiteId,
} from './platform/crypto-suite.js';
export type { DeflateOptions, Platform } from './platform/platform.js';
export { isSuiteId, SUITE_IDS, SUITES, suiteByCoseAlg, suiteByJoseAlg } from './platform/suites.js';
export * from './qr/index.js';
export * from './sd-jwt/index.js';
export * from './session/index.js';
// the sharing service's wire contract
export {
  SHARE_AGENCY_CALL_TYP,
  SHARE_CONSENT_TYP,
  SHARE_HOLDER_CALL_TYP,
  type ShareConsentView,
  type ShareRequestView,
} from './share/share-api.js';
export * from './status-list/index.js';
export * from './transparency/index.js';
export { checkSignedBeforeRevocation } from './trust/check-signed-before-revocation.js';
// trust and status interfaces
export type {
  StatusReference,
  StatusResolver,
  TrustQuery,
  TrustResolution,
  TrustSource,
} from './trust/trust-source.js';
export * from './trust-list/index.js';
// verification reports
export { CheckRunner, type NamedCheckResult } from './verify/check-runner.js';
export {
  CHECK_IDS,
  type CheckId,
  type CheckOutcome,
  type CheckResult,
  type IssuerInfo,
  type PresentationFormat,
  ReportBuilder,
  type VerificationReport,
} from './verify/report.js';
export {
  detectPresentationFormat,
  type VerifyPresentationOptions,
  verifyPresentation,
} from './verify/verify-presentation.js';
export * from './x509/index.js';
