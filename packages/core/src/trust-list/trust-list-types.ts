import type { LocalizedText } from '../catalog/credential-type.js';
import type { SuiteId } from '../platform/crypto-suite.js';

/**
 * The national trust list (DESIGN.md §2, Zhengzhao issue 6): one signed document naming every
 * issuing authority, credential type, registration profile and registered relying party, so that
 * a verifier pinning only the national root verifies every province's credentials offline. JSON,
 * snake_case like the other wire formats; signed as a compact JWS (`zz-trust-list+jwt`) or a
 * COSE_Sign1 whose payload is the same JSON bytes; `sequence` only ever increases.
 *
 * Relying parties are most of the list (10,000 or more): each names a shared registration profile
 * (why it asks and which elements it may ask for) instead of repeating it, and its own name
 * travels in its certificate's registration extension, signed by the national root (§7: a
 * counter verifies and indexes the whole list in ≤ 50 ms).
 */
export interface TrustList {
  readonly version: 1;
  /** Monotonically increasing: a verifier never accepts a lower number than it holds. */
  readonly sequence: number;
  /** RFC 3339 with a time zone. */
  readonly issued_at: string;
  /** RFC 3339; a list past it is refused (`ERR_TRUST_LIST_EXPIRED`). */
  readonly expires_at: string;
  readonly authorities: readonly TrustListAuthority[];
  readonly credential_types: readonly TrustListCredentialType[];
  /** What relying parties may be registered for; each party names one. Ids are unique. */
  readonly registration_profiles: readonly TrustListRegistrationProfile[];
  readonly relying_parties: readonly TrustListRelyingParty[];
}

/** An enrolled issuing authority (a provincial public-security department, a transport bureau…). */
export interface TrustListAuthority {
  /** Stable identifier, e.g. `cn-44-gat`. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Kind of authority, e.g. `public_security`, `transport`, `human_resources`: the catalog says which kinds may issue a type. */
  readonly kind: string;
  /** GB/T 2260 province-level code, e.g. `44`, when the authority is provincial. */
  readonly region?: string;
  readonly suite: SuiteId;
  /** IACA root certificates (PEM). */
  readonly iaca: readonly string[];
  /** Document-signer certificates (PEM) that compact credentials reference by kid; each under one of `iaca`. */
  readonly document_signers: readonly string[];
  /** Credential type ids the authority is enrolled for. */
  readonly credential_types: readonly string[];
  /** Where its status lists live (URL prefixes), so counters can fetch them ahead of time. */
  readonly status_lists: readonly string[];
  /** Removed from the registry at this moment (RFC 3339): credentials it signed from then on are refused. */
  readonly withdrawn_at?: string;
  /** Keys declared compromised: credentials signed with them from `since` on are refused. */
  readonly compromised_keys?: readonly TrustListCompromisedKey[];
}

export interface TrustListCompromisedKey {
  /** base64url SHA-256 of the DER of the compromised certificate (an IACA root or a document signer). */
  readonly certificate_sha256: string;
  /** RFC 3339. */
  readonly since: string;
}

/** A credential type of the catalog. */
export interface TrustListCredentialType {
  /** mdoc docType, SD-JWT vct and catalog typeId, e.g. `cn.gov.eid.1`. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Kinds of authority that may issue it. */
  readonly authority_kinds: readonly string[];
  /** Its schema: the elements it may carry. */
  readonly elements: readonly TrustListElement[];
}

export interface TrustListElement {
  readonly id: string;
  readonly value_type: string;
  readonly name: LocalizedText;
}

/** What a relying party is registered to ask for: credential type → namespace → element ids. */
export type RegisteredElements = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/**
 * A registration profile: one kind of registration shared by many relying parties (`hotel`
 * 旅馆住宿登记, `netcafe` 网吧实名上网, `gov-login` 政务服务登录…): why they ask and the elements
 * they may ask for. The list's profile, not a certificate's copy, is authoritative.
 */
export interface TrustListRegistrationProfile {
  /** Stable identifier, e.g. `hotel`. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly purpose: LocalizedText;
  readonly elements: RegisteredElements;
}

/**
 * A registered relying party (a hotel, a railway station, a website): its registration profile
 * and certificates. Its name is in its certificates' registration extension.
 */
export interface TrustListRelyingParty {
  readonly id: string;
  /** Id of one of the list's `registration_profiles`. */
  readonly profile: string;
  /** base64url SHA-256 of the DER of every reader / access certificate the registry issued it. */
  readonly certificates: readonly string[];
  /** De-registered at this moment (RFC 3339): wallets refuse its requests from then on. */
  readonly deregistered_at?: string;
}

/**
 * A relying party as a wallet or verifier shows it, for one of its certificates: its name from
 * the certificate (signed by the national root), its purpose and elements from the list's
 * registration profile (authoritative for what it may ask for).
 */
export interface RegisteredRelyingParty {
  readonly id: string;
  /** The registration profile's id. */
  readonly profile: string;
  /** From the certificate's registration extension. */
  readonly name: LocalizedText;
  /** From the list's registration profile. */
  readonly purpose: LocalizedText;
  /** From the list's registration profile: what it may ask for. */
  readonly elements: RegisteredElements;
}

/** JWS `typ` of the trust list. */
export const TRUST_LIST_JWS_TYPE = 'zz-trust-list+jwt';
/** COSE `typ` (header 16) of the trust list. */
export const TRUST_LIST_COSE_TYPE = 'application/zz-trust-list+cose';
/** HTTP media types of the two forms. */
export const TRUST_LIST_JWS_MEDIA_TYPE = 'application/zz-trust-list+jwt';
export const TRUST_LIST_COSE_MEDIA_TYPE = 'application/zz-trust-list+cose';
/** Largest signed trust list accepted (34 provinces and 10,000 relying parties take ≈ 1 MB). */
export const MAX_TRUST_LIST_BYTES = 32 * 1024 * 1024;
export const MAX_TRUST_LIST_AUTHORITIES = 1024;
export const MAX_TRUST_LIST_REGISTRATION_PROFILES = 4096;
export const MAX_TRUST_LIST_RELYING_PARTIES = 1_000_000;

/**
 * Object identifiers of the registry, under the UUID arc `2.25` (ITU-T X.667): a private arc
 * needing no registration, until a national OID is assigned.
 */
export const ZZ_OID_ARC = '2.25.339056296288765975801489833931187992269';
export const TRUST_REGISTRY_OID = {
  /** Extended key usage of the certificate that signs trust lists. */
  trustListSigner: `${ZZ_OID_ARC}.1`,
  /** Certificate extension carrying a relying party's registration (`RelyingPartyRegistration`, JSON in a UTF8String). */
  relyingPartyRegistration: `${ZZ_OID_ARC}.2`,
} as const;
