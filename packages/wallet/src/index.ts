/**
 * @zhengzhao/wallet — the holder wallet engine (Zhengzhao issue 4): a vault encrypted at rest and
 * unlocked by a WebAuthn PRF output or a PIN, a non-extractable device key, OpenID4VCI receive,
 * status lists cached for offline, sync with the issuer, offline QR, a transaction log, and the
 * presentation protocols (ISO 18013-5 proximity over the relay, OpenID4VP). No DOM, no React:
 * the UI (apps/wallet-web) is a thin layer over `createWallet`.
 */
export { activateWithCard } from './activate-with-card.js';
export { createWallet } from './create-wallet.js';
export { IssuerRefusal, retryAfterSeconds } from './issuer/issuer-refusal.js';
export * from './present/index.js';
export { reportLostDevice } from './report-lost-device.js';
export * from './share/index.js';
export { createIndexedDbWalletStore } from './store/create-indexed-db-wallet-store.js';
export { createMemoryWalletStore, type MemoryWalletStore } from './store/create-memory-wallet-store.js';
export type { WalletRecord, WalletRecordKind, WalletStore, WalletWrite } from './store/wallet-store.js';
export { DEFAULT_PIN_ITERATIONS } from './vault/vault-constants.js';
export type * from './wallet-types.js';
