import {
  createTrustListSource,
  decodeBase64url,
  decodeCertificatePem,
  encodeBase64url,
  type Platform,
  parseCertificate,
  type TrustListAuthority,
  type TrustListSource,
  type TrustSource,
  type VerifiedTrustList,
  verifyTrustList,
  ZzError,
} from '@zhengzhao/core';
import type { JsonValue, VerifierCacheStore } from '../cache/verifier-cache-store.js';

/** Store record holding the current signed trust list. */
export const TRUST_LIST_RECORD = 'trust-list';

/** A verified trust list in use. */
export interface HeldTrustList {
  readonly source: TrustListSource;
  readonly verified: VerifiedTrustList;
  /** The list exactly as signed (JWS text or COSE bytes), for persistence. */
  readonly signed: string | Uint8Array;
  /** The enrolled authority behind an IACA subject (a report's `issuer.trustAnchor`). */
  authorityForAnchor(trustAnchor: string | undefined): TrustListAuthority | undefined;
}

/** Verifies a signed list against `roots` (refusing one older than `minSequence`) and indexes it. */
export async function holdTrustList(
  platform: Platform,
  roots: readonly Uint8Array[],
  signed: string | Uint8Array,
  now: Date,
  minSequence: number | undefined,
): Promise<HeldTrustList> {
  const verified = await verifyTrustList(platform, signed, {
    roots,
    now,
    ...(minSequence !== undefined && { minSequence }),
  });
  const source = await createTrustListSource(platform, verified, roots);
  const byAnchor = new Map<string, TrustListAuthority>();
  for (const authority of verified.list.authorities) {
    for (const pem of authority.iaca) {
      const subject = parseCertificate(decodeCertificatePem(pem)).subject.display;
      if (!byAnchor.has(subject)) byAnchor.set(subject, authority);
    }
  }
  return {
    source,
    verified,
    signed,
    authorityForAnchor: (anchor) => (anchor === undefined ? undefined : byAnchor.get(anchor)),
  };
}

/**
 * The trust source verification uses: the list's, refusing every resolution once the list has
 * expired (`ERR_TRUST_LIST_EXPIRED`: refresh while online) and before any list is held
 * (`ERR_TRUST_LIST_MISSING`).
 */
export function trustSourceOfList(held: HeldTrustList | undefined): TrustSource {
  const check = (now: Date | undefined): TrustListSource => {
    if (!held) throw new ZzError('ERR_TRUST_LIST_MISSING', 'No national trust list is held yet: refresh while online');
    if (now && now.getTime() >= held.verified.expiresAt.getTime()) {
      throw new ZzError('ERR_TRUST_LIST_EXPIRED', 'The held national trust list has expired: refresh while online');
    }
    return held.source;
  };
  return {
    resolveChain: async (chain, query) => check(query?.now).resolveChain(chain, query),
    resolveKid: async (kid, query) => check(query?.now).resolveKid(kid, query),
  };
}

/** Reads the persisted list (undefined when absent or not shaped as one; it is re-verified by the caller). */
export async function readPersistedTrustList(
  store: VerifierCacheStore,
): Promise<{ signed: string | Uint8Array; fetchedAt: number; etag?: string } | undefined> {
  const record = await store.get(TRUST_LIST_RECORD).catch(() => undefined);
  if (typeof record !== 'object' || record === null || record instanceof Uint8Array || Array.isArray(record)) {
    return undefined;
  }
  const { jws, cose, fetchedAt, etag } = record as Record<string, JsonValue>;
  if (typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt)) return undefined;
  let signed: string | Uint8Array;
  if (typeof jws === 'string') signed = jws;
  else if (typeof cose === 'string') {
    try {
      signed = decodeBase64url(cose);
    } catch {
      return undefined;
    }
  } else return undefined;
  return { signed, fetchedAt, ...(typeof etag === 'string' && { etag }) };
}

/** Persists the signed list with its fetch time and ETag. */
export async function persistTrustList(
  store: VerifierCacheStore,
  held: HeldTrustList,
  fetchedAt: number,
  etag: string | undefined,
): Promise<void> {
  const record: Record<string, JsonValue> = { fetchedAt };
  if (typeof held.signed === 'string') record.jws = held.signed;
  else record.cose = encodeBase64url(held.signed);
  if (etag !== undefined) record.etag = etag;
  await store.put(TRUST_LIST_RECORD, record);
}
