import type { PublicKey } from '@zhengzhao/core';

/**
 * Contracts between the issuer's modules. The lifecycle side (persons, credentials, status
 * lists, registry events) implements them; the OpenID4VCI side (offers, tokens, proofs) calls
 * them. Either side is tested against fakes of the other.
 */

/** A credential configuration this issuer offers (OpenID4VCI `credential_configuration_id`). */
export type CredentialConfigurationId = string;

/** The resident e-ID's configurations (the default profile). */
export const CREDENTIAL_CONFIGURATION_IDS: readonly CredentialConfigurationId[] = [
  'eid_mdoc',
  'eid_sd_jwt',
  'eid_qr_hotel',
  'eid_qr_age_over_18',
];

/** One configuration of a {@link CredentialProfile}. */
export interface CredentialConfigurationSpec {
  readonly id: CredentialConfigurationId;
  readonly format: CredentialFormat;
  /** The QR purpose set of a `zz1_qr` configuration. */
  readonly qrPurpose?: string;
  /** False for short-lived credentials without a status list entry (the age QR). */
  readonly statusReference: boolean;
  /** Display suffix of the configuration, e.g. "（mdoc）". */
  readonly displaySuffix: { readonly 'zh-CN': string; readonly en: string };
}

/**
 * What an issuer issues: one credential type of the catalog and its configurations. The resident
 * e-ID issuer (public security) is the default; another kind of authority (human resources and
 * social security, say) runs the same code with its own type, keys and trust-list entry.
 */
export interface CredentialProfile {
  readonly typeId: string;
  readonly configurations: readonly CredentialConfigurationSpec[];
}

/** How a credential travels in an OpenID4VCI credential response. */
export type CredentialFormat = 'mso_mdoc' | 'dc+sd-jwt' | 'zz1_qr';

/** The state of a person's physical card, as the registry last told the issuer. */
export type CardState = 'active' | 'lost' | 'cancelled';

/** What the OpenID4VCI side may know about a person: an internal id and the card's state. */
export interface PersonSummary {
  /** Internal, opaque id (never the citizen number). */
  readonly personId: string;
  readonly cardState: CardState;
}

export interface PersonDirectory {
  /** The person whose CURRENT card has this number; undefined if none. */
  findByCardNumber(cardNumber: string): Promise<PersonSummary | undefined>;
  get(personId: string): Promise<PersonSummary | undefined>;
}

export interface IssueBatchRequest {
  readonly personId: string;
  /** The wallet (device) the batch is bound to; lost-phone suspension acts per wallet. */
  readonly walletId: string;
  readonly configurationId: CredentialConfigurationId;
  /** The wallet's device key, one per copy (a batch may reuse one key or carry one per proof). */
  readonly deviceKeys: readonly PublicKey[];
}

export interface IssuedCredential {
  readonly credentialId: string;
  readonly format: CredentialFormat;
  /**
   * As OpenID4VCI 1.0 §8.3 carries it: `mso_mdoc` = base64url(IssuerSigned CBOR), `dc+sd-jwt` =
   * the SD-JWT string, `zz1_qr` = base64url(compact credential COSE_Sign1).
   */
  readonly credential: string;
}

export interface IssuanceService {
  /**
   * Issues one credential per device key, each with its own salts, status index and signature.
   * Every row and status index is committed before this returns (nothing leaves the issuer
   * uncommitted). Refuses a person whose card is not active (`ERR_ISSUER_CARD_NOT_ACTIVE`).
   */
  issueBatch(request: IssueBatchRequest): Promise<IssuedCredential[]>;
}

/** What a holder's lost-device report changed. */
export interface WalletSuspension {
  /** Wallets (devices) suspended now; wallets already suspended are not counted. */
  readonly wallets: number;
  /** Credential copies whose status went from VALID to SUSPENDED. */
  readonly affected: number;
}

/**
 * Holder self-service on the wallets of a person (P2 §4, lost phone). The lifecycle side
 * implements it; the OpenID4VCI side calls it once the holder has re-proved the card.
 */
export interface WalletControl {
  /**
   * Suspends every active wallet of the person and their VALID copies (the holder at the counter
   * cannot tell which device was lost), in one transaction audited with actor `holder`; the
   * wallets are notified. A new activation then issues to the new device.
   * `ERR_ISSUER_PERSON_UNKNOWN` for an unknown person.
   */
  suspendAllWallets(personId: string, reason: string): Promise<WalletSuspension>;
  /**
   * The wallet's person and state, or undefined for an unknown wallet id (a wallet asking for a
   * fresh batch after a `refresh` notification, `POST /wallets/:walletId/offer`). Optional: an
   * issuer without it refuses those requests.
   */
  findWallet?(walletId: string): Promise<{ personId: string; state: 'active' | 'suspended' } | undefined>;
}

/** Paper credentials printed as signed layout documents (ADR 0010; modules/paper). */
export interface PaperCardPrinter {
  /**
   * Signs a paper credential for the person (its own status entry) and lays it out as a signed
   * PDF. `ERR_ISSUER_CARD_NOT_ACTIVE`, `ERR_ISSUER_PERSON_SUSPENDED` as for any issuance.
   */
  print(
    personId: string,
    purpose?: 'paper_basic' | 'paper_with_portrait',
  ): Promise<{ readonly paperCardId: string; readonly pdf: Uint8Array; readonly expiresAt: Date }>;
}
