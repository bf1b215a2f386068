import { type ErrorCode, isZzError, type Platform, type Signer } from '@zhengzhao/core';
import { isExpired } from '../cards/card-view.js';
import { receiveCards } from '../receive/receive-cards.js';
import { storeReceivedCards } from '../receive/store-received-cards.js';
import { CARD_PREFIX, type CardRecord, type CopyRecord, cardRecordId, copyPrefix } from '../records/card-record.js';
import type { SealedRecords, SealedWrite } from '../records/sealed-records.js';
import { refreshCardStatus } from '../status/refresh-card-status.js';
import type { CredentialStatusValue, SyncResult, WalletFetch } from '../wallet-types.js';
import { fetchNotifications, type NotificationType } from './fetch-notifications.js';
import { requestRefreshOffer } from './request-refresh-offer.js';

/** Sync cursors (kind `meta`, id `sync`, sealed): per issuer, the next `since` (epoch ms). */
const SYNC_ID = 'sync';

export interface SyncWalletOptions {
  readonly platform: Platform;
  readonly records: SealedRecords;
  readonly walletId: string;
  readonly deviceSigner: Signer;
  readonly fetch: WalletFetch;
  readonly now: () => Date;
  readonly locale: string;
  readonly batchSize?: number;
  readonly trustAnchorsPem?: readonly string[];
}

const NOTIFIED_STATUS: Partial<Record<NotificationType, CredentialStatusValue>> = {
  suspended: 'suspended',
  revoked: 'revoked',
};

/**
 * Issue 4 §4: for every issuer the wallet holds a card from, reads the wallet's notifications
 * since the last sync. `refresh` (the card changed, was renewed or replaced) — or, while the
 * wallet is active, a card that has used up or outlived every copy of some format or QR purpose:
 * asks for a fresh offer with a device-key proof, receives and verifies the new batch and
 * replaces the old card in one atomic write. `suspended` / `revoked`: the card shows it at once. Then every status list
 * is fetched and verified (`refreshCardStatus`), which also drops revoked copies. An issuer that
 * fails (offline, wallet suspended, refused) is reported in `errors` and its cursor is kept, so
 * the next sync tries again.
 */
export async function syncWallet(options: SyncWalletOptions): Promise<SyncResult> {
  const { platform, records } = options;
  const cards = (await records.list('credential', CARD_PREFIX)).map((r) => r.value as CardRecord);
  const cursors = { ...(((await records.get('meta', SYNC_ID)) as Record<string, number> | undefined) ?? {}) };
  const issuers = [...new Set(cards.map((c) => c.issuer.url))];
  const seen: { type: string; createdAt: Date }[] = [];
  const errors: { issuer: string; code: ErrorCode }[] = [];
  const states = new Set<'active' | 'suspended'>();
  let reissued = 0;
  let removed = 0;

  for (const issuer of issuers) {
    try {
      const since = Number.isSafeInteger(cursors[issuer]) ? (cursors[issuer] as number) : 0;
      const { state, notifications } = await fetchNotifications(options.fetch, issuer, options.walletId, since);
      states.add(state);
      for (const n of notifications) seen.push({ type: n.type, createdAt: n.createdAt });
      const marks: SealedWrite[] = [];
      for (const n of notifications) {
        const value = NOTIFIED_STATUS[n.type];
        if (!value) continue;
        for (const card of cards.filter((c) => c.issuer.url === issuer)) {
          marks.push({ kind: 'credential', id: cardRecordId(card.cardId), value: { ...card, status: { value } } });
        }
      }
      if (marks.length > 0) await records.write(marks);
      const refresh = notifications.some((n) => n.type === 'refresh');
      if (refresh || (state === 'active' && (await runningLow(records, cards, issuer, options.now())))) {
        const offer = await requestRefreshOffer(platform, {
          issuer,
          walletId: options.walletId,
          deviceSigner: options.deviceSigner,
          fetch: options.fetch,
          now: options.now(),
        });
        const received = await receiveCards(platform, {
          offer: offer.offer,
          ...(offer.txCode !== undefined ? { txCode: offer.txCode } : {}),
          deviceSigner: options.deviceSigner,
          fetch: options.fetch,
          now: options.now,
          locale: options.locale,
          ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
          ...(options.trustAnchorsPem ? { trustAnchorsPem: options.trustAnchorsPem } : {}),
          pinned: cards.flatMap((c) => c.dsCertificates),
        });
        const stored = await storeReceivedCards(records, received);
        reissued += stored.summaries.length;
        removed += stored.replaced;
      }
      const last = Math.max(since - 1, ...notifications.map((n) => n.createdAt.getTime()));
      cursors[issuer] = last + 1;
      await records.write([{ kind: 'meta', id: SYNC_ID, value: cursors }]);
    } catch (error) {
      errors.push({ issuer, code: isZzError(error) ? error.code : 'ERR_WALLET_SYNC_FAILED' });
    }
  }

  await refreshCardStatus({
    platform,
    records,
    fetch: options.fetch,
    now: options.now(),
    ...(options.trustAnchorsPem ? { trustAnchorsPem: options.trustAnchorsPem } : {}),
  });
  seen.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return {
    notifications: seen,
    reissued,
    removed,
    walletState: states.has('suspended') ? 'suspended' : states.has('active') ? 'active' : 'unknown',
    errors,
  };
}

/**
 * True when a card of `issuer` has no unused, unexpired copy left of some format it was issued
 * in (mdoc, SD-JWT VC, or a QR purpose): one-time copies run out, QR copies are short-lived.
 */
async function runningLow(
  records: SealedRecords,
  cards: readonly CardRecord[],
  issuer: string,
  now: Date,
): Promise<boolean> {
  for (const card of cards.filter((c) => c.issuer.url === issuer && c.status.value !== 'revoked')) {
    const copies = (await records.list('credential', copyPrefix(card.cardId))).map((r) => r.value as CopyRecord);
    const live = copies.filter((c) => !isExpired(c, now));
    const kinds = (list: readonly CopyRecord[]) => new Set(list.map((c) => `${c.format}/${c.purpose ?? ''}`));
    const had = new Set([...kinds(copies), ...(card.formats ?? [])]);
    const left = kinds(live);
    if (had.size === 0 || [...had].some((kind) => !left.has(kind))) return true;
  }
  return false;
}
