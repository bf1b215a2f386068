import {
  decodeBase64url,
  type Platform,
  parseQrCredential,
  presentQr,
  QR_DEFAULT_FRESHNESS_SECONDS,
  type Signer,
} from '@zhengzhao/core';
import { qrPurposeElements } from '../cards/card-view.js';
import { findCopy, getCard } from '../cards/find-copy.js';
import { logTransaction } from '../log/transaction-log.js';
import type { SealedRecords } from '../records/sealed-records.js';
import type { PurposeId, QrPresentation } from '../wallet-types.js';

/**
 * Issue 4 §5a: shows a card as an offline `ZZ1:` QR for `purpose`. Takes a fresh one-time QR
 * copy, signs the device proof over it with the device key (core `presentQr`: the timestamp
 * binds it to now, the verifier accepts it for {@link QR_DEFAULT_FRESHNESS_SECONDS}), and in
 * one atomic write deletes the copy (and any expired ones) and logs the transaction (channel
 * `qr`; the wallet cannot know who scans, so the verifier is `unknown`).
 */
export async function presentQrCopy(
  platform: Platform,
  records: SealedRecords,
  deviceSigner: Signer,
  cardId: string,
  purpose: PurposeId,
  now: Date,
): Promise<QrPresentation> {
  const card = await getCard(records, cardId);
  const found = await findCopy(records, card.cardId, 'zz1_qr', purpose, now);
  const credential = decodeBase64url(found.copy.credential);
  const text = await presentQr(platform, { credential, deviceSigner, now });
  const elements = [
    ...(qrPurposeElements(card.type, purpose) ?? [...parseQrCredential(credential).claims.claims.keys()].map(String)),
  ];
  const { write } = logTransaction(
    platform,
    { channel: 'qr', verifier: 'unknown', purpose, credentialType: card.type, credentialId: card.cardId, elements },
    now,
  );
  await records.write([
    { kind: 'credential', id: found.id },
    ...found.expiredIds.map((id) => ({ kind: 'credential' as const, id })),
    write,
  ]);
  return { text, expiresAt: new Date(now.getTime() + QR_DEFAULT_FRESHNESS_SECONDS * 1000), elements };
}
