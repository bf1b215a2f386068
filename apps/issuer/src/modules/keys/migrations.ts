import { columnTypes, type DatabaseMigration } from '@zhengzhao/server-kit';
import { sql } from 'kysely';

/**
 * The document-signer key ring (P2 §7). Named to sort after the lifecycle (`0001-…`) and
 * OpenID4VCI (`oid4vci_…`) migrations, so it can join databases created before it. At most one
 * key is active: a partial unique index enforces it on SQLite and PostgreSQL alike.
 */
export const KEY_MIGRATIONS: Readonly<Record<string, DatabaseMigration>> = {
  signing_keys_0001_create: {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('signing_keys')
        .addColumn('kid', t.text, (c) => c.primaryKey())
        .addColumn('key_id', t.text)
        .addColumn('suite', t.text, (c) => c.notNull())
        .addColumn('chain', t.text, (c) => c.notNull())
        .addColumn('not_before', t.timestamp, (c) => c.notNull())
        .addColumn('not_after', t.timestamp, (c) => c.notNull())
        .addColumn('state', t.text, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('activated_at', t.timestamp, (c) => c.notNull())
        .addColumn('retired_at', t.timestamp)
        .addCheckConstraint('signing_keys_state', sql`state in ('active', 'previous')`)
        .execute();
      await db.schema
        .createIndex('signing_keys_one_active')
        .on('signing_keys')
        .column('state')
        .unique()
        .where(sql.ref('state'), '=', 'active')
        .execute();
    },
  },
};
