import {
  DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES,
  type ErrorCode,
  isZzError,
  type Platform,
  STATUS_LIST_CWT_MEDIA_TYPE,
  STATUS_LIST_JWT_MEDIA_TYPE,
  type StatusList,
  type StatusReference,
  type TrustSource,
  toHex,
  utf8Decode,
  utf8Encode,
  type VerifiedStatusList,
  verifyStatusListCwt,
  verifyStatusListJwt,
  ZzError,
} from '@zhengzhao/core';
import { fetchBounded } from '../cache/fetch-bounded.js';
import type { JsonValue, VerifierCacheStore } from '../cache/verifier-cache-store.js';
import type { RefreshOutcome } from '../verifier-types.js';

/** Most status lists held at once; the least recently used goes first. */
export const MAX_STATUS_LISTS = 128;
/** After a failed on-demand download, wait this long before trying the same URI again. */
const RETRY_AFTER_MS = 30_000;
const ACCEPT = `${STATUS_LIST_JWT_MEDIA_TYPE}, ${STATUS_LIST_CWT_MEDIA_TYPE}`;

/** A verified status list held by the verifier: the packed list only (never expanded), plus times. */
export interface StatusListEntry {
  readonly uri: string;
  /** The packed list (`ceil(size·bits/8)` bytes): a 10 M-entry 2-bit list is 2.5 MB. */
  readonly list: StatusList;
  /** Token `iat`, ms since the epoch: a newer download may not be older (no rollback). */
  readonly iat: number;
  /** Token `exp`, ms; the list is unusable from then on. */
  readonly exp?: number;
  /** Token `ttl`, seconds: after `fetchedAt + ttl` a fresh copy is fetched in the background. */
  readonly ttl?: number;
  /** When it was downloaded or last confirmed unchanged (304), ms. */
  readonly fetchedAt: number;
  readonly etag?: string;
  readonly contentType: string;
  /** Base name of its two store records (`<name>.token`, `<name>.meta`). */
  readonly name: string;
}

/** A status list one verification consulted. */
export interface StatusUse {
  readonly uri: string;
  readonly fetchedAt: number;
}

export interface StatusListRegistryOptions {
  readonly platform: Platform;
  readonly store: VerifierCacheStore;
  readonly fetch?: typeof fetch;
  /** The current trust source (it changes when the trust bundle is refreshed). */
  readonly trust: () => TrustSource;
  /** Lists older than this are downloaded again before use when online. */
  readonly maxAgeMs: number;
}

/**
 * The verifier's status list cache (draft-ietf-oauth-status-list §8): whole, verified lists by
 * URI, persisted as their tokens in the store and re-verified when loaded. Answering a reference:
 * - a held list that has not expired (`exp`) and is younger than `maxAgeMs` answers at once; when
 *   its `ttl` has run out, a new copy is fetched in the background (the old one answers meanwhile);
 * - no list, an expired one, or one older than `maxAgeMs`: when online it is downloaded first;
 *   if that fails (or offline), an expired or missing list fails the check
 *   (`ERR_STATUS_LIST_EXPIRED` / `ERR_STATUS_UNAVAILABLE`) and an old one still answers — the
 *   verifier then marks the report stale;
 * - a download older (`iat`) than the held list is refused, so a revocation cannot be rolled back.
 */
export class StatusListRegistry {
  readonly #options: StatusListRegistryOptions;
  readonly #entries = new Map<string, StatusListEntry>();
  readonly #failures = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<StatusListEntry>>();

  constructor(options: StatusListRegistryOptions) {
    this.#options = options;
  }

  entries(): StatusListEntry[] {
    return [...this.#entries.values()];
  }

  /** Loads and re-verifies every list persisted in the store; drops what no longer verifies. */
  async load(now: Date): Promise<void> {
    const names = (await this.#options.store.list()).filter((name) => /^status-[0-9a-f]{32}\.meta$/.test(name));
    for (const metaName of names) {
      const name = metaName.slice(0, -'.meta'.length);
      const entry = await this.#restore(name, now).catch(() => undefined);
      if (entry && !this.#entries.has(entry.uri)) this.#entries.set(entry.uri, entry);
      else await this.#forget(name);
    }
    this.#evict();
  }

  /** Re-verifies every held list with the current trust source (after the trust bundle changed). */
  async reverify(now: Date): Promise<void> {
    for (const entry of this.entries()) {
      const restored = await this.#restore(entry.name, now).catch(() => undefined);
      if (restored && restored.uri === entry.uri)
        this.#entries.set(entry.uri, { ...restored, fetchedAt: entry.fetchedAt });
      else {
        this.#entries.delete(entry.uri);
        await this.#forget(entry.name);
      }
    }
  }

  /** The status value of `reference` at `now`; records the list used in `uses`. */
  async resolve(reference: StatusReference, now: Date, uses: StatusUse[]): Promise<number> {
    const { uri, idx } = reference;
    const t = now.getTime();
    let entry = this.#entries.get(uri);
    const expired = entry?.exp !== undefined && t >= entry.exp;
    if (expired) entry = undefined;
    const old = entry !== undefined && t - entry.fetchedAt > this.#options.maxAgeMs;
    let failure: unknown;
    if ((entry === undefined || old) && this.#mayFetch(uri, t)) {
      try {
        entry = await this.#download(uri, now);
      } catch (error) {
        this.#failures.set(uri, t);
        failure = error;
      }
    } else if (entry?.ttl !== undefined && t >= entry.fetchedAt + entry.ttl * 1000 && this.#mayFetch(uri, t)) {
      this.#download(uri, now).catch(() => this.#failures.set(uri, t));
    }
    if (entry === undefined) {
      if (expired)
        throw new ZzError('ERR_STATUS_LIST_EXPIRED', 'The cached status list has expired', { cause: failure });
      const why = this.#options.fetch
        ? 'No status list for this reference could be downloaded'
        : 'No status list is cached for this reference and the verifier is offline';
      throw new ZzError('ERR_STATUS_UNAVAILABLE', why, failure === undefined ? {} : { cause: failure });
    }
    this.#entries.delete(uri); // least recently used order
    this.#entries.set(uri, entry);
    uses.push({ uri, fetchedAt: entry.fetchedAt });
    return entry.list.get(idx);
  }

  /** Downloads every held list again (ETag aware). */
  async refreshAll(now: Date): Promise<(RefreshOutcome & { uri: string })[]> {
    const results: (RefreshOutcome & { uri: string })[] = [];
    for (const { uri } of this.entries()) {
      if (!this.#options.fetch) {
        results.push({ uri, outcome: 'skipped' });
        continue;
      }
      try {
        const entry = await this.#download(uri, now);
        results.push({ uri, outcome: outcomeOf(entry) });
      } catch (error) {
        results.push({ uri, outcome: 'failed', code: codeOf(error) });
      }
    }
    return results;
  }

  #mayFetch(uri: string, t: number): boolean {
    if (!this.#options.fetch) return false;
    const failedAt = this.#failures.get(uri);
    return failedAt === undefined || t < failedAt || t - failedAt >= RETRY_AFTER_MS;
  }

  #download(uri: string, now: Date): Promise<StatusListEntry> {
    let pending = this.#inFlight.get(uri);
    if (pending === undefined) {
      pending = this.#fetchAndVerify(uri, now).finally(() => this.#inFlight.delete(uri));
      this.#inFlight.set(uri, pending);
    }
    return pending;
  }

  async #fetchAndVerify(uri: string, now: Date): Promise<StatusListEntry> {
    const fetcher = this.#options.fetch;
    if (!fetcher) throw new ZzError('ERR_STATUS_UNAVAILABLE', 'The verifier is offline');
    const held = this.#entries.get(uri);
    const usableHeld = held && (held.exp === undefined || now.getTime() < held.exp) ? held : undefined;
    const response = await fetchBounded(fetcher, uri, {
      accept: ACCEPT,
      maxBytes: DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES,
      ...(usableHeld?.etag !== undefined && { etag: usableHeld.etag }),
    });
    let entry: StatusListEntry;
    if (response.notModified && usableHeld) {
      entry = { ...usableHeld, fetchedAt: now.getTime(), ...(response.etag !== undefined && { etag: response.etag }) };
      notModified.add(entry);
    } else {
      const name = await this.#nameOf(uri);
      const verified = await this.#verify(response.body, response.contentType, uri, now);
      if (held && verified.iat.getTime() < held.iat) {
        throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Downloaded status list is older than the held one');
      }
      entry = toEntry(verified, {
        uri,
        name,
        fetchedAt: now.getTime(),
        contentType: mediaTypeOf(response.contentType),
        ...(response.etag !== undefined && { etag: response.etag }),
      });
      await this.#put(`${name}.token`, response.body);
    }
    await this.#put(`${entry.name}.meta`, metaOf(entry));
    this.#entries.delete(uri);
    this.#entries.set(uri, entry);
    this.#failures.delete(uri);
    this.#evict();
    return entry;
  }

  async #restore(name: string, now: Date): Promise<StatusListEntry | undefined> {
    const meta = await this.#options.store.get(`${name}.meta`);
    const token = await this.#options.store.get(`${name}.token`);
    if (!(token instanceof Uint8Array) || typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
      return undefined;
    }
    const { uri, fetchedAt, etag, contentType } = meta as Record<string, JsonValue>;
    if (typeof uri !== 'string' || typeof contentType !== 'string' || typeof fetchedAt !== 'number') return undefined;
    if (name !== (await this.#nameOf(uri)) || !Number.isFinite(fetchedAt) || fetchedAt > now.getTime())
      return undefined;
    const verified = await this.#verify(token, contentType, uri, now);
    return toEntry(verified, { uri, name, fetchedAt, contentType, ...(typeof etag === 'string' && { etag }) });
  }

  async #verify(body: Uint8Array, contentType: string, uri: string, now: Date): Promise<VerifiedStatusList> {
    const options = { trust: this.#options.trust(), expectedUri: uri, now };
    const mediaType = mediaTypeOf(contentType);
    const { platform } = this.#options;
    if (mediaType === STATUS_LIST_JWT_MEDIA_TYPE) {
      let text: string;
      try {
        text = utf8Decode(body);
      } catch (error) {
        throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Status list JWT is not UTF-8', { cause: error });
      }
      return await verifyStatusListJwt(platform, text.trim(), options);
    }
    if (mediaType === STATUS_LIST_CWT_MEDIA_TYPE) return await verifyStatusListCwt(platform, body, options);
    throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Unexpected Content-Type for a status list');
  }

  async #nameOf(uri: string): Promise<string> {
    const digest = await this.#options.platform.digest('SHA-256', utf8Encode(uri));
    return `status-${toHex(digest).slice(0, 32)}`;
  }

  async #put(name: string, record: Uint8Array | JsonValue): Promise<void> {
    try {
      await this.#options.store.put(name, record);
    } catch (error) {
      throw new ZzError('ERR_VERIFIER_CACHE_STORE', 'Could not persist a status list', { cause: error });
    }
  }

  async #forget(name: string): Promise<void> {
    await this.#options.store.delete(`${name}.meta`).catch(() => {});
    await this.#options.store.delete(`${name}.token`).catch(() => {});
  }

  #evict(): void {
    for (const [uri, entry] of this.#entries) {
      if (this.#entries.size <= MAX_STATUS_LISTS) break;
      this.#entries.delete(uri);
      void this.#forget(entry.name);
    }
  }
}

/** Entries produced by a 304 answer (so `refreshAll` can say `not-modified`). */
const notModified = new WeakSet<StatusListEntry>();

function outcomeOf(entry: StatusListEntry): RefreshOutcome['outcome'] {
  return notModified.has(entry) ? 'not-modified' : 'updated';
}

function toEntry(
  verified: VerifiedStatusList,
  base: Pick<StatusListEntry, 'uri' | 'name' | 'fetchedAt' | 'contentType' | 'etag'>,
): StatusListEntry {
  return {
    ...base,
    list: verified.list,
    iat: verified.iat.getTime(),
    ...(verified.exp !== undefined && { exp: verified.exp.getTime() }),
    ...(verified.ttl !== undefined && { ttl: verified.ttl }),
  };
}

function metaOf(entry: StatusListEntry): JsonValue {
  return {
    uri: entry.uri,
    fetchedAt: entry.fetchedAt,
    contentType: entry.contentType,
    ...(entry.etag !== undefined && { etag: entry.etag }),
  };
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function codeOf(error: unknown): ErrorCode {
  return isZzError(error) ? error.code : 'ERR_VERIFIER_FETCH_FAILED';
}
