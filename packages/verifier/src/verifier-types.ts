import type {
  ErrorCode,
  MdocSessionTranscript,
  Platform,
  PublicKey,
  RegisteredRelyingParty,
  TrustSource,
  VerificationReport,
} from '@zhengzhao/core';
import type { VerifierCacheStore } from './cache/verifier-cache-store.js';
import type { DelegationSection } from './delegation/delegation-section.js';
import type { TrustBundle, TrustBundleName } from './trust-bundle/trust-bundle.js';
import type { NationalTrust } from './trust-list/national-trust.js';

/** Default `maxCacheAgeSeconds`: one day. */
export const DEFAULT_MAX_CACHE_AGE_SECONDS = 86_400;

export interface VerifierOptions {
  /** `createNodePlatform()` (`@zhengzhao/crypto-node`) or `createWebPlatform()` (`@zhengzhao/crypto-web`). */
  readonly platform: Platform;
  /**
   * The national root (`{ nationalRoot, trustListUrl?, trustList? }`: the signed trust list is
   * verified against it, downloaded by `refresh()`, persisted; its age counts from its
   * `issued_at` until a `refresh()` confirms it); or a trust bundle (checked with
   * `parseTrustBundle`, same age rule); or a ready TrustSource (its age is the caller's business
   * and is not reported).
   */
  readonly trust: NationalTrust | TrustBundle | TrustSource;
  /** Persistence of the trust bundle and status list tokens; default `createMemoryCacheStore()`. */
  readonly store?: VerifierCacheStore;
  /** Older trust or status data makes every report not valid (`ERR_VERIFIER_CACHE_STALE`). Default 86400. */
  readonly maxCacheAgeSeconds?: number;
  /** Default `() => new Date()`. */
  readonly clock?: () => Date;
  /** Used by `refresh()` and to download unknown status lists on demand; absent = offline only. */
  readonly fetch?: typeof fetch;
  /** Where `refresh()` downloads a new trust bundle (JSON); for a national trust list use `trust.trustListUrl`. */
  readonly trustBundleUrl?: string;
}

export interface VerifyOptions {
  /** mdoc DeviceResponse: the SessionTranscript this verifier computed (device binding). */
  readonly sessionTranscript?: MdocSessionTranscript;
  /** SD-JWT VC: expected KB-JWT `aud` and `nonce`. */
  readonly audience?: string;
  readonly nonce?: string;
  /** SD-JWT VC: false accepts a credential released without a Key Binding JWT (default true). */
  readonly requireKeyBinding?: boolean;
  /** Expected credential type (mdoc docType or SD-JWT `vct`). */
  readonly expectedType?: string;
  /** ZZ1 QR: how old the device proof may be (default 120 s). */
  readonly freshnessSeconds?: number;
}

export interface VerifyDeviceResponseOptions {
  /** The SessionTranscript this reader computed (ISO 18013-5 §9.1.5.1). */
  readonly sessionTranscript: MdocSessionTranscript;
  /** docTypes that were requested: a document of another type fails `doc_type` (`ERR_DOCTYPE_UNEXPECTED`). */
  readonly expectedTypes?: readonly string[];
}

export interface DeviceResponseResult {
  /** The DeviceResponse `status` (0 OK; 10, 11, 12 errors, ISO 18013-5 §8.3.2.1.2.3). */
  readonly status: number;
  /** One report per returned document, in order (empty when the holder returned none). */
  readonly reports: readonly VerifierReport[];
}

/** How old the data behind one report was. */
export interface ReportCacheInfo {
  /** True when trust or status data older than `maxCacheAgeSeconds` was used: the report is not valid. */
  readonly stale: boolean;
  /** Age of the trust bundle; absent when `trust` was a TrustSource. */
  readonly trustAgeSeconds?: number;
  /** Age of the oldest status list consulted; absent when none was. */
  readonly statusAgeSeconds?: number;
}

/**
 * A core VerificationReport plus the age of the cached data it rests on. When `cache.stale`,
 * `valid` is false, claims are withheld, and a failed `freshness` check with code
 * `ERR_VERIFIER_CACHE_STALE` is appended (the presentation itself may have passed every check).
 */
export type VerifierReport = VerificationReport & {
  readonly cache: ReportCacheInfo;
  /** The trust bundle issuer the credential chains to, with its display names. */
  readonly trustedIssuer?: { readonly id: string; readonly name: TrustBundleName };
  /** A ward's credential presented by a guardian with a delegation (docs/adr/0011). */
  readonly delegation?: DelegationSection;
};

export type RefreshOutcomeKind = 'updated' | 'not-modified' | 'failed' | 'skipped';

export interface RefreshOutcome {
  readonly outcome: RefreshOutcomeKind;
  /** Set when `outcome` is `failed` (or `skipped`, saying why). */
  readonly code?: ErrorCode;
}

export interface RefreshResult {
  /** `skipped` without `fetch` or a trust list / bundle URL. */
  readonly trust: RefreshOutcome;
  /** One entry per known status list URI. */
  readonly statusLists: readonly (RefreshOutcome & { readonly uri: string })[];
}

export interface CachedStatusListState {
  readonly uri: string;
  /** When the list was last downloaded or confirmed unchanged (ISO 8601). */
  readonly fetchedAt: string;
  /** The token's `exp` (ISO 8601), if any. */
  readonly expiresAt?: string;
}

export interface CacheState {
  /** When the trust list or bundle was issued or last confirmed by `refresh()` (ISO 8601); absent for a TrustSource. */
  readonly trustFetchedAt?: string;
  /** The national trust list held, when the verifier uses one. */
  readonly trustList?: { readonly sequence: number; readonly issuedAt: string; readonly expiresAt: string };
  readonly statusLists: readonly CachedStatusListState[];
  /** Age of the oldest piece of cached data, in whole seconds (0 when none). */
  readonly oldestAgeSeconds: number;
  /** True when some cached data is older than `maxCacheAgeSeconds`. */
  readonly stale: boolean;
}

export interface Verifier {
  /**
   * Verifies a ZZ1 QR text, an SD-JWT VC presentation, or an mdoc DeviceResponse / IssuerSigned
   * (bytes) with the cached trust and status data. Input of no known format throws its ZzError
   * (`ERR_FORMAT_UNKNOWN`, …); everything else ends in a report.
   */
  verify(input: string | Uint8Array, options?: VerifyOptions): Promise<VerifierReport>;
  /**
   * Verifies every document of an mdoc DeviceResponse (ISO 18013-5 §8.3.2.1.2.2) against the
   * given SessionTranscript; one report per document (the proximity reader uses this).
   */
  verifyDeviceResponse(response: Uint8Array, options: VerifyDeviceResponseOptions): Promise<DeviceResponseResult>;
  /** Re-downloads the trust bundle and every known status list (ETag aware) and persists them. */
  refresh(): Promise<RefreshResult>;
  /** What is cached and how old it is, at `clock()`. */
  cacheState(): CacheState;
  /** Resolves once records persisted in the store are loaded (every other method awaits it too). */
  ready(): Promise<void>;
  /**
   * What the national trust list says of a reader / access certificate (DER, leaf): its
   * registration with the list's profile — authoritative for what it may ask — or
   * `ERR_READER_NOT_REGISTERED` / `ERR_READER_DEREGISTERED`. Undefined when this verifier holds no
   * national trust list (a trust bundle or a TrustSource).
   */
  registeredReader(certificate: Uint8Array): Promise<RegisteredRelyingParty | undefined>;
  /**
   * Authenticates a relying party by its reader / access certificate chain (DER, leaf first):
   * the chain is validated to the national root (`ERR_TRUST_*`), then the trust list's
   * registration is read as {@link registeredReader} does. Returns the party and the leaf's
   * public key, to verify what the party signed. Undefined without a national trust list.
   */
  /**
   * The trust this verifier decides with now (the held national list's issuers, the trust bundle,
   * or the given TrustSource), for checks the SDK does not run itself — the signer of a signed
   * layout document (`@zhengzhao/layout`), for one.
   */
  trustSource(): Promise<TrustSource>;
  authenticateRelyingParty(
    chain: readonly Uint8Array[],
  ): Promise<{ readonly party: RegisteredRelyingParty; readonly publicKey: PublicKey } | undefined>;
}
