import { ZzError } from '@zhengzhao/core';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database, DatabaseDialect } from './create-database.js';

/**
 * One migration, written once for both engines: `dialect` (and `columnTypes(dialect)`) covers
 * the few differences. Migrations run in name order; name them `0001-create-citizens`…
 */
export interface DatabaseMigration {
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema before and after itself
  up(db: Kysely<any>, dialect: DatabaseDialect): Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  down?(db: Kysely<any>, dialect: DatabaseDialect): Promise<void>;
}

/**
 * Applies every pending migration with Kysely's Migrator and returns the names applied. The run
 * is locked and is one transaction on both engines (DDL is transactional in SQLite and
 * PostgreSQL): a failure is `ERR_DB_MIGRATION` and leaves the schema as it was before the run.
 * On PostgreSQL the bookkeeping tables live in the connection's current schema, so parallel
 * test schemas never see each other's.
 */
export async function migrateToLatest<DB>(
  database: Pick<Database<DB>, 'db' | 'dialect'>,
  migrations: Readonly<Record<string, DatabaseMigration>>,
): Promise<string[]> {
  const { db, dialect } = database;
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        out[name] = {
          up: (tx) => m.up(tx, dialect),
          ...(m.down ? { down: (tx) => m.down?.(tx, dialect) ?? Promise.resolve() } : {}),
        };
      }
      return out;
    },
  };
  let migrationTableSchema: string | undefined;
  if (dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  const migrator = new Migrator({
    // biome-ignore lint/suspicious/noExplicitAny: Migrator works on any schema
    db: db as Kysely<any>,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(setup)';
    throw new ZzError('ERR_DB_MIGRATION', `Migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
