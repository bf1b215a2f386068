/**
 * The sharing service's tables (Kysely types). Times are epoch milliseconds, JSON is text.
 * Nothing here names a person: holders are random ids with a public key; a held release is the
 * credential a holder chose to share, kept only while the consent that released it stands.
 */
export interface ShareDatabase {
  share_holders: ShareHoldersTable;
  share_requests: ShareRequestsTable;
  share_consents: ShareConsentsTable;
  share_releases: ShareReleasesTable;
  share_used_tokens: ShareUsedTokensTable;
  share_log_refs: ShareLogRefsTable;
}

export interface ShareHoldersTable {
  id: string;
  /** The share code the holder gives agencies (random; rotating it is a new registration). */
  handle: string;
  /** The holder's public key (JWK JSON): signs the holder's API calls and consents. */
  public_jwk: string;
  /** base64url of the 32-byte pseudonymous reference the access log uses for this holder. */
  log_ref: string;
  registered_at: number;
}

export type ShareRequestState = 'pending' | 'approved' | 'refused' | 'retrieved';

export interface ShareRequestsTable {
  id: string;
  holder_id: string;
  agency_id: string;
  /** LocalizedText JSON, from the agency's certificate. */
  agency_name: string;
  /** The registration profile id the agency is registered under. */
  purpose: string;
  /** LocalizedText JSON, the registered purpose. */
  purpose_text: string;
  doc_type: string;
  /** JSON array of element ids. */
  elements: string;
  /** The nonce the holder's key-binding JWT must carry. */
  nonce: string;
  state: ShareRequestState;
  consent_id: string | null;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
  retrieved_at: number | null;
}

export interface ShareConsentsTable {
  id: string;
  holder_id: string;
  agency_id: string;
  purpose: string;
  doc_type: string;
  elements: string;
  kind: 'once' | 'standing';
  /** The consent as the holder signed it (compact JWS). */
  consent_jws: string;
  granted_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface ShareReleasesTable {
  consent_id: string;
  /** The SD-JWT VC presentation the holder released (only the consented disclosures). */
  credential: string;
  /** The signed layout document (PDF), if the holder's wallet has one. */
  layout_document: Uint8Array | null;
  created_at: number;
}

/** Signed request tokens (agency requests, holder calls) already used: replays are refused. */
export interface ShareUsedTokensTable {
  /** `<party>:<jti>`. */
  token_key: string;
  expires_at: number;
}

/** Which access-log leaves belong to which holder, so the wallet can list its own. */
export interface ShareLogRefsTable {
  leaf_index: number;
  holder_id: string;
}
