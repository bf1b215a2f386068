import { utf8Decode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import type { StatusReference, StatusResolver } from '../trust/trust-source.js';
import type { StatusList } from './status-list.js';
import {
  STATUS_LIST_CWT_MEDIA_TYPE,
  STATUS_LIST_JWT_MEDIA_TYPE,
  type StatusListTrust,
  type VerifiedStatusList,
  type VerifyStatusListOptions,
} from './status-list-token.js';
import { verifyStatusListCwt } from './verify-status-list-cwt.js';
import { verifyStatusListJwt } from './verify-status-list-jwt.js';

/** What `fetchToken` returns: the HTTP body and Content-Type of `GET uri` (draft §8.1). */
export interface StatusListFetchResult {
  readonly body: string | Uint8Array;
  readonly contentType: string;
}

export interface CreateStatusListCacheOptions {
  readonly platform: Platform;
  readonly trust: StatusListTrust;
  /**
   * Fetches the whole token at `uri`, e.g. with `Accept: application/statuslist+jwt,
   * application/statuslist+cwt`, following redirects. Called once per list, never per credential.
   */
  readonly fetchToken: (uri: string) => Promise<StatusListFetchResult>;
  /** Longest time a fetched list is used, even when the issuer is unreachable (default 24 h). */
  readonly maxAgeSeconds?: number;
  /** After a failed fetch, wait this long before fetching the same URI again (default 30 s). */
  readonly retryAfterSeconds?: number;
  /** Most lists kept; the least recently fetched goes first (default 256). */
  readonly maxEntries?: number;
  /** Bound on a decompressed list (default 16 MiB). */
  readonly maxBytes?: number;
  /** Bound on a token (default 4 MiB). */
  readonly maxTokenBytes?: number;
}

/** A StatusResolver backed by verified, cached Token Status Lists. */
export interface StatusListCache extends StatusResolver {
  /** Forgets every list (for example after the trust list changed). */
  clear(): void;
}

interface Entry {
  readonly list: StatusList;
  /** The token's `iat`, ms: a refetched list may not be older than the one it replaces. */
  readonly iat: number;
  readonly fetchedAt: number;
  /** Refetch after this moment (fetched_at + ttl, draft §8.2); ms since the epoch. */
  readonly refreshAt: number;
  /** Never use after this moment: min(exp, fetched_at + maxAge). */
  readonly usableUntil: number;
}

/**
 * A StatusResolver that fetches whole status lists (DESIGN.md §6.1: no per-credential calls),
 * verifies them (`verifyStatusListJwt` / `verifyStatusListCwt`, chosen by Content-Type) and
 * caches them by URI. Time is the query's `now`:
 * - a list is refetched once `fetched_at + ttl` has passed (draft §8.2), or when it has no `ttl`
 *   once its maximum age is reached;
 * - if the refetch fails, the old list is still answered from until `exp` or
 *   `fetched_at + maxAgeSeconds`, whichever is first; beyond that `ERR_STATUS_UNAVAILABLE`;
 * - a refetched list older (`iat`) than the cached one is refused (no rollback to hide a revocation);
 * - concurrent queries for one URI share one fetch; failed fetches are retried at most every
 *   `retryAfterSeconds`.
 * An index outside the list fails with `ERR_STATUS_INDEX_OUT_OF_RANGE`.
 */
export function createStatusListCache(options: CreateStatusListCacheOptions): StatusListCache {
  const maxAgeMs = seconds(options.maxAgeSeconds, 86_400, 'maxAgeSeconds') * 1000;
  const retryMs = seconds(options.retryAfterSeconds, 30, 'retryAfterSeconds') * 1000;
  const maxEntries = Math.max(1, seconds(options.maxEntries, 256, 'maxEntries'));
  if (typeof options.fetchToken !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'fetchToken is required');
  const entries = new Map<string, Entry>();
  const failures = new Map<string, number>();
  const inFlight = new Map<string, Promise<Entry>>();

  async function fetchAndVerify(uri: string, now: Date): Promise<Entry> {
    const response = await options.fetchToken(uri);
    const verifyOptions: VerifyStatusListOptions = {
      trust: options.trust,
      expectedUri: uri,
      now,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(options.maxTokenBytes === undefined ? {} : { maxTokenBytes: options.maxTokenBytes }),
    };
    const verified = await verifyFetched(options.platform, response, verifyOptions);
    const previous = entries.get(uri);
    if (previous !== undefined && verified.iat.getTime() < previous.iat) {
      throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Fetched status list is older than the cached one');
    }
    const fetchedAt = now.getTime();
    const usableUntil = Math.min(verified.exp?.getTime() ?? Number.POSITIVE_INFINITY, fetchedAt + maxAgeMs);
    const refreshAt = Math.min(verified.ttl === undefined ? usableUntil : fetchedAt + verified.ttl * 1000, usableUntil);
    return { list: verified.list, iat: verified.iat.getTime(), fetchedAt, refreshAt, usableUntil };
  }

  async function refresh(uri: string, now: Date): Promise<Entry> {
    let pending = inFlight.get(uri);
    if (pending === undefined) {
      pending = fetchAndVerify(uri, now).finally(() => inFlight.delete(uri));
      inFlight.set(uri, pending);
    }
    const entry = await pending;
    entries.delete(uri);
    entries.set(uri, entry);
    failures.delete(uri);
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    return entry;
  }

  async function listFor(uri: string, now: Date): Promise<StatusList> {
    const t = now.getTime();
    const cached = entries.get(uri);
    const usable = cached !== undefined && t < cached.usableUntil ? cached : undefined;
    if (usable !== undefined && t < usable.refreshAt) return usable.list;
    const failedAt = failures.get(uri);
    const backingOff = failedAt !== undefined && t >= failedAt && t - failedAt < retryMs;
    if (!backingOff) {
      try {
        return (await refresh(uri, now)).list;
      } catch (error) {
        failures.set(uri, t);
        if (usable !== undefined) return usable.list;
        throw new ZzError('ERR_STATUS_UNAVAILABLE', 'No verified status list could be obtained', { cause: error });
      }
    }
    if (usable !== undefined) return usable.list;
    throw new ZzError('ERR_STATUS_UNAVAILABLE', 'No verified status list is at hand');
  }

  return {
    async resolveStatus(reference: StatusReference, query: { readonly now: Date }): Promise<number> {
      const { idx, uri } = reference ?? {};
      if (typeof uri !== 'string' || uri.length === 0 || !Number.isSafeInteger(idx) || idx < 0) {
        throw new ZzError('ERR_INPUT_INVALID', 'Status reference needs a uri and a non-negative idx');
      }
      const now = query?.now;
      if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
        throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
      }
      const list = await listFor(uri, now);
      return list.get(idx);
    },
    clear() {
      entries.clear();
      failures.clear();
    },
  };
}

async function verifyFetched(
  platform: Platform,
  response: StatusListFetchResult,
  options: VerifyStatusListOptions,
): Promise<VerifiedStatusList> {
  const contentType = typeof response?.contentType === 'string' ? response.contentType : '';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const body = response?.body;
  if (mediaType === STATUS_LIST_JWT_MEDIA_TYPE) {
    const text = body instanceof Uint8Array ? utf8Decode(body) : body;
    if (typeof text !== 'string') throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Status list JWT body is not text');
    return await verifyStatusListJwt(platform, text.trim(), options);
  }
  if (mediaType === STATUS_LIST_CWT_MEDIA_TYPE) {
    if (!(body instanceof Uint8Array))
      throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Status list CWT body is not bytes');
    return await verifyStatusListCwt(platform, body, options);
  }
  throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Unexpected Content-Type for a status list');
}

function seconds(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a non-negative integer`);
  return value;
}
