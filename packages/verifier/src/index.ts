/**
 * @zhengzhao/verifier — the verifier SDK (Node and browser; no Node built-ins here): one
 * `createVerifier` for ZZ1 QR, SD-JWT VC and mdoc presentations with a trust bundle and status
 * list cache that has a freshness limit, cache stores, and the ISO 18013-5 proximity reader over
 * the WebSocket relay. Node file store: `@zhengzhao/verifier/node`; IndexedDB store:
 * `@zhengzhao/verifier/browser`.
 */
export {
  assertCacheRecordName,
  type CacheRecord,
  createMemoryCacheStore,
  isCacheRecordName,
  type JsonValue,
  type VerifierCacheStore,
} from './cache/verifier-cache-store.js';
export { createVerifier } from './create-verifier.js';
export { applyDelegation, type PresentedDocument } from './delegation/apply-delegation.js';
export { applyDelegationToPresentations } from './delegation/apply-delegation-to-presentations.js';
export { type DelegationSection, delegationSectionOf } from './delegation/delegation-section.js';
export { deviceKeyOfMdoc, deviceKeyOfMdocDocument, deviceKeyOfPresentation } from './delegation/device-key-of.js';
export {
  buildDeviceRequest,
  type ProximityDocRequest,
  type ReaderKey,
} from './proximity/build-device-request.js';
export {
  createProximityReader,
  DEFAULT_PROXIMITY_TIMEOUT_MS,
  type ProximityEngagement,
  type ProximityReader,
  type ProximityReaderOptions,
} from './proximity/create-proximity-reader.js';
export type {
  RelaySocket,
  RelaySocketEvent,
  WebSocketConstructor,
} from './proximity/relay-connection.js';
export { MAX_STATUS_LISTS } from './status/status-list-registry.js';
export { parseTrustBundle } from './trust-bundle/parse-trust-bundle.js';
export {
  MAX_TRUST_BUNDLE_BYTES,
  MAX_TRUST_BUNDLE_CERTIFICATES,
  MAX_TRUST_BUNDLE_ISSUERS,
  type TrustBundle,
  type TrustBundleIssuer,
  type TrustBundleName,
} from './trust-bundle/trust-bundle.js';
export { type BundleTrustSource, trustSourceFromBundle } from './trust-bundle/trust-source-from-bundle.js';
export { isNationalTrust, type NationalTrust } from './trust-list/national-trust.js';
export {
  type CachedStatusListState,
  type CacheState,
  DEFAULT_MAX_CACHE_AGE_SECONDS,
  type DeviceResponseResult,
  type RefreshOutcome,
  type RefreshOutcomeKind,
  type RefreshResult,
  type ReportCacheInfo,
  type Verifier,
  type VerifierOptions,
  type VerifierReport,
  type VerifyDeviceResponseOptions,
  type VerifyOptions,
} from './verifier-types.js';
