import { type IssuerContext, inTransaction, lockRows, newSortableId } from '../../context.js';
import { appendAuditEntry } from '../audit/audit-repository.js';
import { CREDENTIAL_STATUS, setCredentialStatus } from '../credentials/credential-repository.js';
import { getPerson } from '../persons/person-repository.js';
import type { WalletControl } from '../ports.js';
import { addNotifications, findWallet, listWalletIdsOfPerson, setWalletState } from './wallet-repository.js';

/** The audit actor and role of holder self-service. */
export const HOLDER_ACTOR = 'holder';

/**
 * The {@link WalletControl} port (lost phone, holder self-service): in one transaction, every
 * active wallet of the person → suspended, their VALID copies → SUSPENDED (the status lists
 * change once it committed), a `suspended` notification per wallet, an audit entry per wallet
 * (`wallet.suspend`) and one for the person (`person.lost_device`), all with actor `holder`.
 * Credentials stay suspended until a clerk resumes the wallet (the phone was found).
 * `findWallet` answers the OpenID4VCI side's refresh requests.
 */
export function createWalletControl(context: IssuerContext): WalletControl {
  return {
    suspendAllWallets: (personId, reason) =>
      inTransaction(context, async (tx, changes) => {
        const now = context.clock();
        await getPerson(tx, personId, { forUpdate: lockRows(context) });
        const walletIds = await listWalletIdsOfPerson(tx, personId, 'active');
        let affected = 0;
        const audit = (action: string, targetType: 'person' | 'wallet', targetId: string) =>
          appendAuditEntry(tx, {
            id: newSortableId(context, 'au', now),
            at: now,
            actor: HOLDER_ACTOR,
            role: HOLDER_ACTOR,
            action,
            targetType,
            targetId,
            reason,
            outcome: 'ok',
          });
        for (const walletId of walletIds) {
          await setWalletState(tx, walletId, 'suspended');
          affected += await setCredentialStatus(
            tx,
            { walletId, from: [CREDENTIAL_STATUS.valid] },
            CREDENTIAL_STATUS.suspended,
            changes,
          );
          await audit('wallet.suspend', 'wallet', walletId);
        }
        await addNotifications(
          tx,
          walletIds.map((walletId) => ({
            notificationId: newSortableId(context, 'nt', now),
            walletId,
            type: 'suspended',
          })),
          now,
        );
        await audit('person.lost_device', 'person', personId);
        return { wallets: walletIds.length, affected };
      }),
    async findWallet(walletId) {
      const wallet = await findWallet(context.db, walletId);
      return wallet ? { personId: wallet.personId, state: wallet.state } : undefined;
    },
  };
}
