import type { Kysely, Selectable } from 'kysely';
import type {
  Oid4vciAccessTokensTable,
  Oid4vciActivationCodesTable,
  Oid4vciAttemptLimitsTable,
  Oid4vciDatabase,
  Oid4vciOffersTable,
} from './tables.js';

export type ActivationCodeRow = Selectable<Oid4vciActivationCodesTable>;
export type OfferRow = Selectable<Oid4vciOffersTable>;
export type AccessTokenRow = Selectable<Oid4vciAccessTokensTable>;
export type AttemptLimitRow = Selectable<Oid4vciAttemptLimitsTable>;

const affected = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined): number =>
  Number(result?.numUpdatedRows ?? result?.numDeletedRows ?? 0n);

/** Storage of the OpenID4VCI side, with {@link Oid4vciStore.transaction} to group writes. */
export function createOid4vciRepository(db: Kysely<Oid4vciDatabase>): Oid4vciRepository {
  return {
    ...createOid4vciStore(db),
    transaction: (fn) => db.transaction().execute((trx) => fn(createOid4vciStore(trx))),
  };
}

/** The queries, on SQLite and PostgreSQL. Conditional updates make single use atomic. */
export function createOid4vciStore(db: Kysely<Oid4vciDatabase>) {
  return {
    /** One live activation code per person: earlier unused ones are deleted. */
    async replaceActivationCode(row: ActivationCodeRow): Promise<void> {
      await db
        .deleteFrom('oid4vci_activation_codes')
        .where('person_id', '=', row.person_id)
        .where('used_at', 'is', null)
        .execute();
      await db.insertInto('oid4vci_activation_codes').values(row).execute();
    },

    unusedActivationCodes(personId: string): Promise<ActivationCodeRow[]> {
      return db
        .selectFrom('oid4vci_activation_codes')
        .selectAll()
        .where('person_id', '=', personId)
        .where('used_at', 'is', null)
        .execute();
    },

    async consumeActivationCode(id: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('oid4vci_activation_codes')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    attemptLimits(keys: readonly string[]): Promise<AttemptLimitRow[]> {
      return db
        .selectFrom('oid4vci_attempt_limits')
        .selectAll()
        .where('limit_key', 'in', [...keys])
        .execute();
    },

    async saveAttemptLimit(row: AttemptLimitRow): Promise<void> {
      await db
        .insertInto('oid4vci_attempt_limits')
        .values(row)
        .onConflict((oc) =>
          oc.column('limit_key').doUpdateSet({
            failures: row.failures,
            window_started_at: row.window_started_at,
            locked_until: row.locked_until,
          }),
        )
        .execute();
    },

    async clearAttemptLimit(key: string): Promise<void> {
      await db.deleteFrom('oid4vci_attempt_limits').where('limit_key', '=', key).execute();
    },

    /** Inserts an offer; the person's earlier unredeemed offers expire now (one live offer per person). */
    async insertOffer(row: OfferRow): Promise<void> {
      await db
        .updateTable('oid4vci_offers')
        .set({ expires_at: row.created_at })
        .where('person_id', '=', row.person_id)
        .where('redeemed_at', 'is', null)
        .where('expires_at', '>', row.created_at)
        .execute();
      await db.insertInto('oid4vci_offers').values(row).execute();
    },

    findOfferByCodeHash(codeHash: string): Promise<OfferRow | undefined> {
      return db.selectFrom('oid4vci_offers').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    },

    /** Counts one wrong tx_code; at `maxAttempts` the offer is locked for good. Returns the new count. */
    async countTxCodeFailure(id: string, maxAttempts: number, now: number): Promise<number> {
      await db
        .updateTable('oid4vci_offers')
        .set((eb) => ({ tx_code_attempts: eb('tx_code_attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
      await db
        .updateTable('oid4vci_offers')
        .set({ locked_at: now })
        .where('id', '=', id)
        .where('locked_at', 'is', null)
        .where('tx_code_attempts', '>=', maxAttempts)
        .execute();
      const row = await db
        .selectFrom('oid4vci_offers')
        .select('tx_code_attempts')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.tx_code_attempts ?? maxAttempts;
    },

    /** Marks the offer redeemed if it still is redeemable; false when another request won. */
    async redeemOffer(id: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('oid4vci_offers')
        .set({ redeemed_at: now })
        .where('id', '=', id)
        .where('redeemed_at', 'is', null)
        .where('locked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    /**
     * Ends every outstanding grant of the person now (lost device): unredeemed offers and
     * unexpired access tokens expire, so a lost phone cannot redeem or use one.
     */
    async expireGrantsOfPerson(personId: string, now: number): Promise<void> {
      await db
        .updateTable('oid4vci_offers')
        .set({ expires_at: now })
        .where('person_id', '=', personId)
        .where('redeemed_at', 'is', null)
        .where('expires_at', '>', now)
        .execute();
      await db
        .updateTable('oid4vci_access_tokens')
        .set({ expires_at: now })
        .where('person_id', '=', personId)
        .where('expires_at', '>', now)
        .execute();
    },

    async insertAccessToken(row: AccessTokenRow): Promise<void> {
      await db.insertInto('oid4vci_access_tokens').values(row).execute();
    },

    findAccessToken(tokenHash: string): Promise<AccessTokenRow | undefined> {
      return db.selectFrom('oid4vci_access_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    /** Binds the token to `walletId` unless already bound; returns the wallet id it is bound to. */
    async bindWallet(tokenHash: string, walletId: string): Promise<string> {
      await db
        .updateTable('oid4vci_access_tokens')
        .set({ wallet_id: walletId })
        .where('token_hash', '=', tokenHash)
        .where('wallet_id', 'is', null)
        .execute();
      const row = await db
        .selectFrom('oid4vci_access_tokens')
        .select('wallet_id')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row?.wallet_id ?? walletId;
    },

    /** Stores a new nonce and deletes nonces that expired before `now`. */
    async insertNonce(nonceHash: string, now: number, expiresAt: number): Promise<void> {
      await db.deleteFrom('oid4vci_nonces').where('expires_at', '<', now).execute();
      await db
        .insertInto('oid4vci_nonces')
        .values({ nonce_hash: nonceHash, created_at: now, expires_at: expiresAt, used_at: null })
        .execute();
    },

    /** Marks one nonce used if it is known, unused and unexpired. */
    async consumeNonce(nonceHash: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('oid4vci_nonces')
        .set({ used_at: now })
        .where('nonce_hash', '=', nonceHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return affected(result) === 1;
    },
  };
}

export type Oid4vciStore = ReturnType<typeof createOid4vciStore>;

export interface Oid4vciRepository extends Oid4vciStore {
  /** Runs `fn` in one transaction, with a store bound to it. */
  transaction<T>(fn: (store: Oid4vciStore) => Promise<T>): Promise<T>;
}
