import { columnTypes, type DatabaseMigration } from '@zhengzhao/server-kit';
import { sql } from 'kysely';

/**
 * The trust registry's schema, one migration set for SQLite and PostgreSQL (docs/adr/0007). The
 * audit log and the published trust-list versions are append-only at the database level too:
 * triggers refuse UPDATE and DELETE.
 */
export const TRUST_REGISTRY_MIGRATIONS: Readonly<Record<string, DatabaseMigration>> = {
  '0001-create-trust-registry-tables': {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('registry_keys')
        .addColumn('certificate_sha256', t.text, (c) => c.primaryKey())
        .addColumn('role', t.text, (c) => c.notNull())
        .addColumn('key_id', t.text, (c) => c.notNull())
        .addColumn('certificate', t.bytes, (c) => c.notNull())
        .addColumn('not_before', t.timestamp, (c) => c.notNull())
        .addColumn('not_after', t.timestamp, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('registry_keys_role', sql`role in ('national-root', 'trust-list-signer')`)
        .execute();
      await db.schema
        .createIndex('registry_keys_role_created')
        .on('registry_keys')
        .columns(['role', 'created_at'])
        .execute();

      await db.schema
        .createTable('credential_types')
        .addColumn('type_id', t.text, (c) => c.primaryKey())
        .addColumn('authority_kinds', t.json, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('authorities')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('name', t.json, (c) => c.notNull())
        .addColumn('kind', t.text, (c) => c.notNull())
        .addColumn('region', t.text)
        .addColumn('suite', t.text, (c) => c.notNull())
        .addColumn('credential_types', t.json, (c) => c.notNull())
        .addColumn('status_lists', t.json, (c) => c.notNull())
        .addColumn('enrolled_at', t.timestamp, (c) => c.notNull())
        .addColumn('withdrawn_at', t.timestamp)
        .addCheckConstraint('authorities_suite', sql`suite in ('ES256', 'SM2')`)
        .execute();

      await db.schema
        .createTable('authority_certificates')
        .addColumn('certificate_sha256', t.text, (c) => c.primaryKey())
        .addColumn('authority_id', t.text, (c) => c.notNull().references('authorities.id'))
        .addColumn('role', t.text, (c) => c.notNull())
        .addColumn('certificate', t.bytes, (c) => c.notNull())
        .addColumn('ordinal', t.integer, (c) => c.notNull())
        .addColumn('added_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('authority_certificates_role', sql`role in ('iaca', 'document_signer')`)
        .addUniqueConstraint('authority_certificates_order', ['authority_id', 'ordinal'])
        .execute();

      await db.schema
        .createTable('compromised_keys')
        .addColumn('authority_id', t.text, (c) => c.notNull().references('authorities.id'))
        .addColumn('certificate_sha256', t.text, (c) => c.notNull())
        .addColumn('since', t.timestamp, (c) => c.notNull())
        .addColumn('declared_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('compromised_keys_pk', ['authority_id', 'certificate_sha256'])
        .execute();

      await db.schema
        .createTable('relying_parties')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('name', t.json, (c) => c.notNull())
        .addColumn('purpose', t.json, (c) => c.notNull())
        .addColumn('elements', t.json, (c) => c.notNull())
        .addColumn('dns_names', t.json, (c) => c.notNull())
        .addColumn('registered_at', t.timestamp, (c) => c.notNull())
        .addColumn('deregistered_at', t.timestamp)
        .execute();

      await db.schema
        .createTable('relying_party_certificates')
        .addColumn('certificate_sha256', t.text, (c) => c.primaryKey())
        .addColumn('relying_party_id', t.text, (c) => c.notNull().references('relying_parties.id'))
        .addColumn('certificate', t.bytes, (c) => c.notNull())
        .addColumn('ordinal', t.integer, (c) => c.notNull())
        .addColumn('not_before', t.timestamp, (c) => c.notNull())
        .addColumn('not_after', t.timestamp, (c) => c.notNull())
        .addColumn('issued_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('relying_party_certificates_order', ['relying_party_id', 'ordinal'])
        .execute();

      await db.schema
        .createTable('trust_list_head')
        .addColumn('id', t.integer, (c) => c.primaryKey())
        .addColumn('locked_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('trust_list_head_one_row', sql`id = 1`)
        .execute();
      await db.insertInto('trust_list_head').values({ id: 1, locked_at: 0 }).execute();

      await db.schema
        .createTable('trust_list_versions')
        .addColumn('sequence', t.bigint, (c) => c.primaryKey())
        .addColumn('issued_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('jws', t.text, (c) => c.notNull())
        .addColumn('cose', t.bytes, (c) => c.notNull())
        .addCheckConstraint('trust_list_versions_sequence', sql`sequence >= 1`)
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor', t.text, (c) => c.notNull())
        .addColumn('action', t.text, (c) => c.notNull())
        .addColumn('target_type', t.text, (c) => c.notNull())
        .addColumn('target_id', t.text, (c) => c.notNull())
        .addColumn('outcome', t.text, (c) => c.notNull())
        .addColumn('error_code', t.text)
        .addColumn('sequence', t.bigint)
        .addCheckConstraint('audit_log_outcome', sql`outcome in ('ok', 'refused')`)
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();

      for (const table of ['audit_log', 'trust_list_versions']) {
        if (dialect === 'postgres') {
          await sql`create function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
            begin raise exception '${sql.raw(table)} is append-only'; end $$`.execute(db);
          await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)}
            for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
        } else {
          await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
            begin select raise(abort, '${sql.raw(table)} is append-only'); end`.execute(db);
          await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
            begin select raise(abort, '${sql.raw(table)} is append-only'); end`.execute(db);
        }
      }
    },
  },
  '0002-registration-profiles': {
    /**
     * Registration profiles (Zhengzhao issue 6 §7): a relying party names a shared profile instead
     * of carrying its own purpose and elements. Parties registered before get one profile per
     * distinct purpose and elements, `legacy-1`, `legacy-2`… (named after the purpose); their
     * certificates name no profile, so wallets refuse them until new ones are issued.
     */
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('registration_profiles')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('name', t.json, (c) => c.notNull())
        .addColumn('purpose', t.json, (c) => c.notNull())
        .addColumn('elements', t.json, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('relying_parties')
        .addColumn('profile_id', t.text, (c) => c.references('registration_profiles.id'))
        .execute();
      const parties = await db
        .selectFrom('relying_parties')
        .select(['id', 'purpose', 'elements', 'registered_at'])
        .orderBy('registered_at')
        .orderBy('id')
        .execute();
      const profiles = new Map<string, string>();
      for (const party of parties as { id: string; purpose: string; elements: string; registered_at: unknown }[]) {
        const content = JSON.stringify([JSON.parse(party.purpose), JSON.parse(party.elements)]);
        let profile = profiles.get(content);
        if (profile === undefined) {
          profile = `legacy-${profiles.size + 1}`;
          profiles.set(content, profile);
          await db
            .insertInto('registration_profiles')
            .values({
              id: profile,
              name: party.purpose,
              purpose: party.purpose,
              elements: party.elements,
              updated_at: Number(party.registered_at),
            })
            .execute();
        }
        await db.updateTable('relying_parties').set({ profile_id: profile }).where('id', '=', party.id).execute();
      }
      await db.schema.alterTable('relying_parties').dropColumn('purpose').execute();
      await db.schema.alterTable('relying_parties').dropColumn('elements').execute();
    },
  },
};
