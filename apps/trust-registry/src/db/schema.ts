/**
 * The trust registry's tables (Kysely types). Times are epoch milliseconds
 * (`columnTypes().timestamp`), JSON is text, certificates are DER bytes, identifiers are the
 * registry's own text ids (`cn-44-gat`, `hotel-chain-1`): never personal data.
 */
export interface TrustRegistryDatabase {
  registry_keys: RegistryKeysTable;
  credential_types: CredentialTypesTable;
  authorities: AuthoritiesTable;
  authority_certificates: AuthorityCertificatesTable;
  compromised_keys: CompromisedKeysTable;
  registration_profiles: RegistrationProfilesTable;
  relying_parties: RelyingPartiesTable;
  relying_party_certificates: RelyingPartyCertificatesTable;
  trust_list_head: TrustListHeadTable;
  trust_list_versions: TrustListVersionsTable;
  audit_log: AuditLogTable;
}

/** The registry's own certificates: the national root and the trust-list signer (renewals add rows). */
export interface RegistryKeysTable {
  /** base64url SHA-256 of the certificate DER. */
  certificate_sha256: string;
  role: 'national-root' | 'trust-list-signer';
  /** The key's id in the KeyStore (the private key never leaves it). */
  key_id: string;
  certificate: Uint8Array;
  not_before: number;
  not_after: number;
  created_at: number;
}

/** The catalog's policy part: which kinds of authority may issue a type (its schema is the code's catalog). */
export interface CredentialTypesTable {
  type_id: string;
  /** JSON array of authority kinds, e.g. `["public_security"]`. */
  authority_kinds: string;
  updated_at: number;
}

export interface AuthoritiesTable {
  id: string;
  /** JSON `{ "zh-CN": …, "en": … }`. */
  name: string;
  kind: string;
  region: string | null;
  suite: string;
  /** JSON array of credential type ids. */
  credential_types: string;
  /** JSON array of status-list URL prefixes. */
  status_lists: string;
  enrolled_at: number;
  withdrawn_at: number | null;
}

/** IACA roots and document signers of the authorities; a certificate belongs to one authority only. */
export interface AuthorityCertificatesTable {
  /** base64url SHA-256 of the DER. */
  certificate_sha256: string;
  authority_id: string;
  role: 'iaca' | 'document_signer';
  certificate: Uint8Array;
  /** Position among the authority's certificates (1, 2, …): the trust list keeps this order. */
  ordinal: number;
  added_at: number;
}

export interface CompromisedKeysTable {
  authority_id: string;
  /** base64url SHA-256 of the DER of the compromised certificate. */
  certificate_sha256: string;
  /** From when signatures by it are refused. */
  since: number;
  declared_at: number;
}

/** What relying parties may be registered for (`hotel`, `gov-login`…): shared by many of them. */
export interface RegistrationProfilesTable {
  id: string;
  /** JSON localized texts. */
  name: string;
  purpose: string;
  /** JSON `RegisteredElements`: type → namespace → element ids. */
  elements: string;
  updated_at: number;
}

export interface RelyingPartiesTable {
  id: string;
  /** JSON localized text: its name, which its certificates carry. */
  name: string;
  /** Its registration profile (`registration_profiles.id`; set on every row since migration 0002). */
  profile_id: string | null;
  /** JSON array of DNS names for its certificates (may be empty). */
  dns_names: string;
  registered_at: number;
  deregistered_at: number | null;
}

/** Reader / access certificates issued by the national root to relying parties. */
export interface RelyingPartyCertificatesTable {
  certificate_sha256: string;
  relying_party_id: string;
  certificate: Uint8Array;
  /** Position among the party's certificates (1, 2, …). */
  ordinal: number;
  not_before: number;
  not_after: number;
  issued_at: number;
}

/** One row (`id = 1`) every change locks first, so that changes and list versions go one at a time. */
export interface TrustListHeadTable {
  id: number;
  locked_at: number;
}

/** Every published trust list, both forms; `sequence` is the primary key (never reused, never skipped). */
export interface TrustListVersionsTable {
  sequence: number;
  issued_at: number;
  expires_at: number;
  /** Compact JWS. */
  jws: string;
  /** Tagged COSE_Sign1 bytes. */
  cose: Uint8Array;
}

export interface AuditLogTable {
  id: string;
  at: number;
  /** Who: the actor of the admin token, or `system`. */
  actor: string;
  /** What: `authority.enrol`, `relying_party.register`, `trust_list.republish`… */
  action: string;
  target_type: string;
  /** Registry ids only. */
  target_id: string;
  /** `ok`, or `refused` with the error code. */
  outcome: string;
  error_code: string | null;
  /** The trust-list version the action published (null when refused). */
  sequence: number | null;
}
