import { columnTypes, type DatabaseMigration } from '@zhengzhao/server-kit';

/**
 * Tables of the OpenID4VCI side. Every secret (activation code, pre-authorized code, tx_code,
 * access token, c_nonce) is stored only as a keyed hash (hex, see `secret-hasher.ts`); times are
 * epoch milliseconds. `person_id` is the lifecycle side's internal id, without a foreign key so
 * these migrations run in any order relative to the lifecycle ones.
 */
export const oid4vciMigrations: Readonly<Record<string, DatabaseMigration>> = {
  oid4vci_0001_activation: {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('oid4vci_activation_codes')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('person_id', t.text, (c) => c.notNull())
        .addColumn('code_hash', t.text, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema
        .createIndex('oid4vci_activation_codes_person')
        .on('oid4vci_activation_codes')
        .column('person_id')
        .execute();
      await db.schema
        .createTable('oid4vci_attempt_limits')
        .addColumn('limit_key', t.text, (c) => c.primaryKey())
        .addColumn('failures', t.integer, (c) => c.notNull())
        .addColumn('window_started_at', t.timestamp, (c) => c.notNull())
        .addColumn('locked_until', t.timestamp)
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('oid4vci_attempt_limits').execute();
      await db.schema.dropTable('oid4vci_activation_codes').execute();
    },
  },
  oid4vci_0002_offers_tokens_nonces: {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('oid4vci_offers')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('code_hash', t.text, (c) => c.notNull().unique())
        .addColumn('person_id', t.text, (c) => c.notNull())
        .addColumn('configuration_ids', t.json, (c) => c.notNull())
        .addColumn('tx_code_hash', t.text, (c) => c.notNull())
        .addColumn('tx_code_attempts', t.integer, (c) => c.notNull())
        .addColumn('locked_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('redeemed_at', t.timestamp)
        .execute();
      await db.schema.createIndex('oid4vci_offers_person').on('oid4vci_offers').column('person_id').execute();
      await db.schema
        .createTable('oid4vci_access_tokens')
        .addColumn('token_hash', t.text, (c) => c.primaryKey())
        .addColumn('offer_id', t.text, (c) => c.notNull().references('oid4vci_offers.id'))
        .addColumn('person_id', t.text, (c) => c.notNull())
        .addColumn('configuration_ids', t.json, (c) => c.notNull())
        .addColumn('wallet_id', t.text)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('oid4vci_nonces')
        .addColumn('nonce_hash', t.text, (c) => c.primaryKey())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema.createIndex('oid4vci_nonces_expiry').on('oid4vci_nonces').column('expires_at').execute();
    },
    async down(db) {
      await db.schema.dropTable('oid4vci_nonces').execute();
      await db.schema.dropTable('oid4vci_access_tokens').execute();
      await db.schema.dropTable('oid4vci_offers').execute();
    },
  },
};
