import { decodeBase64url, encodeBase64url, type SuiteId } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { KeysDatabase, SigningKeysTable } from './tables.js';

/** One document-signer certificate of the key ring, as stored. */
export interface SigningKeyRecord {
  /** `certificateKid` of the DS certificate (COSE kid of compact QR credentials). */
  readonly kid: Uint8Array;
  /** KeyStore id of the private key; null when the signer was only ever held in memory. */
  readonly keyId: string | null;
  readonly suite: SuiteId;
  /** DER certificates, DS first. */
  readonly certificateChain: readonly Uint8Array[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly state: SigningKeysTable['state'];
  readonly createdAt: Date;
  readonly activatedAt: Date;
  readonly retiredAt: Date | null;
}

function toRecord(row: SigningKeysTable): SigningKeyRecord {
  return {
    kid: decodeBase64url(row.kid),
    keyId: row.key_id,
    suite: row.suite as SuiteId,
    certificateChain: (JSON.parse(row.chain) as string[]).map((der) => decodeBase64url(der)),
    notBefore: new Date(Number(row.not_before)),
    notAfter: new Date(Number(row.not_after)),
    state: row.state,
    createdAt: new Date(Number(row.created_at)),
    activatedAt: new Date(Number(row.activated_at)),
    retiredAt: row.retired_at === null ? null : new Date(Number(row.retired_at)),
  };
}

/** Every certificate of the ring: the active one first, then the previous ones, newest first. */
export async function listSigningKeys(db: Kysely<KeysDatabase>): Promise<SigningKeyRecord[]> {
  const rows = await db.selectFrom('signing_keys').selectAll().orderBy('activated_at', 'desc').orderBy('kid').execute();
  const records = rows.map(toRecord);
  return [...records.filter((r) => r.state === 'active'), ...records.filter((r) => r.state !== 'active')];
}

/**
 * Inserts `record` as the active key and demotes the previously active one (`retired_at = now`).
 * Run inside a transaction: the partial unique index refuses a second active row.
 */
export async function insertActiveSigningKey(
  db: Kysely<KeysDatabase>,
  record: Pick<SigningKeyRecord, 'kid' | 'keyId' | 'suite' | 'certificateChain' | 'notBefore' | 'notAfter'>,
  now: Date,
): Promise<void> {
  await demoteActive(db, now);
  await db
    .insertInto('signing_keys')
    .values({
      kid: encodeBase64url(record.kid),
      key_id: record.keyId,
      suite: record.suite,
      chain: JSON.stringify(record.certificateChain.map((der) => encodeBase64url(der))),
      not_before: record.notBefore.getTime(),
      not_after: record.notAfter.getTime(),
      state: 'active',
      created_at: now.getTime(),
      activated_at: now.getTime(),
      retired_at: null,
    })
    .execute();
}

/** Makes an already stored certificate the active one again (start-up fallback). */
export async function reactivateSigningKey(db: Kysely<KeysDatabase>, kid: Uint8Array, now: Date): Promise<void> {
  await demoteActive(db, now);
  await db
    .updateTable('signing_keys')
    .set({ state: 'active', activated_at: now.getTime(), retired_at: null })
    .where('kid', '=', encodeBase64url(kid))
    .execute();
}

async function demoteActive(db: Kysely<KeysDatabase>, now: Date): Promise<void> {
  await db
    .updateTable('signing_keys')
    .set({ state: 'previous', retired_at: now.getTime() })
    .where('state', '=', 'active')
    .execute();
}
