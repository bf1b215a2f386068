import { countCopies } from '../cards/card-view.js';
import { CARD_PREFIX, type CardRecord, cardRecordId, copyId, copyPrefix } from '../records/card-record.js';
import type { SealedRecords, SealedWrite } from '../records/sealed-records.js';
import type { StoredCredentialSummary } from '../wallet-types.js';
import type { ReceivedCard } from './receive-cards.js';

/**
 * Stores freshly received cards in ONE atomic write (nothing half-stored after a crash): each
 * new card with all its copies, and — since a wallet holds one card per issuer and type — the
 * previous card of the same issuer and type with every copy it had left (a re-issue after a
 * card change replaces the old batch; the issuer revoked it anyway). Returns the summaries and
 * how many old cards were replaced.
 */
export async function storeReceivedCards(
  records: SealedRecords,
  received: readonly ReceivedCard[],
): Promise<{ summaries: StoredCredentialSummary[]; replaced: number }> {
  const existing = (await records.list('credential', CARD_PREFIX)).map((r) => r.value as CardRecord);
  const writes: SealedWrite[] = [];
  let replaced = 0;
  for (const { card } of received) {
    for (const old of existing) {
      if (old.issuer.url !== card.issuer.url || old.type !== card.type) continue;
      replaced++;
      writes.push({ kind: 'credential', id: cardRecordId(old.cardId) });
      for (const id of await records.ids('credential', copyPrefix(old.cardId))) writes.push({ kind: 'credential', id });
    }
  }
  for (const { card, copies } of received) {
    writes.push({ kind: 'credential', id: cardRecordId(card.cardId), value: card });
    for (const { n, copy } of copies) {
      writes.push({ kind: 'credential', id: copyId(card.cardId, copy.format, copy.purpose, n), value: copy });
    }
  }
  await records.write(writes);
  return {
    summaries: received.map(({ card, copies }) => ({
      credentialId: card.cardId,
      type: card.type,
      issuer: card.issuer.url,
      copies: countCopies(copies.map((c) => c.copy)),
    })),
    replaced,
  };
}
