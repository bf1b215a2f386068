import type { LocalizedText } from '../catalog/credential-type.js';
import type { SuiteId } from '../platform/crypto-suite.js';

/**
 * The national trust list (DESIGN.md §2, Zhengzhao issue 6): one signed document naming every
 * issuing authority, credential type and registered relying party, so that a verifier pinning
 * only the national root verifies every province's credentials offline. JSON, snake_case like
 * the other wire formats; signed as a compact JWS (`zz-trust-list+jwt`) or a COSE_Sign1 whose
 * payload is the same JSON bytes; `sequence` only ever increases.
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

/** A registered relying party (a hotel chain, a railway station, a website). */
export interface TrustListRelyingParty {
  readonly id: string;
  readonly name: LocalizedText;
  readonly purpose: LocalizedText;
  /** base64url SHA-256 of the DER of every reader / access certificate the registry issued it. */
  readonly certificates: readonly string[];
  readonly elements: RegisteredElements;
  /** De-registered at this moment (RFC 3339): wallets refuse its requests from then on. */
  readonly deregistered_at?: string;
}

/** JWS `typ` of the trust list. */
export const TRUST_LIST_JWS_TYPE = 'zz-trust-list+jwt';
/** COSE `typ` (header 16) of the trust list. */
export const TRUST_LIST_COSE_TYPE = 'application/zz-trust-list+cose';
/** HTTP media types of the two forms. */
export const TRUST_LIST_JWS_MEDIA_TYPE = 'application/zz-trust-list+jwt';
export const TRUST_LIST_COSE_MEDIA_TYPE = 'application/zz-trust-list+cose';
/** Largest signed trust list accepted (34 provinces and 10,000 relying parties take ≈ 4 MB). */
export const MAX_TRUST_LIST_BYTES = 32 * 1024 * 1024;
export const MAX_TRUST_LIST_AUTHORITIES = 1024;
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
