import { columnTypes, type DatabaseMigration } from '@zhengzhao/server-kit';
import { sql } from 'kysely';

/** The sharing service's schema, one migration set for SQLite and PostgreSQL (docs/adr/0007). */
export const SHARE_MIGRATIONS: Readonly<Record<string, DatabaseMigration>> = {
  '0001-create-share-tables': {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('share_holders')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('handle', t.text, (c) => c.notNull().unique())
        .addColumn('public_jwk', t.json, (c) => c.notNull())
        .addColumn('log_ref', t.text, (c) => c.notNull())
        .addColumn('registered_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('share_requests')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('holder_id', t.text, (c) => c.notNull().references('share_holders.id'))
        .addColumn('agency_id', t.text, (c) => c.notNull())
        .addColumn('agency_name', t.json, (c) => c.notNull())
        .addColumn('purpose', t.text, (c) => c.notNull())
        .addColumn('purpose_text', t.json, (c) => c.notNull())
        .addColumn('doc_type', t.text, (c) => c.notNull())
        .addColumn('elements', t.json, (c) => c.notNull())
        .addColumn('nonce', t.text, (c) => c.notNull())
        .addColumn('state', t.text, (c) => c.notNull())
        .addColumn('consent_id', t.text)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('decided_at', t.timestamp)
        .addColumn('retrieved_at', t.timestamp)
        .addCheckConstraint('share_requests_state', sql`state in ('pending', 'approved', 'refused', 'retrieved')`)
        .execute();
      await db.schema
        .createIndex('share_requests_holder')
        .on('share_requests')
        .columns(['holder_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('share_consents')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('holder_id', t.text, (c) => c.notNull().references('share_holders.id'))
        .addColumn('agency_id', t.text, (c) => c.notNull())
        .addColumn('purpose', t.text, (c) => c.notNull())
        .addColumn('doc_type', t.text, (c) => c.notNull())
        .addColumn('elements', t.json, (c) => c.notNull())
        .addColumn('kind', t.text, (c) => c.notNull())
        .addColumn('consent_jws', t.text, (c) => c.notNull())
        .addColumn('granted_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('revoked_at', t.timestamp)
        .addCheckConstraint('share_consents_kind', sql`kind in ('once', 'standing')`)
        .execute();
      await db.schema
        .createIndex('share_consents_lookup')
        .on('share_consents')
        .columns(['holder_id', 'agency_id', 'doc_type'])
        .execute();
      await db.schema
        .createTable('share_releases')
        .addColumn('consent_id', t.text, (c) => c.primaryKey().references('share_consents.id'))
        .addColumn('credential', t.text, (c) => c.notNull())
        .addColumn('layout_document', t.bytes)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('share_used_tokens')
        .addColumn('token_key', t.text, (c) => c.primaryKey())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('share_log_refs')
        .addColumn('leaf_index', t.bigint, (c) => c.primaryKey())
        .addColumn('holder_id', t.text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('share_log_refs_holder').on('share_log_refs').columns(['holder_id']).execute();
    },
  },
};
