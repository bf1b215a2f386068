import {
  encodeBase64url,
  type Platform,
  STATUS_INVALID,
  STATUS_SUSPENDED,
  STATUS_VALID,
  type StatusList,
  utf8Encode,
  verifyStatusListJwt,
} from '@zhengzhao/core';
import type { CardRecord, CopyRecord } from '../records/card-record.js';
import { CARD_PREFIX, COPY_PREFIX, cardRecordId } from '../records/card-record.js';
import type { SealedRecords, SealedWrite } from '../records/sealed-records.js';
import { createWalletTrustSource } from '../trust/create-wallet-trust-source.js';
import type { CredentialStatusValue, WalletFetch } from '../wallet-types.js';
import { fetchStatusToken } from './fetch-status-token.js';

/** A cached Status List Token (kind `status`, sealed: it tells which lists the holder is on). */
interface CachedStatusToken {
  readonly uri: string;
  readonly token: string;
  readonly fetchedAt: string;
}

export interface RefreshStatusOptions {
  readonly platform: Platform;
  readonly records: SealedRecords;
  readonly fetch: WalletFetch;
  readonly now: Date;
  readonly trustAnchorsPem?: readonly string[];
  /** Skip the network; use cached lists only. */
  readonly offline?: boolean;
}

export interface RefreshStatusResult {
  /** Copies dropped because their status is INVALID (revoked). */
  readonly droppedCopies: number;
  /** Lists fetched and verified now. */
  readonly listsFetched: number;
}

async function cacheId(platform: Platform, uri: string): Promise<string> {
  return `list:${encodeBase64url(await platform.digest('SHA-256', utf8Encode(uri)))}`;
}

/** Worst first: one revoked copy makes the card revoked (copies die together at the issuer). */
function aggregate(values: readonly number[]): CredentialStatusValue | undefined {
  if (values.length === 0) return undefined;
  if (values.includes(STATUS_INVALID)) return 'revoked';
  if (values.includes(STATUS_SUSPENDED)) return 'suspended';
  if (values.every((v) => v === STATUS_VALID)) return 'valid';
  return 'unknown';
}

/**
 * Brings every card's status up to date (draft-ietf-oauth-status-list §8): for each list its
 * live copies reference, fetch the whole token, verify it — signed by a document signer that
 * came with the card (or chaining to `trustAnchorsPem`), `sub` = the referenced URI, not expired —
 * and cache it sealed, for offline display. When the network fails, the cached token is verified
 * again at `now` (its `exp` still applies). A card's status is the worst of its copies'; with no
 * usable list the last known value and its time stay. Copies whose entry is INVALID are dropped
 * (they can never be presented successfully). All changes go in one atomic write.
 */
export async function refreshCardStatus(options: RefreshStatusOptions): Promise<RefreshStatusResult> {
  const { platform, records, now } = options;
  const cards = (await records.list('credential', CARD_PREFIX)).map((r) => r.value as CardRecord);
  const copies = (await records.list('credential', COPY_PREFIX)).map((r) => ({
    id: r.id,
    copy: r.value as CopyRecord,
  }));
  const cardById = new Map(cards.map((card) => [card.cardId, card]));

  const uris = [...new Set(copies.flatMap((c) => (c.copy.status ? [c.copy.status.uri] : [])))];
  const lists = new Map<string, { list: StatusList; checkedAt: Date }>();
  const writes: SealedWrite[] = [];
  let listsFetched = 0;
  for (const uri of uris) {
    const pinned = copies
      .filter((c) => c.copy.status?.uri === uri)
      .flatMap((c) => cardById.get(c.copy.cardId)?.dsCertificates ?? []);
    const trust = createWalletTrustSource({
      platform,
      ...(options.trustAnchorsPem ? { trustAnchorsPem: options.trustAnchorsPem } : {}),
      pinned,
    });
    const verify = async (token: string) => {
      try {
        return (await verifyStatusListJwt(platform, token, { trust, expectedUri: uri, now })).list;
      } catch {
        return undefined;
      }
    };
    const id = await cacheId(platform, uri);
    const fresh = options.offline ? undefined : await fetchStatusToken(options.fetch, uri);
    const freshList = fresh === undefined ? undefined : await verify(fresh);
    if (fresh !== undefined && freshList !== undefined) {
      lists.set(uri, { list: freshList, checkedAt: now });
      writes.push({ kind: 'status', id, value: { uri, token: fresh, fetchedAt: now.toISOString() } });
      listsFetched++;
      continue;
    }
    const cached = (await records.get('status', id)) as CachedStatusToken | undefined;
    if (cached?.uri === uri) {
      const list = await verify(cached.token);
      if (list) lists.set(uri, { list, checkedAt: new Date(cached.fetchedAt) });
    }
  }

  let droppedCopies = 0;
  const valuesByCard = new Map<string, { values: number[]; checkedAt?: Date }>();
  for (const { id, copy } of copies) {
    if (!copy.status) continue;
    const entry = lists.get(copy.status.uri);
    if (!entry) continue;
    let value: number;
    try {
      value = entry.list.get(copy.status.idx);
    } catch {
      continue; // index outside the list: no answer for this copy
    }
    const acc = valuesByCard.get(copy.cardId) ?? { values: [] };
    acc.values.push(value);
    if (acc.checkedAt === undefined || entry.checkedAt < acc.checkedAt) acc.checkedAt = entry.checkedAt;
    valuesByCard.set(copy.cardId, acc);
    if (value === STATUS_INVALID) {
      writes.push({ kind: 'credential', id });
      droppedCopies++;
    }
  }
  for (const card of cards) {
    const acc = valuesByCard.get(card.cardId);
    const value = acc ? aggregate(acc.values) : undefined;
    if (!acc || value === undefined) continue;
    const status = { value, ...(acc.checkedAt ? { checkedAt: acc.checkedAt.toISOString() } : {}) };
    writes.push({ kind: 'credential', id: cardRecordId(card.cardId), value: { ...card, status } });
  }
  if (writes.length > 0) await records.write(writes);
  return { droppedCopies, listsFetched };
}
