/**
 * The counter app's entry to the verifier SDK (`@zhengzhao/verifier`), which only the modules of
 * this folder use: everything else sees only the small types below, so the SDK can change
 * behind them.
 *
 * - Trust: normally the national root from trust.json (trust-config.ts): the SDK verifies the
 *   signed national trust list from its IndexedDB store (the last one downloaded, re-verified on
 *   load) or from the list URL on `refresh()`; an older list is refused and a bad download leaves
 *   the held list in use. Older deployments give a trust bundle instead (same rules by `issued_at`).
 * - Status lists: downloaded whole on first use (never per credential), kept in the same store,
 *   refreshed by `refresh()` and in the background when their `ttl` runs out.
 * - Age: every report says how old the trust and status data behind it were; data older than
 *   `maxCacheAgeSeconds` makes the report not valid (`ERR_VERIFIER_CACHE_STALE`).
 * - Proximity: `requestProximity` runs an ISO/IEC 18013-5 session over the relay named by a
 *   holder's `mdoc:` engagement (run-proximity-request.ts), verified with the same cache.
 */
import { createStaticTrustSource, type ErrorCode, isZzError } from '@zhengzhao/core';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { createVerifier, type RefreshResult, type Verifier } from '@zhengzhao/verifier';
import { createIndexedDbCacheStore } from '@zhengzhao/verifier/browser';
import { type CounterReport, toCounterReport } from './counter-report.js';
import type { ReaderIdentity } from './import-reader-key.js';
import {
  type ProximityPhase,
  type ProximityRequestSpec,
  type ProximityRun,
  runProximityRequest,
} from './run-proximity-request.js';
import type { CounterTrust } from './trust-config.js';

export type { CacheAges, CounterReport, IssuerName } from './counter-report.js';
export type { ProximityPhase, ProximityRequestSpec, ProximityResult, ProximityRun } from './run-proximity-request.js';
export type { CounterTrust } from './trust-config.js';

/** What one scan led to: a report, or input that is no presentation at all. */
export type CounterResult =
  | { readonly kind: 'report'; readonly report: CounterReport }
  | { readonly kind: 'unreadable'; readonly code: ErrorCode };

/** The state of the cached data, for the trust panel. */
export interface CacheSummary {
  /** Absent when no trust list or bundle has been obtained yet. */
  readonly trustAgeSeconds?: number;
  /** The national trust list held: its sequence number and when it expires (ISO 8601). */
  readonly trustList?: { readonly sequence: number; readonly expiresAt: string };
  /** Age of the oldest held status list; absent when none is held. */
  readonly statusAgeSeconds?: number;
  readonly statusListCount: number;
  readonly stale: boolean;
}

export interface RefreshSummary {
  readonly ok: boolean;
  /** The first failure's code. */
  readonly code?: ErrorCode;
}

/** Options of one proximity session. */
export interface ProximityRequestOptions {
  /** The reader identity from reader.json: the request is signed; absent = unsigned. */
  readonly reader?: ReaderIdentity;
  readonly onPhase?: (phase: ProximityPhase) => void;
}

export interface CounterVerifier {
  verify(text: string): Promise<CounterResult>;
  /**
   * Runs a proximity session for a scanned `mdoc:` engagement QR: asks the holder's phone for
   * `spec` over the relay it names and verifies the answer with the same trust and status data.
   */
  requestProximity(engagementQr: string, spec: ProximityRequestSpec, options?: ProximityRequestOptions): ProximityRun;
  refresh(): Promise<RefreshSummary>;
  cacheState(): CacheSummary;
  /** Resolves when the stored trust bundle and status lists are loaded. */
  ready(): Promise<void>;
}

export interface CounterVerifierOptions {
  readonly trust: CounterTrust;
  /** IndexedDB database name of the cache. */
  readonly storeName?: string;
  /** Trust or status data older than this stops verdicts being valid (default: the SDK's, one day). */
  readonly maxCacheAgeSeconds?: number;
  readonly clock?: () => Date;
}

function summariseRefresh(result: RefreshResult): RefreshSummary {
  const failures = [result.trust, ...result.statusLists].filter((entry) => entry.outcome === 'failed');
  const code = failures[0]?.code;
  return failures.length === 0 ? { ok: true } : { ok: false, ...(code && { code }) };
}

const secondsSince = (now: number, iso: string): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));

/** Creates the app's verifier on WebCrypto with an IndexedDB cache. */
export function createCounterVerifier(options: CounterVerifierOptions): CounterVerifier {
  const platform = createWebPlatform();
  const clock = options.clock ?? (() => new Date());
  const { trust } = options;
  const verifier: Verifier = createVerifier({
    platform,
    ...(trust.kind === 'national'
      ? { trust: { nationalRoot: trust.nationalRoot, trustListUrl: trust.trustListUrl } }
      : // Trusts nothing until a bundle is loaded from the store or downloaded.
        { trust: createStaticTrustSource({ platform, roots: [] }), trustBundleUrl: trust.url }),
    store: createIndexedDbCacheStore(options.storeName ?? 'zz-counter-cache'),
    // `fetch` called through an object would lose its `this` (Illegal invocation): wrap it.
    fetch: (input, init) => globalThis.fetch(input, init),
    clock,
    ...(options.maxCacheAgeSeconds !== undefined && { maxCacheAgeSeconds: options.maxCacheAgeSeconds }),
  });

  return {
    async verify(text) {
      try {
        return { kind: 'report', report: toCounterReport(await verifier.verify(text)) };
      } catch (error) {
        if (isZzError(error)) return { kind: 'unreadable', code: error.code };
        throw error;
      }
    },
    async refresh() {
      try {
        return summariseRefresh(await verifier.refresh());
      } catch (error) {
        if (isZzError(error)) return { ok: false, code: error.code };
        throw error;
      }
    },
    cacheState() {
      const state = verifier.cacheState();
      const now = clock().getTime();
      const statusAges = state.statusLists.map((list) => secondsSince(now, list.fetchedAt));
      return {
        ...(state.trustFetchedAt !== undefined && { trustAgeSeconds: secondsSince(now, state.trustFetchedAt) }),
        ...(state.trustList && {
          trustList: { sequence: state.trustList.sequence, expiresAt: state.trustList.expiresAt },
        }),
        ...(statusAges.length > 0 && { statusAgeSeconds: Math.max(...statusAges) }),
        statusListCount: statusAges.length,
        stale: state.stale,
      };
    },
    requestProximity(engagementQr, spec, proximityOptions = {}) {
      return runProximityRequest(engagementQr, spec, {
        platform,
        verifier,
        ...(proximityOptions.reader && { readerKey: proximityOptions.reader.readerKey }),
        ...(proximityOptions.onPhase && { onPhase: proximityOptions.onPhase }),
      });
    },
    ready: () => verifier.ready(),
  };
}
