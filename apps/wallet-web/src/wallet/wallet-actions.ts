import type {
  CredentialView,
  IssuedOffer,
  OfferPreview,
  PresentationRequest,
  PresentationResult,
  ProximityRequest,
  ProximitySession,
  QrPresentation,
  StoredCredentialSummary,
  SyncResult,
  TransactionEntry,
  Wallet,
} from '@zhengzhao/wallet';
import { activateCard } from './activate-card.js';
import type { AppConfig } from './app-config.js';
import { enrolBiometrics, hasBiometrics, verifyWithBiometrics } from './biometrics.js';
import { confirmPresence } from './confirm-presence.js';
import { approveOnline, declineOnline, matchOnline, type OnlineMatch, readOnlineRequest } from './online.js';
import { approveProximity, startProximity } from './proximity.js';
import { reportLostPhone } from './report-lost-phone.js';
import { createShareActions, type ShareActions } from './share.js';

/**
 * Everything the screens ask of the wallet engine, in one place: the screens hold no engine
 * handle, only these actions (so the engine's API is adapted here and nowhere else).
 */
export interface WalletActions extends ShareActions {
  setUp(pin: string): Promise<void>;
  /** Enrols the fingerprint/face (WebAuthn PRF) on the open wallet; `rpName` is shown by the phone. */
  enrolBiometrics(rpName: string): Promise<void>;
  hasBiometrics(): Promise<boolean>;
  unlockWithBiometrics(): Promise<void>;
  unlockWithPin(pin: string): Promise<void>;
  pinRetryDelaySeconds(): Promise<number>;
  /** Fingerprint/face or PIN, checked against the vault, before a presentation. */
  confirmPresence(method: { pin: string } | 'biometric'): Promise<void>;
  lock(): void;

  cards(): Promise<CredentialView[]>;
  /** Notifications from the issuer (re-issue, suspension, revocation), then fresh status lists. */
  sync(): Promise<SyncResult>;
  /** The card number and the clerk's one-time activation code → an offer and its tx_code (issuer `POST /activation`). */
  activateWithCard(input: { issuerUrl: string; cardNumber: string; activationCode: string }): Promise<IssuedOffer>;
  previewOffer(offer: string): Promise<OfferPreview>;
  acceptOffer(offer: string, txCode?: string): Promise<StoredCredentialSummary[]>;
  presentQr(cardId: string, purpose: string): Promise<QrPresentation>;

  startProximity(): Promise<ProximitySession>;
  approveProximity(session: ProximitySession, request: ProximityRequest, keys: readonly string[]): Promise<void>;
  /** Reads and verifies an OpenID4VP request and matches it to the held cards. */
  readOnlineRequest(input: string): Promise<{ request: PresentationRequest; matches: OnlineMatch[] }>;
  approveOnline(
    request: PresentationRequest,
    matches: readonly OnlineMatch[],
    keys: readonly string[],
  ): Promise<PresentationResult>;
  declineOnline(request: PresentationRequest): Promise<PresentationResult>;

  transactions(): Promise<TransactionEntry[]>;
  exportTransactions(): Promise<string>;
  reportLostPhone(input: {
    issuerUrl: string;
    cardNumber: string;
    activationCode: string;
  }): Promise<{ suspendedWallets: number; suspendedCredentials: number }>;
}

export function createWalletActions(wallet: Wallet, config: AppConfig): WalletActions {
  return {
    ...createShareActions(wallet, config),
    setUp: (pin) => wallet.setUp({ pin }),
    enrolBiometrics: (rpName) => enrolBiometrics(wallet, rpName),
    hasBiometrics: () => hasBiometrics(wallet),
    unlockWithBiometrics: () => verifyWithBiometrics(wallet),
    unlockWithPin: (pin) => wallet.unlockWithPin(pin),
    pinRetryDelaySeconds: () => wallet.pinRetryDelaySeconds().catch(() => 0),
    confirmPresence: (method) => confirmPresence(wallet, config, method),
    lock: () => wallet.lock(),

    cards: () => wallet.credentials(),
    async sync() {
      const result = await wallet.sync();
      await wallet.refreshStatus();
      return result;
    },
    activateWithCard: (input) => activateCard(input),
    previewOffer: (offer) => wallet.previewOffer(offer),
    acceptOffer: (offer, txCode) => wallet.acceptOffer(offer, txCode),
    presentQr: (cardId, purpose) => wallet.presentQr(cardId, purpose),

    startProximity: () => startProximity(wallet, config),
    approveProximity: (session, request, keys) => approveProximity(wallet, session, request, keys),
    async readOnlineRequest(input) {
      const request = await readOnlineRequest(wallet, config, input);
      return { request, matches: matchOnline(request, await wallet.credentials()) };
    },
    approveOnline: (request, matches, keys) => approveOnline(wallet, request, matches, keys),
    declineOnline: (request) => declineOnline(request),

    transactions: () => wallet.transactions(),
    exportTransactions: () => wallet.exportTransactions(),
    reportLostPhone: (input) => reportLostPhone(input),
  };
}
