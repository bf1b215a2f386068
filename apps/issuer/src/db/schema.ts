/**
 * The issuer's tables (Kysely types). Times are epoch milliseconds (`columnTypes().timestamp`),
 * JSON is text, booleans are 0/1 integers, identifiers are application-generated text.
 */
export interface IssuerDatabase {
  persons: PersonsTable;
  inbox: InboxTable;
  wallets: WalletsTable;
  credentials: CredentialsTable;
  paper_cards: PaperCardsTable;
  status_shards: StatusShardsTable;
  notifications: NotificationsTable;
  audit_log: AuditLogTable;
}

export interface PersonsTable {
  /** The registry's opaque person id (never the citizen number). */
  person_id: string;
  province_code: string;
  /** The current physical card's number (null before the first card). */
  card_number: string | null;
  card_state: 'active' | 'lost' | 'cancelled';
  /** 1 while an administrator holds every credential of the person suspended. */
  suspended: number;
  /** `cn.gov.eid.1` claims by catalog element name; the portrait as base64url text. `null` if unknown. */
  claims: string;
  /** Sequence of the last registry event applied for this person. */
  last_sequence: number;
  created_at: number;
  updated_at: number;
}

export interface InboxTable {
  event_id: string;
  person_id: string;
  sequence: number;
  type: string;
  /** The event exactly as received (`encodeCardEvent` JSON). */
  body: string;
  received_at: number;
  processed_at: number | null;
  /** What processing did: `applied`, `superseded` (sequence already passed), `ignored`. */
  outcome: string | null;
}

export interface WalletsTable {
  wallet_id: string;
  person_id: string;
  /** The device key as a public JWK (JSON text). */
  device_key: string;
  state: 'active' | 'suspended';
  created_at: number;
}

/**
 * Paper credentials printed at the counter (ADR 0010): no wallet, their own status entry; the
 * person's card events change their status with the person's other credentials.
 */
export interface PaperCardsTable {
  paper_card_id: string;
  person_id: string;
  /** `paper_basic` or `paper_with_portrait`. */
  purpose: string;
  status_shard: number;
  status_index: number;
  /** 0 valid, 1 invalid (revoked), 2 suspended. */
  status: number;
  issued_at: number;
  expires_at: number;
}

export interface CredentialsTable {
  credential_id: string;
  person_id: string;
  wallet_id: string;
  configuration_id: string;
  format: string;
  /** Null for credentials without a status reference (the 72-hour age QR). */
  status_shard: number | null;
  status_index: number | null;
  /** 0 valid, 1 invalid (revoked), 2 suspended (Token Status List §7.1). */
  status: number;
  issued_at: number;
  expires_at: number;
}

export interface StatusShardsTable {
  shard_id: number;
  uri: string;
  size: number;
  bits: number;
  /** How many indexes of the shard's permutation have been handed out. */
  allocated: number;
  /** Key of the shard's index permutation (random, 32 bytes). */
  permutation_key: Uint8Array;
  created_at: number;
}

export interface NotificationsTable {
  notification_id: string;
  wallet_id: string;
  /** `refresh` (a fresh batch is waiting), `suspended`, `resumed`, `revoked`. */
  type: string;
  created_at: number;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor: string;
  role: string;
  action: string;
  target_type: string;
  /** Internal ids only, never personal data. */
  target_id: string;
  reason: string | null;
  /** `ok` or `denied`. */
  outcome: string;
}
