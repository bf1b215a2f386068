import type {
  MdocSessionTranscript,
  Oid4vpAuthorizationRequest,
  Oid4vpVpToken,
  Platform,
  TrustSource,
} from '@zhengzhao/core';
import { verifyVpTokenWith } from '@zhengzhao/core';
import {
  type CacheState,
  createVerifier,
  type NationalTrust,
  type RefreshResult,
  type TrustBundle,
  type VerifierCacheStore,
  type VerifierReport,
} from '@zhengzhao/verifier';

/**
 * The one place the service verifies credentials: the verifier SDK (`@zhengzhao/verifier`,
 * `createVerifier`) with its trust bundle and status list cache. Reports carry the SDK's
 * `cache` ages; data older than `maxCacheAgeSeconds` makes a report invalid
 * (`ERR_VERIFIER_CACHE_STALE`).
 */

/** A report with the age of the trust and status data it rests on (the SDK's `VerifierReport`). */
export type EngineReport = VerifierReport;

export interface EngineVerifyOptions {
  /** mdoc DeviceResponse: the SessionTranscript the device signed over. */
  readonly sessionTranscript?: MdocSessionTranscript;
  /** SD-JWT VC: the expected KB-JWT `aud` and `nonce`. */
  readonly audience?: string;
  readonly nonce?: string;
  /** mdoc docType or SD-JWT `vct` the caller expects. */
  readonly expectedType?: string;
}

export interface VerificationEngine {
  /** Verifies one presentation (`ZZ1:` text, SD-JWT VC, or CBOR DeviceResponse / IssuerSigned). */
  verify(input: string | Uint8Array, options: EngineVerifyOptions): Promise<EngineReport>;
  /** Verifies an OpenID4VP vp_token against the verifier's own request (OpenID4VP 1.0 §8.6). */
  verifyVpToken(vpToken: Oid4vpVpToken, request: Oid4vpAuthorizationRequest): Promise<Record<string, EngineReport[]>>;
  /** Downloads the trust bundle (when `trustBundleUrl` is set) and every known status list again. */
  refresh(): Promise<RefreshResult>;
  /** What is cached and how old it is. */
  cacheState(): CacheState;
  /** Resolves once the persisted cache is loaded; rejects when the store fails. */
  ready(): Promise<void>;
  /** The trust the engine decides with now (to check the signer of a layout document). */
  trustSource(): Promise<TrustSource>;
}

export interface VerificationEngineOptions {
  readonly platform: Platform;
  readonly clock: () => Date;
  /** A trust bundle (national trust list) or a ready TrustSource of issuing authorities. */
  readonly trust: NationalTrust | TrustBundle | TrustSource;
  /** Persistence of the trust bundle and status lists (default in memory). */
  readonly store?: VerifierCacheStore;
  /** Downloads status lists (on demand and on `refresh()`) and the trust bundle; absent = offline. */
  readonly fetch?: typeof fetch;
  readonly trustBundleUrl?: string;
  /** Older trust or status data makes a report invalid (default one day). */
  readonly maxCacheAgeSeconds?: number;
  /** ZZ1 QR freshness window (default 120 s). */
  readonly freshnessSeconds?: number;
}

/** Creates the engine on the verifier SDK. */
export function createVerificationEngine(options: VerificationEngineOptions): VerificationEngine {
  const verifier = createVerifier({
    platform: options.platform,
    trust: options.trust,
    clock: options.clock,
    ...(options.store && { store: options.store }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.trustBundleUrl !== undefined && { trustBundleUrl: options.trustBundleUrl }),
    ...(options.maxCacheAgeSeconds !== undefined && { maxCacheAgeSeconds: options.maxCacheAgeSeconds }),
  });
  const freshness = options.freshnessSeconds === undefined ? {} : { freshnessSeconds: options.freshnessSeconds };
  return {
    verify: (input, verifyOptions) => verifier.verify(input, { ...verifyOptions, ...freshness }),
    verifyVpToken: (vpToken, request) =>
      verifyVpTokenWith(
        options.platform,
        vpToken,
        request,
        (input, expectations) => verifier.verify(input, expectations),
        // refused before any trust or status data was consulted: nothing stale to report
        (report) => ({ ...report, cache: { stale: false } }),
      ),
    refresh: () => verifier.refresh(),
    cacheState: () => verifier.cacheState(),
    ready: () => verifier.ready(),
    trustSource: () => verifier.trustSource(),
  };
}
