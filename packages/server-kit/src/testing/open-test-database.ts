import { randomBytes } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';
import pg from 'pg';
import { createDatabase, type Database, type DatabaseDialect } from '../db/create-database.js';
import { type DatabaseMigration, migrateToLatest } from '../db/migrate-to-latest.js';

/** PostgreSQL servers tried in order for tests (trust auth); `ZZ_TEST_POSTGRES_URL` overrides. */
export const TEST_POSTGRES_URLS: readonly string[] = [
  'postgres://postgres@127.0.0.1:5432/test',
  'postgres://root@127.0.0.1:5432/test',
];

/** A database for one test file: a fresh in-memory SQLite, or a fresh PostgreSQL schema. */
export interface TestDatabase<DB> extends Database<DB> {
  /** PostgreSQL: the `zz_test_<random>` schema, dropped by `close()`. */
  readonly schema?: string;
}

/**
 * The dialects a test run covers: both, unless `ZZ_SKIP_POSTGRES=1` (then SQLite only). Without
 * that variable an unreachable PostgreSQL makes the tests fail, never skip silently.
 */
export function testDatabaseDialects(env: Record<string, string | undefined> = process.env): DatabaseDialect[] {
  return env.ZZ_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgres'];
}

/**
 * Opens a database for tests, migrated if `migrations` are given. SQLite is `:memory:`;
 * PostgreSQL gets a new schema `zz_test_<random>` set as `search_path` on every pooled connection,
 * dropped with everything in it by `close()`, so parallel test files never collide.
 */
export async function openTestDatabase<DB>(
  dialect: DatabaseDialect,
  migrations?: Readonly<Record<string, DatabaseMigration>>,
): Promise<TestDatabase<DB>> {
  if (dialect === 'sqlite') {
    const database = createDatabase<DB>({ file: ':memory:' });
    if (migrations) await migrateToLatest(database, migrations);
    return database;
  }
  const url = await reachablePostgres();
  const schema = `zz_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  const database = createDatabase<DB>({ url, schema, poolSize: 4 });
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      await database.close();
      await adminQuery(url, `drop schema if exists ${schema} cascade`);
    })();
    return closed;
  };
  try {
    if (migrations) await migrateToLatest(database, migrations);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: database.db, dialect: database.dialect, ping: database.ping, close, schema };
}

const reachable = new Map<string, Promise<string>>();

async function reachablePostgres(): Promise<string> {
  const candidates = process.env.ZZ_TEST_POSTGRES_URL ? [process.env.ZZ_TEST_POSTGRES_URL] : TEST_POSTGRES_URLS;
  const key = candidates.join(' ');
  let found = reachable.get(key);
  if (found) return found;
  found = (async () => {
    for (const url of candidates) {
      try {
        await adminQuery(url, 'select 1');
        return url;
      } catch {
        // try the next user
      }
    }
    throw new ZzError(
      'ERR_DB_UNAVAILABLE',
      `PostgreSQL is not reachable at ${candidates.map(redactUrl).join(' or ')}: start it, set ZZ_TEST_POSTGRES_URL, or set ZZ_SKIP_POSTGRES=1 to run SQLite only`,
    );
  })();
  reachable.set(key, found);
  return found;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
