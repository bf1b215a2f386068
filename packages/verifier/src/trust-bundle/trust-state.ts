import type { Platform, TrustSource } from '@zhengzhao/core';
import type { JsonValue, VerifierCacheStore } from '../cache/verifier-cache-store.js';
import type { HeldTrustList } from '../trust-list/trust-list-state.js';
import { parseTrustBundle } from './parse-trust-bundle.js';
import type { TrustBundle } from './trust-bundle.js';
import { type BundleTrustSource, trustSourceFromBundle } from './trust-source-from-bundle.js';

/** Store record holding the current trust bundle. */
export const TRUST_RECORD = 'trust-bundle';

/** The trust a verifier uses right now. */
export interface TrustState {
  readonly source: TrustSource;
  /** Present when the trust came from a bundle. */
  readonly bundle?: BundleTrustSource;
  /** When the bundle was issued, or last downloaded / confirmed by `refresh()`, ms. */
  readonly fetchedAt?: number;
  readonly etag?: string;
  /** Present when the trust came from a national trust list. */
  readonly list?: HeldTrustList;
}

/** True for a TrustSource (as opposed to a trust bundle). */
export function isTrustSource(value: unknown): value is TrustSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TrustSource).resolveChain === 'function' &&
    typeof (value as TrustSource).resolveKid === 'function'
  );
}

/** Trust state for a bundle: the source is built now; its age counts from `fetchedAt`. */
export function bundleState(platform: Platform, bundle: TrustBundle, fetchedAt: number, etag?: string): TrustState {
  const source = trustSourceFromBundle(platform, bundle);
  return { source, bundle: source, fetchedAt, ...(etag !== undefined && { etag }) };
}

/** `issued_at` of a parsed bundle, ms. */
export function issuedAtOf(bundle: TrustBundle): number {
  return Date.parse(bundle.issued_at);
}

/** Reads the persisted bundle record; undefined when absent or not a valid bundle (it is not trusted blindly). */
export async function readPersistedTrust(
  store: VerifierCacheStore,
): Promise<{ bundle: TrustBundle; fetchedAt: number; etag?: string } | undefined> {
  const record = await store.get(TRUST_RECORD).catch(() => undefined);
  if (typeof record !== 'object' || record === null || record instanceof Uint8Array || Array.isArray(record)) {
    return undefined;
  }
  const { bundle, fetchedAt, etag } = record as Record<string, JsonValue>;
  if (typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt)) return undefined;
  try {
    const parsed = parseTrustBundle(bundle);
    return { bundle: parsed, fetchedAt, ...(typeof etag === 'string' && { etag }) };
  } catch {
    return undefined;
  }
}

/** Persists the bundle with its fetch time and ETag. */
export async function persistTrust(store: VerifierCacheStore, state: TrustState): Promise<void> {
  if (!state.bundle || state.fetchedAt === undefined) return;
  const record: JsonValue = {
    bundle: state.bundle.bundle as unknown as JsonValue,
    fetchedAt: state.fetchedAt,
    ...(state.etag !== undefined && { etag: state.etag }),
  };
  await store.put(TRUST_RECORD, record);
}
