import { encodeBase64url } from '@zhengzhao/core';
import { type CardEvent, carriesCard, residentIdClaimsOf } from '@zhengzhao/registry';
import type { Kysely } from 'kysely';
import { type IssuerContext, newSortableId } from '../../context.js';
import type { IssuerDatabase } from '../../db/schema.js';
import { CREDENTIAL_STATUS, setCredentialStatus } from '../credentials/credential-repository.js';
import type { PersonRecord, StoredClaims } from '../persons/person-repository.js';
import { savePerson } from '../persons/person-repository.js';
import type { StatusChange } from '../status/status-repository.js';
import { addNotifications, listWalletIdsOfPerson, type WalletNotificationType } from '../wallets/wallet-repository.js';
import type { InboxOutcome } from './inbox-repository.js';

const LIVE = [CREDENTIAL_STATUS.valid, CREDENTIAL_STATUS.suspended];

/** The stored form of an event's claims: catalog element names, portrait as base64url. */
export function storedClaimsOf(event: CardEvent): StoredClaims | null {
  if (!carriesCard(event)) return null;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(residentIdClaimsOf(event))) {
    out[key] = value instanceof Uint8Array ? encodeBase64url(value) : value;
  }
  return out;
}

/**
 * Applies one registry event for a person inside the caller's transaction (DESIGN.md M1,
 * 同步制发、变更和注销). The event is the person's next in sequence; the caller marks it processed
 * in the same transaction.
 *
 * - `card.issued`: the person exists with an active card and may activate a wallet. When it
 *   replaces an earlier card (reported lost), the old credentials are REVOKED — suspended ones
 *   are not resumed — and the bound wallets are told to fetch a fresh batch.
 * - `card.changed`, `card.renewed`: new claims and card number; every live credential REVOKED,
 *   wallets told to refresh.
 * - `card.reported_lost`: every valid credential SUSPENDED.
 * - `card.cancelled`: every live credential REVOKED; the person is cancelled for good and later
 *   events are recorded but change nothing.
 */
export async function applyCardEvent(
  tx: Kysely<IssuerDatabase>,
  context: Pick<IssuerContext, 'random'>,
  person: PersonRecord | undefined,
  event: CardEvent,
  changes: StatusChange[],
  now: Date,
): Promise<InboxOutcome> {
  const base: PersonRecord = person ?? {
    personId: event.personId,
    provinceCode: event.provinceCode,
    cardNumber: null,
    cardState: 'active',
    suspended: false,
    claims: null,
    lastSequence: 0,
    createdAt: now,
    updatedAt: now,
  };
  const next = { ...base, lastSequence: event.sequence, updatedAt: now };
  const notify = async (type: WalletNotificationType) => {
    const wallets = await listWalletIdsOfPerson(tx, event.personId, 'active');
    await addNotifications(
      tx,
      wallets.map((walletId) => ({ notificationId: newSortableId(context, 'nt', now), walletId, type })),
      now,
    );
  };

  if (person?.cardState === 'cancelled') {
    await savePerson(tx, next, false);
    return 'ignored';
  }
  let updated: PersonRecord;
  switch (event.type) {
    case 'card.issued':
    case 'card.changed':
    case 'card.renewed': {
      updated = {
        ...next,
        provinceCode: event.provinceCode,
        cardNumber: event.payload.card.cardNumber,
        cardState: 'active',
        claims: storedClaimsOf(event),
      };
      if (person) {
        // the old card's credentials die with it; a new batch carries the new card
        await savePerson(tx, updated, false);
        const revoked = await setCredentialStatus(
          tx,
          { personId: event.personId, from: LIVE },
          CREDENTIAL_STATUS.invalid,
          changes,
        );
        if (revoked > 0 || event.type !== 'card.issued' || person.cardState !== 'active') await notify('refresh');
        return 'applied';
      }
      break;
    }
    case 'card.reported_lost':
      updated = { ...next, cardNumber: person?.cardNumber ?? event.payload.cardNumber, cardState: 'lost' };
      if (person) {
        await savePerson(tx, updated, false);
        await setCredentialStatus(
          tx,
          { personId: event.personId, from: [CREDENTIAL_STATUS.valid] },
          CREDENTIAL_STATUS.suspended,
          changes,
        );
        await notify('suspended');
        return 'applied';
      }
      break;
    case 'card.cancelled':
      updated = { ...next, cardNumber: person?.cardNumber ?? event.payload.cardNumber, cardState: 'cancelled' };
      if (person) {
        await savePerson(tx, updated, false);
        await setCredentialStatus(tx, { personId: event.personId, from: LIVE }, CREDENTIAL_STATUS.invalid, changes);
        await notify('revoked');
        return 'applied';
      }
      break;
  }
  await savePerson(tx, updated, true);
  return 'applied';
}
