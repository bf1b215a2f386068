import { ZzError } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import { type IssuerContext, inTransaction, lockRows, newSortableId } from '../../context.js';
import type { IssuerDatabase } from '../../db/schema.js';
import { appendAuditEntry } from '../audit/audit-repository.js';
import { CREDENTIAL_STATUS, setCredentialStatus } from '../credentials/credential-repository.js';
import { getPerson, setPersonSuspended } from '../persons/person-repository.js';
import type { StatusChange } from '../status/status-repository.js';
import {
  addNotifications,
  getWallet,
  listWalletIdsOfPerson,
  setWalletState,
  type WalletNotificationType,
} from '../wallets/wallet-repository.js';
import type { AdminAction, AdminPrincipal } from './admin-auth.js';

/** The result of a lifecycle action: how many credential copies changed status. */
export interface LifecycleResult {
  readonly affected: number;
}

/**
 * Suspend / resume / revoke per person and per wallet (device), each with a reason, each
 * committed in one transaction together with its audit entry (DESIGN.md §6.6, M9):
 * - person suspend: an administrative hold; every VALID copy → SUSPENDED, issuance refused;
 * - person resume: lifts the hold; SUSPENDED copies on active wallets → VALID (only while the
 *   card is active: a lost card stays suspended until the registry's replacement);
 * - person revoke: every live copy → INVALID, for good (a new batch may follow);
 * - wallet suspend (lost phone): the wallet is suspended and its VALID copies → SUSPENDED;
 * - wallet resume: back to active, its SUSPENDED copies → VALID (card active, no person hold).
 */
export interface LifecycleService {
  suspendPerson(personId: string, by: AdminPrincipal, reason: string): Promise<LifecycleResult>;
  resumePerson(personId: string, by: AdminPrincipal, reason: string): Promise<LifecycleResult>;
  revokePerson(personId: string, by: AdminPrincipal, reason: string): Promise<LifecycleResult>;
  suspendWallet(walletId: string, by: AdminPrincipal, reason: string): Promise<LifecycleResult>;
  resumeWallet(walletId: string, by: AdminPrincipal, reason: string): Promise<LifecycleResult>;
  /** Revokes one printed paper card (a lost or withdrawn print); the person's other credentials stay. */
  revokePaperCard(paperCardId: string, by: AdminPrincipal, reason: string): Promise<LifecycleResult>;
}

export function createLifecycleService(context: IssuerContext): LifecycleService {
  const lock = { forUpdate: lockRows(context) };

  const run = (
    action: AdminAction,
    target: { type: 'person' | 'wallet' | 'paper_card'; id: string },
    by: AdminPrincipal,
    reason: string,
    work: (tx: Kysely<IssuerDatabase>, changes: StatusChange[], now: Date) => Promise<number>,
  ): Promise<LifecycleResult> =>
    inTransaction(context, async (tx, changes) => {
      const now = context.clock();
      const affected = await work(tx, changes, now);
      await appendAuditEntry(tx, {
        id: newSortableId(context, 'au', now),
        at: now,
        actor: by.actor,
        role: by.role,
        action,
        targetType: target.type,
        targetId: target.id,
        reason,
        outcome: 'ok',
      });
      return { affected };
    });

  const notify = async (tx: Kysely<IssuerDatabase>, walletIds: string[], type: WalletNotificationType, now: Date) =>
    addNotifications(
      tx,
      walletIds.map((walletId) => ({ notificationId: newSortableId(context, 'nt', now), walletId, type })),
      now,
    );

  return {
    suspendPerson: (personId, by, reason) =>
      run('person.suspend', { type: 'person', id: personId }, by, reason, async (tx, changes, now) => {
        await getPerson(tx, personId, lock);
        await setPersonSuspended(tx, personId, true, now);
        const n = await setCredentialStatus(
          tx,
          { personId, from: [CREDENTIAL_STATUS.valid] },
          CREDENTIAL_STATUS.suspended,
          changes,
        );
        await notify(tx, await listWalletIdsOfPerson(tx, personId, 'active'), 'suspended', now);
        return n;
      }),

    resumePerson: (personId, by, reason) =>
      run('person.resume', { type: 'person', id: personId }, by, reason, async (tx, changes, now) => {
        const person = await getPerson(tx, personId, lock);
        if (person.cardState !== 'active') {
          throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE', 'The card is not active; nothing can be resumed');
        }
        await setPersonSuspended(tx, personId, false, now);
        const n = await setCredentialStatus(
          tx,
          { personId, from: [CREDENTIAL_STATUS.suspended], activeWalletsOnly: true },
          CREDENTIAL_STATUS.valid,
          changes,
        );
        await notify(tx, await listWalletIdsOfPerson(tx, personId, 'active'), 'resumed', now);
        return n;
      }),

    revokePerson: (personId, by, reason) =>
      run('person.revoke', { type: 'person', id: personId }, by, reason, async (tx, changes, now) => {
        await getPerson(tx, personId, lock);
        const n = await setCredentialStatus(
          tx,
          { personId, from: [CREDENTIAL_STATUS.valid, CREDENTIAL_STATUS.suspended] },
          CREDENTIAL_STATUS.invalid,
          changes,
        );
        await notify(tx, await listWalletIdsOfPerson(tx, personId, 'active'), 'revoked', now);
        return n;
      }),

    suspendWallet: (walletId, by, reason) =>
      run('wallet.suspend', { type: 'wallet', id: walletId }, by, reason, async (tx, changes, now) => {
        await getWallet(tx, walletId, lock);
        await setWalletState(tx, walletId, 'suspended');
        const n = await setCredentialStatus(
          tx,
          { walletId, from: [CREDENTIAL_STATUS.valid] },
          CREDENTIAL_STATUS.suspended,
          changes,
        );
        await notify(tx, [walletId], 'suspended', now);
        return n;
      }),

    resumeWallet: (walletId, by, reason) =>
      run('wallet.resume', { type: 'wallet', id: walletId }, by, reason, async (tx, changes, now) => {
        const wallet = await getWallet(tx, walletId, lock);
        const person = await getPerson(tx, wallet.personId, lock);
        if (person.cardState !== 'active') throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE', 'The card is not active');
        if (person.suspended) throw new ZzError('ERR_ISSUER_PERSON_SUSPENDED', 'The person is suspended');
        await setWalletState(tx, walletId, 'active');
        const n = await setCredentialStatus(
          tx,
          { walletId, from: [CREDENTIAL_STATUS.suspended] },
          CREDENTIAL_STATUS.valid,
          changes,
        );
        await notify(tx, [walletId], 'resumed', now);
        return n;
      }),

    revokePaperCard: (paperCardId, by, reason) =>
      run('paper_card.revoke', { type: 'paper_card', id: paperCardId }, by, reason, async (tx, changes) => {
        const row = await tx
          .updateTable('paper_cards')
          .set({ status: CREDENTIAL_STATUS.invalid })
          .where('paper_card_id', '=', paperCardId)
          .where('status', '!=', CREDENTIAL_STATUS.invalid)
          .returning(['status_shard', 'status_index'])
          .executeTakeFirst();
        if (!row) {
          const known = await tx
            .selectFrom('paper_cards')
            .select('paper_card_id')
            .where('paper_card_id', '=', paperCardId)
            .executeTakeFirst();
          if (!known) throw new ZzError('ERR_ISSUER_PAPER_CARD_UNKNOWN', 'No paper card with this id');
          return 0;
        }
        changes.push({ shardId: row.status_shard, index: Number(row.status_index), status: CREDENTIAL_STATUS.invalid });
        return 1;
      }),
  };
}
