import {
  type CheckedAccessLog,
  createIndexedDbWalletStore,
  createShareClient,
  type ShareClient,
  type ShareConsent,
  type ShareRegistration,
  type ShareRequest,
  type Wallet,
} from '@zhengzhao/wallet';
import type { AppConfig } from './app-config.js';
import { WALLET_DATABASE } from './open-wallet.js';

const clients = new WeakMap<Wallet, Promise<ShareClient>>();

/** The wallet's client of the configured sharing service (one per engine). */
function shareClient(wallet: Wallet, config: AppConfig): Promise<ShareClient> {
  const shareUrl = config.shareUrl;
  if (!shareUrl) return Promise.reject(new Error('No sharing service configured'));
  let client = clients.get(wallet);
  if (!client) {
    client = createIndexedDbWalletStore(WALLET_DATABASE).then((store) =>
      createShareClient({ wallet, store, shareUrl }),
    );
    clients.set(wallet, client);
  }
  return client;
}

/** The sharing screen's view: registration, requests, consents and the checked log. */
export interface ShareActions {
  shareRegister(): Promise<ShareRegistration>;
  shareRequests(): Promise<ShareRequest[]>;
  shareApprove(request: ShareRequest, credentialId: string, standingDays?: number): Promise<ShareConsent>;
  shareRefuse(request: ShareRequest): Promise<void>;
  shareConsents(): Promise<ShareConsent[]>;
  shareRevoke(consentId: string): Promise<ShareConsent>;
  shareAccessLog(): Promise<CheckedAccessLog>;
}

export function createShareActions(wallet: Wallet, config: AppConfig): ShareActions {
  const client = () => shareClient(wallet, config);
  return {
    shareRegister: async () => (await client()).register(),
    shareRequests: async () => (await client()).requests(),
    async shareApprove(request, credentialId, standingDays) {
      return (await client()).approve(request, {
        credentialId,
        // the card's signed layout document (PDF) from its issuer travels with the release
        layoutDocument: 'fromIssuer',
        ...(standingDays
          ? { kind: 'standing' as const, until: new Date(Date.now() + standingDays * 86_400_000) }
          : { kind: 'once' as const }),
      });
    },
    shareRefuse: async (request) => (await client()).refuse(request),
    shareConsents: async () => (await client()).consents(),
    shareRevoke: async (consentId) => (await client()).revoke(consentId),
    shareAccessLog: async () => (await client()).accessLog(),
  };
}
