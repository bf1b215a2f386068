import {
  decodeDeviceResponse,
  isZzError,
  MAX_TRUST_LIST_BYTES,
  type StatusResolver,
  TRUST_LIST_COSE_MEDIA_TYPE,
  TRUST_LIST_JWS_MEDIA_TYPE,
  verifyMdocDocument,
  verifyPresentation,
  ZzError,
} from '@zhengzhao/core';
import { ageSeconds, annotateReport } from './annotate-report.js';
import { fetchBounded } from './cache/fetch-bounded.js';
import { createMemoryCacheStore } from './cache/verifier-cache-store.js';
import { applyDelegation, type PresentedDocument } from './delegation/apply-delegation.js';
import { deviceKeyOfMdocDocument } from './delegation/device-key-of.js';
import {
  codeOf,
  type StatusListRegistry as Registry,
  StatusListRegistry,
  type StatusUse,
} from './status/status-list-registry.js';
import { parseTrustBundle } from './trust-bundle/parse-trust-bundle.js';
import { MAX_TRUST_BUNDLE_BYTES } from './trust-bundle/trust-bundle.js';
import {
  bundleState,
  issuedAtOf,
  isTrustSource,
  persistTrust,
  readPersistedTrust,
  type TrustState,
} from './trust-bundle/trust-state.js';
import { isNationalTrust, type NationalTrust, nationalRoots } from './trust-list/national-trust.js';
import {
  type HeldTrustList,
  holdTrustList,
  persistTrustList,
  readPersistedTrustList,
  trustSourceOfList,
} from './trust-list/trust-list-state.js';
import {
  type CacheState,
  DEFAULT_MAX_CACHE_AGE_SECONDS,
  type RefreshOutcome,
  type RefreshResult,
  type Verifier,
  type VerifierOptions,
  type VerifyOptions,
} from './verifier-types.js';

/**
 * The verifier SDK (Zhengzhao issue 5 §1): verifies ZZ1 QR, SD-JWT VC and mdoc presentations
 * with core's `verifyPresentation`, against a trust bundle and status lists it caches, persists
 * (`store`) and refreshes (`refresh()`, and unknown status lists on demand when `fetch` is given).
 *
 * Cache age policy — no report says plainly "valid" on data older than `maxCacheAgeSeconds`:
 * - the trust bundle's age counts from its `issued_at`, or from the last `refresh()` that
 *   downloaded it or had it confirmed (HTTP 304); a TrustSource passed in has no age here;
 * - a status list's age counts from its download or last confirmation; a list past its `exp`
 *   is never used; a list past its `ttl` is re-fetched in the background when online;
 * - a status reference to a list not held fails the `status` check (`ERR_STATUS_UNAVAILABLE`)
 *   when offline or when the download fails;
 * - when the trust bundle or a status list used is too old, the report gets `valid: false`, no
 *   claims, `cache.stale: true` and a failed `freshness` check `ERR_VERIFIER_CACHE_STALE`.
 * Persisted records are re-verified when loaded; a persisted bundle replaces the given one only
 * when it is at least as new (`issued_at`), and a downloaded bundle older than the held one is
 * refused (`ERR_TRUST_BUNDLE_ROLLBACK`).
 *
 * `createVerifier` returns at once; records in the store load in the background and every
 * method waits for them (`ready()` exposes that). Bad options throw `ERR_INPUT_INVALID` /
 * `ERR_TRUST_BUNDLE_MALFORMED` here.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  if (typeof options !== 'object' || options === null) throw new ZzError('ERR_INPUT_INVALID', 'options are required');
  const { platform } = options;
  if (typeof platform?.suite !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'platform is required');
  const maxAgeSeconds = options.maxCacheAgeSeconds ?? DEFAULT_MAX_CACHE_AGE_SECONDS;
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds < 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'maxCacheAgeSeconds must be a non-negative integer');
  }
  const maxAgeMs = maxAgeSeconds * 1000;
  const clock = options.clock ?? (() => new Date());
  const now = (): Date => {
    const date = clock();
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw new ZzError('ERR_INPUT_INVALID', 'clock returned no valid Date');
    return date;
  };
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ZzError('ERR_INPUT_INVALID', 'fetch must be a function');
  }
  if (options.trustBundleUrl !== undefined && !URL.canParse(options.trustBundleUrl)) {
    throw new ZzError('ERR_INPUT_INVALID', 'trustBundleUrl must be a URL');
  }
  const store = options.store ?? createMemoryCacheStore();

  const national = isNationalTrust(options.trust) ? options.trust : undefined;
  const roots = national ? nationalRoots(national) : [];
  let trust: TrustState;
  if (national) trust = { source: trustSourceOfList(undefined) };
  else if (isTrustSource(options.trust)) trust = { source: options.trust };
  else {
    const bundle = parseTrustBundle(options.trust);
    trust = bundleState(platform, bundle, issuedAtOf(bundle));
  }
  const registry: Registry = new StatusListRegistry({
    platform,
    store,
    ...(options.fetch && { fetch: options.fetch }),
    trust: () => trust.source,
    maxAgeMs,
  });

  const holdList = (held: HeldTrustList, fetchedAt: number, etag?: string): TrustState => ({
    source: trustSourceOfList(held),
    list: held,
    fetchedAt,
    ...(etag !== undefined && { etag }),
  });
  const loadNationalTrust = async (list: NationalTrust) => {
    const at = now();
    if (list.trustList !== undefined) {
      const held = await holdTrustList(platform, roots, list.trustList, at, undefined).catch(() => undefined);
      if (held) trust = holdList(held, held.verified.issuedAt.getTime());
    }
    const persisted = await readPersistedTrustList(store);
    if (persisted) {
      const minSequence = trust.list?.verified.list.sequence;
      const held = await holdTrustList(platform, roots, persisted.signed, at, minSequence).catch(() => undefined);
      if (held) {
        const issuedAt = held.verified.issuedAt.getTime();
        trust = holdList(held, Math.min(Math.max(persisted.fetchedAt, issuedAt), at.getTime()), persisted.etag);
      }
    }
    if (trust.list && trust.fetchedAt !== undefined) {
      await persistTrustList(store, trust.list, trust.fetchedAt, trust.etag).catch(() => {});
    }
  };

  const loading = (async () => {
    if (national) {
      await loadNationalTrust(national);
      await registry.load(now());
      return;
    }
    const persisted = await readPersistedTrust(store);
    const usesBundles = trust.bundle !== undefined || options.trustBundleUrl !== undefined;
    if (persisted && usesBundles) {
      const heldIssuedAt = trust.bundle ? issuedAtOf(trust.bundle.bundle) : Number.NEGATIVE_INFINITY;
      const persistedIssuedAt = issuedAtOf(persisted.bundle);
      if (persistedIssuedAt >= heldIssuedAt) {
        const fetchedAt = Math.min(Math.max(persisted.fetchedAt, persistedIssuedAt), now().getTime());
        trust = bundleState(platform, persisted.bundle, fetchedAt, persisted.etag);
      }
    }
    if (trust.bundle) await persistTrust(store, trust).catch(() => {});
    await registry.load(now());
  })();
  // a failing store must not leave an unhandled rejection; callers see it through ready()
  loading.catch(() => {});
  let loaded = false;
  loading.then(
    () => {
      loaded = true;
    },
    () => {},
  );
  const ready = async (): Promise<void> => {
    try {
      await loading;
    } catch (error) {
      throw new ZzError('ERR_VERIFIER_CACHE_STORE', 'Could not load the verifier cache', { cause: error });
    }
  };

  const statusResolverFor = (uses: StatusUse[]): StatusResolver => ({
    resolveStatus: (reference, query) => registry.resolve(reference, query.now, uses),
  });

  async function refreshTrustList(list: NationalTrust, at: Date): Promise<RefreshOutcome> {
    const url = list.trustListUrl;
    if (!options.fetch || url === undefined) return { outcome: 'skipped' };
    try {
      const response = await fetchBounded(options.fetch, url, {
        accept: TRUST_LIST_JWS_MEDIA_TYPE,
        maxBytes: MAX_TRUST_LIST_BYTES,
        ...(trust.etag !== undefined && trust.list && { etag: trust.etag }),
      });
      if (response.notModified && trust.list) {
        trust = holdList(trust.list, at.getTime(), response.etag ?? trust.etag);
        if (trust.list) await persistTrustList(store, trust.list, at.getTime(), trust.etag);
        return { outcome: 'not-modified' };
      }
      const signed = response.contentType.startsWith(TRUST_LIST_COSE_MEDIA_TYPE)
        ? response.body
        : new TextDecoder().decode(response.body);
      // a list that fails here leaves the previous good list in use
      const held = await holdTrustList(platform, roots, signed, at, trust.list?.verified.list.sequence);
      trust = holdList(held, at.getTime(), response.etag);
      await persistTrustList(store, held, at.getTime(), response.etag);
      await registry.reverify(at);
      return { outcome: 'updated' };
    } catch (error) {
      if (!isZzError(error)) throw error;
      return { outcome: 'failed', code: codeOf(error) };
    }
  }

  async function refreshTrust(at: Date): Promise<RefreshOutcome> {
    if (national) return refreshTrustList(national, at);
    const url = options.trustBundleUrl;
    if (!options.fetch || url === undefined) return { outcome: 'skipped' };
    try {
      const response = await fetchBounded(options.fetch, url, {
        accept: 'application/json',
        maxBytes: MAX_TRUST_BUNDLE_BYTES,
        ...(trust.etag !== undefined && { etag: trust.etag }),
      });
      if (response.notModified && trust.bundle) {
        trust = { ...trust, fetchedAt: at.getTime(), ...(response.etag !== undefined && { etag: response.etag }) };
        await persistTrust(store, trust);
        return { outcome: 'not-modified' };
      }
      const bundle = parseTrustBundle(response.body);
      if (trust.bundle && issuedAtOf(bundle) < issuedAtOf(trust.bundle.bundle)) {
        throw new ZzError('ERR_TRUST_BUNDLE_ROLLBACK', 'Downloaded trust bundle is older than the held one');
      }
      trust = bundleState(platform, bundle, at.getTime(), response.etag);
      await persistTrust(store, trust);
      await registry.reverify(at);
      return { outcome: 'updated' };
    } catch (error) {
      if (!isZzError(error)) throw error;
      return { outcome: 'failed', code: codeOf(error) };
    }
  }

  const verifier: Verifier = {
    async verify(input, verifyOptions: VerifyOptions = {}) {
      if (!loaded) await ready();
      const at = now();
      const uses: StatusUse[] = [];
      const report = await verifyPresentation(platform, input, {
        ...verifyOptions,
        trust: trust.source,
        now: at,
        statusResolver: statusResolverFor(uses),
      });
      return annotateReport(report, { now: at.getTime(), trust, uses, maxAgeMs });
    },

    async verifyDeviceResponse(bytes, verifyOptions) {
      await ready();
      const at = now();
      const response = decodeDeviceResponse(bytes);
      const expected = verifyOptions.expectedTypes?.length ? verifyOptions.expectedTypes : undefined;
      const reports: PresentedDocument[] = [];
      for (const document of response.documents) {
        const uses: StatusUse[] = [];
        const report = await verifyMdocDocument(platform, document, {
          trust: trust.source,
          now: at,
          statusResolver: statusResolverFor(uses),
          sessionTranscript: verifyOptions.sessionTranscript,
          ...(expected && { expectedDocType: expected.includes(document.docType) ? document.docType : expected[0] }),
        });
        const annotated = annotateReport(report, { now: at.getTime(), trust, uses, maxAgeMs });
        reports.push({ docType: document.docType, report: annotated, deviceKey: deviceKeyOfMdocDocument(document) });
      }
      // a guardianship beside a ward's credential: checkDelegation (docs/adr/0011)
      return { status: response.status, reports: applyDelegation(reports, at) };
    },

    async refresh(): Promise<RefreshResult> {
      await ready();
      const at = now();
      const trustOutcome = await refreshTrust(at);
      const statusLists = await registry.refreshAll(at);
      return { trust: trustOutcome, statusLists };
    },

    cacheState(): CacheState {
      const t = now().getTime();
      const lists = registry.entries();
      const ages = lists.map((entry) => t - entry.fetchedAt);
      if (trust.fetchedAt !== undefined) ages.push(t - trust.fetchedAt);
      const oldestMs = ages.length === 0 ? 0 : Math.max(0, ...ages);
      const held = trust.list?.verified;
      return {
        ...(trust.fetchedAt !== undefined && { trustFetchedAt: new Date(trust.fetchedAt).toISOString() }),
        ...(held && {
          trustList: {
            sequence: held.list.sequence,
            issuedAt: held.issuedAt.toISOString(),
            expiresAt: held.expiresAt.toISOString(),
          },
        }),
        statusLists: lists.map((entry) => ({
          uri: entry.uri,
          fetchedAt: new Date(entry.fetchedAt).toISOString(),
          ...(entry.exp !== undefined && { expiresAt: new Date(entry.exp).toISOString() }),
        })),
        oldestAgeSeconds: ageSeconds(t, t - oldestMs),
        stale: oldestMs > maxAgeMs,
      };
    },

    ready,

    async registeredReader(certificate) {
      await ready();
      if (!national) return undefined;
      const held = trust.list;
      if (!held)
        throw new ZzError('ERR_TRUST_LIST_MISSING', 'No national trust list is held yet: refresh while online');
      return held.source.relyingPartyForCertificate(certificate, now());
    },
    async trustSource() {
      await ready();
      return trust.source;
    },
    async authenticateRelyingParty(chain) {
      await ready();
      if (!national) return undefined;
      const held = trust.list;
      if (!held)
        throw new ZzError('ERR_TRUST_LIST_MISSING', 'No national trust list is held yet: refresh while online');
      const at = now();
      const resolution = await held.source.readerTrust.resolveChain(chain, { now: at });
      const party = await held.source.relyingPartyForCertificate(chain[0] as Uint8Array, at);
      return { party, publicKey: resolution.publicKey };
    },
  };
  return verifier;
}
