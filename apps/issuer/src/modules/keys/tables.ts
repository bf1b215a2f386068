/** Kysely row types of the document-signer key ring (see `migrations.ts`). Times: epoch ms. */
export interface SigningKeysTable {
  /** `certificateKid` of the DS certificate, base64url: one row per certificate. */
  kid: string;
  /** The key's id in the KeyStore; null for a signer held in memory only (tests, demo). */
  key_id: string | null;
  suite: string;
  /** JSON array of base64url DER certificates, DS first (`x5chain` / `x5c`). */
  chain: string;
  not_before: number;
  not_after: number;
  /** Exactly one row is `active` (a partial unique index holds it); the others are `previous`. */
  state: 'active' | 'previous';
  created_at: number;
  activated_at: number;
  retired_at: number | null;
}

/** The key-ring part of the issuer's database schema. */
export interface KeysDatabase {
  signing_keys: SigningKeysTable;
}
