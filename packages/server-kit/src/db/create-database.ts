import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ZzError } from '@zhengzhao/core';
import SqliteDatabase from 'better-sqlite3';
import { type DialectAdapter, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { BytesResultPlugin } from './bytes-result-plugin.js';

/** The two storage engines: SQLite embedded (default), PostgreSQL for production. */
export type DatabaseDialect = 'sqlite' | 'postgres';

/** Default SQLite file when neither `url` nor `file` is given. */
export const DEFAULT_SQLITE_FILE = './data/zz.sqlite';

export interface DatabaseOptions {
  /**
   * `postgres://…` / `postgresql://…` for PostgreSQL; `sqlite:<path>` (or `sqlite::memory:`) for
   * SQLite. Usually from `DATABASE_URL`. Wins over `file`.
   */
  url?: string;
  /** SQLite file, or `:memory:` for tests; default {@link DEFAULT_SQLITE_FILE}. */
  file?: string;
  /** PostgreSQL only: schema set as `search_path` on every pooled connection. */
  schema?: string;
  /** PostgreSQL pool size; default 10. */
  poolSize?: number;
}

/** An open database: the Kysely instance, which engine it is, a ping and a close. */
export interface Database<DB> {
  readonly db: Kysely<DB>;
  readonly dialect: DatabaseDialect;
  /** Runs `select 1`; throws `ERR_DB_UNAVAILABLE`. Use as the `/readyz` check. */
  ping(): Promise<void>;
  /** Closes the pool or the SQLite handle. Idempotent. */
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PG_INT8_OID = 20;

/**
 * Opens SQLite through better-sqlite3 (WAL journal, foreign keys on, 5 s busy timeout, parent
 * directory created) or PostgreSQL through a `pg` Pool. Both return bytes as `Uint8Array` and
 * 64-bit integers as JS numbers (PostgreSQL `int8` beyond ±2^53−1 → `ERR_DB_VALUE_RANGE`), so one
 * repository works on both; see docs/adr/0007-services-storage-and-keys.md.
 */
export function createDatabase<DB>(options: DatabaseOptions = {}): Database<DB> {
  const url = options.url;
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url)) return openPostgres<DB>(url, options);
  if (url !== undefined && !url.startsWith('sqlite:')) {
    throw new ZzError('ERR_CONFIG_INVALID', 'Database URL must start with postgres://, postgresql:// or sqlite:');
  }
  const file = url !== undefined ? url.slice('sqlite:'.length) : (options.file ?? DEFAULT_SQLITE_FILE);
  return openSqlite<DB>(file);
}

function openSqlite<DB>(file: string): Database<DB> {
  const memory = file === ':memory:' || file === '';
  if (!memory) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let handle: SqliteDatabase.Database;
  try {
    handle = new SqliteDatabase(memory ? ':memory:' : file);
  } catch (error) {
    throw new ZzError('ERR_DB_UNAVAILABLE', 'Cannot open the SQLite database file', { cause: error });
  }
  if (!memory) handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({
    dialect: new TransactionalDdlSqliteDialect({ database: handle }),
    plugins: [new BytesResultPlugin()],
  });
  return wrap(db, 'sqlite');
}

/** SQLite runs DDL inside transactions; telling Kysely so makes a failed migration roll back. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function openPostgres<DB>(url: string, options: DatabaseOptions): Database<DB> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'PostgreSQL schema name must match [a-z_][a-z0-9_]*');
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // `-c search_path=…` applies to every connection the pool opens
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID && format !== 'binary'
          ? parseInt8
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // an idle client losing its connection must not crash the process
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new BytesResultPlugin()] });
  return wrap(db, 'postgres');
}

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new ZzError('ERR_DB_VALUE_RANGE');
  return n;
}

function wrap<DB>(db: Kysely<DB>, dialect: DatabaseDialect): Database<DB> {
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect,
    async ping() {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        throw new ZzError('ERR_DB_UNAVAILABLE', `The ${dialect} database does not answer`, { cause: error });
      }
    },
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
