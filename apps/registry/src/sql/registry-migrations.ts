import { columnTypes, type DatabaseMigration } from '@zhengzhao/server-kit';

/**
 * The registry's migrations (one set for SQLite and PostgreSQL; names prefixed `registry_` so
 * they can share a database and a migration table with other services):
 *
 * - `registry_persons` — one row per person, `person_id` primary key, `id_number` and
 *   `card_number` unique (a card number is never reused);
 * - `registry_outbox` — the transactional outbox: gap-free `position`, unique `event_id`, unique
 *   (`person_id`, `sequence`), `body` = `encodeCardEvent(event)`;
 * - `registry_cursors` — the last position each consumer acknowledged.
 */
export const registryMigrations: Readonly<Record<string, DatabaseMigration>> = {
  registry_0001_create_tables: {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('registry_persons')
        .addColumn('person_id', t.text, (c) => c.primaryKey())
        .addColumn('id_number', t.text, (c) => c.notNull().unique())
        .addColumn('family_name', t.text, (c) => c.notNull())
        .addColumn('given_name', t.text, (c) => c.notNull())
        .addColumn('full_name', t.text, (c) => c.notNull())
        .addColumn('sex', t.integer, (c) => c.notNull())
        .addColumn('birth_date', t.text, (c) => c.notNull())
        .addColumn('ethnicity', t.text, (c) => c.notNull())
        .addColumn('region_code', t.text, (c) => c.notNull())
        .addColumn('city', t.text, (c) => c.notNull())
        .addColumn('district', t.text, (c) => c.notNull())
        .addColumn('street', t.text, (c) => c.notNull())
        .addColumn('portrait_seed', t.bigint, (c) => c.notNull())
        .addColumn('card_state', t.text, (c) => c.notNull())
        .addColumn('card_number', t.text, (c) => c.unique())
        .addColumn('card_issuing_authority', t.text)
        .addColumn('card_issue_date', t.text)
        .addColumn('card_expiry_date', t.text)
        .addColumn('cancellation_reason', t.text)
        .addColumn('sequence', t.integer, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('registry_outbox')
        .addColumn('position', t.bigint, (c) => c.primaryKey())
        .addColumn('event_id', t.text, (c) => c.notNull().unique())
        .addColumn('person_id', t.text, (c) => c.notNull().references('registry_persons.person_id'))
        .addColumn('sequence', t.integer, (c) => c.notNull())
        .addColumn('type', t.text, (c) => c.notNull())
        .addColumn('body', t.text, (c) => c.notNull())
        .addUniqueConstraint('registry_outbox_person_sequence', ['person_id', 'sequence'])
        .execute();
      await db.schema
        .createTable('registry_cursors')
        .addColumn('consumer', t.text, (c) => c.primaryKey())
        .addColumn('position', t.bigint, (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('registry_cursors').execute();
      await db.schema.dropTable('registry_outbox').execute();
      await db.schema.dropTable('registry_persons').execute();
    },
  },
};
