import { afterAll, beforeAll, describe } from 'vitest';
import type { DatabaseDialect } from '../db/create-database.js';
import type { DatabaseMigration } from '../db/migrate-to-latest.js';
import { openTestDatabase, type TestDatabase, testDatabaseDialects } from './open-test-database.js';

/** What a {@link describeEachDatabase} body sees: the dialect now, the database once opened. */
export interface DatabaseTestContext<DB> {
  readonly dialect: DatabaseDialect;
  /** The open, migrated database (available inside `it`, `beforeEach`…). */
  readonly database: TestDatabase<DB>;
}

/**
 * Runs the same suite on SQLite and on PostgreSQL (unless `ZZ_SKIP_POSTGRES=1`), each on a fresh
 * migrated database opened in `beforeAll` and dropped in `afterAll`:
 *
 * ```ts
 * describeEachDatabase('citizen repository', migrations, (t) => {
 *   it('stores a citizen', async () => { await createCitizenRepository(t.database.db)… });
 * });
 * ```
 */
export function describeEachDatabase<DB>(
  title: string,
  migrations: Readonly<Record<string, DatabaseMigration>> | undefined,
  body: (context: DatabaseTestContext<DB>) => void,
): void {
  for (const dialect of testDatabaseDialects()) {
    describe(`${title} [${dialect}]`, () => {
      let database: TestDatabase<DB> | undefined;
      beforeAll(async () => {
        database = await openTestDatabase<DB>(dialect, migrations);
      });
      afterAll(async () => {
        await database?.close();
      });
      body({
        dialect,
        get database() {
          if (!database) throw new Error(`The ${dialect} test database is not open (did beforeAll fail?)`);
          return database;
        },
      });
    });
  }
}
