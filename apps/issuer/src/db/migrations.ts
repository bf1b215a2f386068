import { columnTypes, type DatabaseMigration } from '@zhengzhao/server-kit';
import { sql } from 'kysely';

/**
 * The issuer's schema, one migration set for SQLite and PostgreSQL (docs/adr/0007). The audit
 * log is append-only at the database level too: triggers refuse UPDATE and DELETE.
 */
export const ISSUER_MIGRATIONS: Readonly<Record<string, DatabaseMigration>> = {
  '0001-create-issuer-tables': {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('persons')
        .addColumn('person_id', t.text, (c) => c.primaryKey())
        .addColumn('province_code', t.text, (c) => c.notNull())
        .addColumn('card_number', t.text)
        .addColumn('card_state', t.text, (c) => c.notNull())
        .addColumn('suspended', t.boolean, (c) => c.notNull().defaultTo(0))
        .addColumn('claims', t.json, (c) => c.notNull())
        .addColumn('last_sequence', t.bigint, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('persons_card_state', sql`card_state in ('active', 'lost', 'cancelled')`)
        .execute();
      await db.schema.createIndex('persons_card_number').on('persons').column('card_number').unique().execute();

      await db.schema
        .createTable('inbox')
        .addColumn('event_id', t.text, (c) => c.primaryKey())
        .addColumn('person_id', t.text, (c) => c.notNull())
        .addColumn('sequence', t.bigint, (c) => c.notNull())
        .addColumn('type', t.text, (c) => c.notNull())
        .addColumn('body', t.text, (c) => c.notNull())
        .addColumn('received_at', t.timestamp, (c) => c.notNull())
        .addColumn('processed_at', t.timestamp)
        .addColumn('outcome', t.text)
        .execute();
      await db.schema.createIndex('inbox_person_sequence').on('inbox').columns(['person_id', 'sequence']).execute();
      await db.schema.createIndex('inbox_pending').on('inbox').columns(['processed_at', 'person_id']).execute();

      await db.schema
        .createTable('wallets')
        .addColumn('wallet_id', t.text, (c) => c.primaryKey())
        .addColumn('person_id', t.text, (c) => c.notNull().references('persons.person_id'))
        .addColumn('device_key', t.json, (c) => c.notNull())
        .addColumn('state', t.text, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('wallets_state', sql`state in ('active', 'suspended')`)
        .execute();
      await db.schema.createIndex('wallets_person').on('wallets').column('person_id').execute();

      await db.schema
        .createTable('status_shards')
        .addColumn('shard_id', t.integer, (c) => c.primaryKey())
        .addColumn('uri', t.text, (c) => c.notNull().unique())
        .addColumn('size', t.bigint, (c) => c.notNull())
        .addColumn('bits', t.integer, (c) => c.notNull())
        .addColumn('allocated', t.bigint, (c) => c.notNull())
        .addColumn('permutation_key', t.bytes, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('status_shards_allocated', sql`allocated >= 0 and allocated <= size`)
        .execute();

      await db.schema
        .createTable('credentials')
        .addColumn('credential_id', t.text, (c) => c.primaryKey())
        .addColumn('person_id', t.text, (c) => c.notNull().references('persons.person_id'))
        .addColumn('wallet_id', t.text, (c) => c.notNull().references('wallets.wallet_id'))
        .addColumn('configuration_id', t.text, (c) => c.notNull())
        .addColumn('format', t.text, (c) => c.notNull())
        .addColumn('status_shard', t.integer, (c) => c.references('status_shards.shard_id'))
        .addColumn('status_index', t.bigint)
        .addColumn('status', t.integer, (c) => c.notNull())
        .addColumn('issued_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('credentials_status', sql`status in (0, 1, 2)`)
        .execute();
      // an index is never handed out twice (NULLs — no status reference — are not compared)
      await db.schema
        .createIndex('credentials_status_entry')
        .on('credentials')
        .columns(['status_shard', 'status_index'])
        .unique()
        .execute();
      await db.schema.createIndex('credentials_person').on('credentials').columns(['person_id', 'status']).execute();
      await db.schema.createIndex('credentials_wallet').on('credentials').columns(['wallet_id', 'status']).execute();

      await db.schema
        .createTable('notifications')
        .addColumn('notification_id', t.text, (c) => c.primaryKey())
        .addColumn('wallet_id', t.text, (c) => c.notNull().references('wallets.wallet_id'))
        .addColumn('type', t.text, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notifications_wallet')
        .on('notifications')
        .columns(['wallet_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor', t.text, (c) => c.notNull())
        .addColumn('role', t.text, (c) => c.notNull())
        .addColumn('action', t.text, (c) => c.notNull())
        .addColumn('target_type', t.text, (c) => c.notNull())
        .addColumn('target_id', t.text, (c) => c.notNull())
        .addColumn('reason', t.text)
        .addColumn('outcome', t.text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
      if (dialect === 'postgres') {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_no_update before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_log_no_update before update on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      }
    },
  },
  '0002-create-paper-cards': {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('paper_cards')
        .addColumn('paper_card_id', t.text, (c) => c.primaryKey())
        .addColumn('person_id', t.text, (c) => c.notNull().references('persons.person_id'))
        .addColumn('purpose', t.text, (c) => c.notNull())
        .addColumn('status_shard', t.integer, (c) => c.notNull().references('status_shards.shard_id'))
        .addColumn('status_index', t.bigint, (c) => c.notNull())
        .addColumn('status', t.integer, (c) => c.notNull())
        .addColumn('issued_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('paper_cards_status', sql`status in (0, 1, 2)`)
        .execute();
      await db.schema
        .createIndex('paper_cards_status_entry')
        .on('paper_cards')
        .columns(['status_shard', 'status_index'])
        .unique()
        .execute();
      await db.schema.createIndex('paper_cards_person').on('paper_cards').columns(['person_id', 'status']).execute();
    },
  },
};
