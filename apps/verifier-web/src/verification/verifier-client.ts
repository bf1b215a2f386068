/**
 * The one module of the counter app that talks to the verifier SDK (`@zhengzhao/verifier`):
 * everything else sees only the small types below, so the SDK can change behind them.
 *
 * - Trust: the SDK starts from a trust source that trusts nothing, and takes the trust bundle
 *   from its IndexedDB store (the last one downloaded, re-verified on load) or from
 *   `trustBundleUrl` on `refresh()`; a newer bundle always wins and an older one is refused.
 * - Status lists: downloaded whole on first use (never per credential), kept in the same store,
 *   refreshed by `refresh()` and in the background when their `ttl` runs out.
 * - Age: every report says how old the trust and status data behind it were; data older than
 *   `maxCacheAgeSeconds` makes the report not valid (`ERR_VERIFIER_CACHE_STALE`).
 */
import { createStaticTrustSource, type ErrorCode, isZzError, type VerificationReport } from '@zhengzhao/core';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { createVerifier, type RefreshResult, type Verifier, type VerifierReport } from '@zhengzhao/verifier';
import { createIndexedDbCacheStore } from '@zhengzhao/verifier/browser';

/** How old the data behind a result was. */
export interface CacheAges {
  readonly stale: boolean;
  readonly trustAgeSeconds?: number;
  readonly statusAgeSeconds?: number;
}

/** An issuer's display name from the trust bundle. */
export interface IssuerName {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A verification report as the app shows it. */
export type CounterReport = VerificationReport & {
  readonly cache: CacheAges;
  readonly issuerName?: IssuerName;
};

/** What one scan led to: a report, or input that is no presentation at all. */
export type CounterResult =
  | { readonly kind: 'report'; readonly report: CounterReport }
  | { readonly kind: 'unreadable'; readonly code: ErrorCode };

/** The state of the cached data, for the trust panel. */
export interface CacheSummary {
  /** Absent when no trust bundle has been obtained yet. */
  readonly trustAgeSeconds?: number;
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

export interface CounterVerifier {
  verify(text: string): Promise<CounterResult>;
  refresh(): Promise<RefreshSummary>;
  cacheState(): CacheSummary;
  /** Resolves when the stored trust bundle and status lists are loaded. */
  ready(): Promise<void>;
}

export interface CounterVerifierOptions {
  readonly trustBundleUrl: string;
  /** IndexedDB database name of the cache. */
  readonly storeName?: string;
  /** Trust or status data older than this stops verdicts being valid (default: the SDK's, one day). */
  readonly maxCacheAgeSeconds?: number;
  readonly clock?: () => Date;
}

const ages = (report: VerifierReport): CacheAges => ({
  stale: report.cache.stale,
  ...(report.cache.trustAgeSeconds !== undefined && { trustAgeSeconds: report.cache.trustAgeSeconds }),
  ...(report.cache.statusAgeSeconds !== undefined && { statusAgeSeconds: report.cache.statusAgeSeconds }),
});

function toCounterReport(report: VerifierReport): CounterReport {
  const { cache: _cache, trustedIssuer, ...core } = report;
  return { ...core, cache: ages(report), ...(trustedIssuer && { issuerName: trustedIssuer.name }) };
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
  const verifier: Verifier = createVerifier({
    platform,
    // Trusts nothing until a bundle is loaded from the store or downloaded.
    trust: createStaticTrustSource({ platform, roots: [] }),
    trustBundleUrl: options.trustBundleUrl,
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
        ...(statusAges.length > 0 && { statusAgeSeconds: Math.max(...statusAges) }),
        statusListCount: statusAges.length,
        stale: state.stale,
      };
    },
    ready: () => verifier.ready(),
  };
}
