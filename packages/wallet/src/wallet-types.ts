import type { ErrorCode, Platform, Signer } from '@zhengzhao/core';
import type { WalletStore } from './store/wallet-store.js';

/**
 * The public types of the holder wallet engine. A UI (apps/wallet-web) drives a {@link Wallet};
 * nothing here touches the DOM. Every method is async, every failure is a `ZzError` with a
 * catalogue code (`ERR_WALLET_LOCKED`, `ERR_WALLET_PIN_INVALID`, …), and no error message carries
 * personal data.
 */

/** `uninitialised`: first run, call `setUp`; `locked`: call `unlockWith…`; `unlocked`: usable. */
export type WalletState = 'uninitialised' | 'locked' | 'unlocked';

/** An offline-QR purpose set (core catalog `QR_PURPOSES`): `hotel`, `age_over_18`, … */
export type PurposeId = string;

/** The fetch the wallet uses for the issuer (OpenID4VCI, notifications, status lists). */
export type WalletFetch = typeof fetch;

export interface CreateWalletOptions {
  /** `createWebPlatform()` in a browser, `createNodePlatform()` in tests. */
  readonly platform: Platform;
  /** `createIndexedDbWalletStore(name)` in a browser, `createMemoryWalletStore()` in tests. */
  readonly store: WalletStore;
  /** The time; default `() => new Date()`. Inject a fake clock in tests. */
  readonly clock?: () => Date;
  /** Default `globalThis.fetch`. */
  readonly fetch?: WalletFetch;
  /** Lock after this many seconds without `touch()` or any call; default 120. 0 disables. */
  readonly autoLockSeconds?: number;
  /** PBKDF2-SHA-256 iterations for a NEW PIN wrap (default 600,000; tests pass fewer). */
  readonly pinIterations?: number;
  /**
   * IACA roots (PEM) the wallet trusts for status-list tokens besides the certificate chain that
   * came with each credential. Without it, status lists are checked against the credential's own
   * chain (the x5chain the issuer signed the credential with).
   */
  readonly trustAnchorsPem?: readonly string[];
  /** How many one-time copies to ask per format (default: the issuer's `batch_size`). */
  readonly batchSize?: number;
  /** Preferred locale for issuer and credential display names; default `zh-CN`. */
  readonly locale?: string;
}

/** The WebAuthn PRF result the UI got from `navigator.credentials.create/get` (`prf.results.first`). */
export interface PrfInput {
  /** The WebAuthn credential id (`rawId`). */
  readonly credentialId: Uint8Array;
  /** The 32-byte PRF output for {@link Wallet.prfSalt}. */
  readonly output: Uint8Array;
}

/** What a credential offer asks of the holder before `acceptOffer`. */
export interface OfferPreview {
  /** The Credential Issuer Identifier (https URL). */
  readonly credentialIssuer: string;
  /** The issuer's display name (metadata `display`), in the preferred locale; else its host. */
  readonly issuerName: string;
  /** Every display name by locale (`zh-CN`, `en`). */
  readonly issuerNames: Readonly<Record<string, string>>;
  /** The offered configurations this wallet knows how to store. */
  readonly credentials: readonly OfferedCredential[];
  /** Present when the holder must type a transaction code (OpenID4VCI 1.0 §4.1.1 `tx_code`). */
  readonly txCode?: {
    readonly inputMode: 'numeric' | 'text';
    readonly length?: number;
    readonly description?: string;
  };
}

export interface OfferedCredential {
  readonly configurationId: string;
  /** `mso_mdoc`, `dc+sd-jwt` or `zz1_qr`. */
  readonly format: string;
  /** The credential type (`cn.gov.eid.1`). */
  readonly type: string;
  /** The QR purpose for `zz1_qr`. */
  readonly purpose?: PurposeId;
  /** Display name in the preferred locale. */
  readonly name: string;
}

/** A credential as stored after `acceptOffer` or `sync`. */
export interface StoredCredentialSummary {
  /** The logical card id (stable across copies, changes on re-issue). */
  readonly credentialId: string;
  readonly type: string;
  readonly issuer: string;
  readonly copies: CopyCounts;
}

/** One-time copies left, per format. `qr` is per purpose. */
export interface CopyCounts {
  readonly mdoc: number;
  readonly sdJwt: number;
  readonly qr: Readonly<Record<PurposeId, number>>;
}

export type CredentialStatusValue = 'valid' | 'suspended' | 'revoked' | 'unknown';

export interface CredentialStatusView {
  readonly value: CredentialStatusValue;
  /** When the status list this value came from was fetched and verified; absent if never. */
  readonly checkedAt?: Date;
}

/** The claims a card shows. All optional: a credential type may lack some. */
export interface DisplayClaims {
  readonly fullName?: string;
  /** GB/T 2261.1: 1 male, 2 female. */
  readonly sex?: number;
  /** GB/T 3304 code ("01" = 汉). */
  readonly ethnicity?: string;
  /** The ethnicity's name in zh-CN, when the code is known. */
  readonly ethnicityName?: string;
  readonly birthDate?: string;
  readonly residentAddress?: string;
  readonly idNumber?: string;
  readonly issuingAuthority?: string;
  readonly issueDate?: string;
  /** `9999-12-31` means 长期 (long-term). */
  readonly expiryDate?: string;
  /** JPEG bytes. */
  readonly portrait?: Uint8Array;
  /** `data:image/jpeg;base64,…` for an `<img src>`. */
  readonly portraitDataUrl?: string;
}

/** One logical card: N one-time copies in several formats, shown once. */
export interface CredentialView {
  readonly credentialId: string;
  /** `cn.gov.eid.1`. */
  readonly type: string;
  /** Display name of the type (zh-CN and en). */
  readonly typeNames: Readonly<Record<string, string>>;
  readonly issuer: { readonly url: string; readonly name: string };
  readonly claims: DisplayClaims;
  /** Every claim by element id (the raw values), for a detail screen. */
  readonly elements: Readonly<Record<string, string | number | boolean | Uint8Array>>;
  /** Validity of the copies (MSO `validityInfo`): from / until. */
  readonly validFrom?: Date;
  readonly validUntil?: Date;
  readonly copies: CopyCounts;
  /** The QR purposes this card can present now (copies left). */
  readonly qrPurposes: readonly PurposeId[];
  readonly status: CredentialStatusView;
  readonly receivedAt: Date;
}

export interface SyncResult {
  /** Notifications read from the issuer(s), oldest first (`refresh`, `suspended`, `resumed`, `revoked`). */
  readonly notifications: readonly { readonly type: string; readonly createdAt: Date }[];
  /** Cards replaced by a fresh batch (`refresh`). */
  readonly reissued: number;
  /** Cards removed from the wallet (revoked, or replaced). */
  readonly removed: number;
  /** The issuer's view of this wallet: `suspended` after a lost-device report. */
  readonly walletState: 'active' | 'suspended' | 'unknown';
  /** Issuers that could not be synced now (offline, refused); tried again at the next sync. */
  readonly errors: readonly { readonly issuer: string; readonly code: ErrorCode }[];
}

export type TransactionChannel = 'qr' | 'proximity' | 'online' | 'share';

/** One presentation, for the holder's log: WHAT was shown to WHOM — never the values. */
export interface TransactionEntry {
  readonly id: string;
  readonly at: Date;
  readonly channel: TransactionChannel;
  /** The verifier's name if known (reader certificate, client id), else `unknown`. */
  readonly verifier: string;
  readonly verifierOrganisation?: string;
  /** A QR purpose id or a free text (the OpenID4VP client's purpose). */
  readonly purpose: string;
  readonly credentialType: string;
  readonly credentialId: string;
  /** Element identifiers disclosed (`full_name`, `age_over_18`, …). */
  readonly elements: readonly string[];
}

/** Input of {@link Wallet.recordTransaction}: the wallet adds `id` and `at`. */
export type NewTransaction = Omit<TransactionEntry, 'id' | 'at'>;

export interface QrPresentation {
  /** The `ZZ1:` text to render as a QR code. */
  readonly text: string;
  /** When a verifier stops accepting it (freshness window). */
  readonly expiresAt: Date;
  /** Element identifiers the QR discloses. */
  readonly elements: readonly string[];
}

/** One unused copy handed to a presentation protocol (marked used when handed out). */
export interface TakenCopy {
  readonly credentialId: string;
  readonly type: string;
  /** `mso_mdoc`: base64url CBOR `IssuerSigned` as issued; `dc+sd-jwt`: the SD-JWT string. */
  readonly format: 'mso_mdoc' | 'dc+sd-jwt';
  readonly credential: string;
  /** Copies of this format left after this one. */
  readonly remaining: number;
}

/**
 * What the holder types to prove the card (`activateWithCard`, `reportLostDevice`): the card
 * number and the one-time activation code the registry clerk showed them (the SMS stand-in).
 */
export interface CardProof {
  /** The issuer's Credential Issuer Identifier: https, or http on the loopback interface (demo). */
  readonly issuerUrl: string;
  /** As printed on the card or the activation slip (`44C3F9A0B1C2D3E4F5`); spaces are dropped. */
  readonly cardNumber: string;
  /** 8 digits, valid once and for minutes; spaces are dropped. */
  readonly activationCode: string;
  /** Default `globalThis.fetch`. */
  readonly fetch?: WalletFetch;
  /** Give up after this many milliseconds (default 20,000; at most 120,000): `ERR_WALLET_SYNC_FAILED`. */
  readonly timeoutMs?: number;
}

/** `activateWithCard` input: what the holder types on the phone that will hold the card. */
export type ActivateWithCardInput = CardProof;

/** A credential offer the issuer handed out, and the tx_code that goes with it. */
export interface IssuedOffer {
  /** The offer link (`openid-credential-offer://?credential_offer=…`) for `previewOffer` / `acceptOffer`. */
  readonly offer: string;
  /** The transaction code the issuer sent with it (pass to `acceptOffer`); absent if none. */
  readonly txCode?: string;
}

/** `reportLostDevice` input: what the holder types on ANOTHER device (a fresh activation code). */
export type LostDeviceReport = CardProof;

export interface LostDeviceResult {
  readonly suspendedWallets: number;
  readonly suspendedCredentials: number;
}

/** The holder wallet engine. */
export interface Wallet {
  readonly state: WalletState;
  /**
   * The wallet id the issuer knows this wallet by (RFC 7638 thumbprint of the device key);
   * available once set up.
   */
  walletId(): Promise<string>;

  /** First run: creates the data key, the device key and the unlock wraps; leaves it unlocked. */
  setUp(input: { pin: string; prf?: PrfInput }): Promise<void>;
  /** Adds (or replaces) a WebAuthn PRF unlock. Needs `unlocked`. */
  addPrf(input: PrfInput): Promise<void>;
  /** The credential ids to pass as `allowCredentials` to `navigator.credentials.get`. */
  prfCredentialIds(): Promise<Uint8Array[]>;
  /**
   * The PRF `eval.first` salt the UI must pass (32 bytes, random per wallet). Available before
   * `setUp` too (the UI needs it to create the WebAuthn credential); `setUp` keeps the same one.
   */
  prfSalt(): Promise<Uint8Array>;
  unlockWithPrf(output: Uint8Array): Promise<void>;
  /** Wrong PIN → `ERR_WALLET_PIN_INVALID`; too soon after failures → `ERR_WALLET_UNLOCK_THROTTLED`. */
  unlockWithPin(pin: string): Promise<void>;
  /** Seconds until the next PIN attempt is allowed (0 = now). */
  pinRetryDelaySeconds(): Promise<number>;
  /** Changes the PIN. Needs `unlocked`. */
  changePin(newPin: string): Promise<void>;
  lock(): void;
  /** Resets the inactivity timer (call on user interaction). */
  touch(): void;
  /** Called whenever `state` changes (lock, unlock, auto-lock). Returns an unsubscribe function. */
  onStateChange(listener: (state: WalletState) => void): () => void;

  previewOffer(offer: string): Promise<OfferPreview>;
  acceptOffer(offer: string, txCode?: string): Promise<StoredCredentialSummary[]>;
  credentials(): Promise<CredentialView[]>;
  /** Removes a card and all its copies. */
  deleteCredential(credentialId: string): Promise<void>;
  refreshStatus(): Promise<void>;
  sync(): Promise<SyncResult>;

  /** The QR purposes `credentialId` can present now. */
  qrPurposes(credentialId: string): Promise<readonly { id: PurposeId; elements: readonly string[] }[]>;
  presentQr(credentialId: string, purpose: PurposeId): Promise<QrPresentation>;

  /** The presentation log, newest first. */
  transactions(): Promise<TransactionEntry[]>;
  /** The log as a JSON document (still no claim values). */
  exportTransactions(): Promise<string>;
  /** Erases everything (keys, cards, log) in any state: back to `uninitialised`. */
  reset(): Promise<void>;

  // --- for the presentation protocols (src/present: proximity and OpenID4VP) ---
  /** The device key as a core `Signer` (non-extractable). Needs `unlocked`. */
  deviceSigner(): Promise<Signer>;
  /**
   * Hands out one unused, unexpired copy of `format` and deletes it from the wallet (a one-time
   * copy is never shown twice); `ERR_WALLET_NO_COPIES_LEFT` when none is left (sync for more).
   * Log the presentation with `recordTransaction` once it was sent.
   */
  takeCopy(credentialId: string, format: 'mso_mdoc' | 'dc+sd-jwt'): Promise<TakenCopy>;
  /** Logs a presentation (element identifiers only; a value is refused with `ERR_INPUT_INVALID`). */
  recordTransaction(entry: NewTransaction): Promise<TransactionEntry>;
  /** The platform the wallet was created with. */
  readonly platform: Platform;
}
