/** Kysely row types of the OpenID4VCI tables (see `migrations.ts`). Times: epoch ms; `*_hash`: hex. */
export interface Oid4vciActivationCodesTable {
  id: string;
  person_id: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Failure counters for activation, per hashed card number and per hashed client IP. */
export interface Oid4vciAttemptLimitsTable {
  limit_key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

export interface Oid4vciOffersTable {
  id: string;
  code_hash: string;
  person_id: string;
  /** JSON array of credential configuration ids. */
  configuration_ids: string;
  tx_code_hash: string;
  tx_code_attempts: number;
  locked_at: number | null;
  created_at: number;
  expires_at: number;
  redeemed_at: number | null;
}

export interface Oid4vciAccessTokensTable {
  token_hash: string;
  offer_id: string;
  person_id: string;
  configuration_ids: string;
  /** Set by the first credential request: the thumbprint of its first proof key. */
  wallet_id: string | null;
  created_at: number;
  expires_at: number;
}

export interface Oid4vciNoncesTable {
  nonce_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** The OpenID4VCI part of the issuer's database schema. */
export interface Oid4vciDatabase {
  oid4vci_activation_codes: Oid4vciActivationCodesTable;
  oid4vci_attempt_limits: Oid4vciAttemptLimitsTable;
  oid4vci_offers: Oid4vciOffersTable;
  oid4vci_access_tokens: Oid4vciAccessTokensTable;
  oid4vci_nonces: Oid4vciNoncesTable;
}
