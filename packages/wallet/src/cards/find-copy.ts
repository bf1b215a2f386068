import { ZzError } from '@zhengzhao/core';
import { type CardRecord, type CopyFormat, type CopyRecord, cardRecordId, copyPrefix } from '../records/card-record.js';
import type { SealedRecords } from '../records/sealed-records.js';
import { isExpired } from './card-view.js';

/** The card, or `ERR_WALLET_CREDENTIAL_UNKNOWN`. */
export async function getCard(records: SealedRecords, cardId: unknown): Promise<CardRecord> {
  if (typeof cardId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(cardId)) {
    throw new ZzError('ERR_WALLET_CREDENTIAL_UNKNOWN');
  }
  const card = (await records.get('credential', cardRecordId(cardId))) as CardRecord | undefined;
  if (!card) throw new ZzError('ERR_WALLET_CREDENTIAL_UNKNOWN');
  return card;
}

/** The next unused copy to hand out, the expired ones to delete with it, and how many stay. */
export interface FoundCopy {
  readonly id: string;
  readonly copy: CopyRecord;
  readonly expiredIds: readonly string[];
  readonly remaining: number;
}

/**
 * Picks one unused, unexpired copy of `format` (and QR `purpose`) of card `cardId`. Each copy is
 * shown once (issue 4 §3: one-time copies, so two verifiers cannot link two presentations by the
 * signature or the salts); the caller deletes it in the same write as the log entry.
 * `ERR_WALLET_NO_COPIES_LEFT` when none is left (sync to get a fresh batch).
 */
export async function findCopy(
  records: SealedRecords,
  cardId: string,
  format: CopyFormat,
  purpose: string | undefined,
  now: Date,
): Promise<FoundCopy> {
  const all = await records.list('credential', copyPrefix(cardId, format, purpose));
  const live: { id: string; copy: CopyRecord }[] = [];
  const expiredIds: string[] = [];
  for (const { id, value } of all) {
    const copy = value as CopyRecord;
    if (format === 'zz1_qr' && copy.purpose !== purpose) continue;
    if (isExpired(copy, now)) expiredIds.push(id);
    else live.push({ id, copy });
  }
  const first = live[0];
  if (!first) throw new ZzError('ERR_WALLET_NO_COPIES_LEFT');
  return { id: first.id, copy: first.copy, expiredIds, remaining: live.length - 1 };
}
