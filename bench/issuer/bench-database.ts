import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuerDatabase } from '@zhengzhao/issuer';
import { createDatabase, type Database, type DatabaseDialect } from '@zhengzhao/server-kit';
import pg from 'pg';

/** PostgreSQL of this machine (trust auth); `ZZ_BENCH_POSTGRES_URL` overrides. */
export const BENCH_POSTGRES_URL = process.env.ZZ_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  readonly database: Database<IssuerDatabase>;
  /** Where it lives: the SQLite file or the PostgreSQL schema. */
  readonly where: string;
  /** Closes it and removes the file / drops the schema. */
  close(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty issuer database: a SQLite file in a temporary directory (WAL, as in production —
 * not `:memory:`), or a new PostgreSQL schema `zz_bench_<random>` dropped on close.
 */
export async function openBenchDatabase(dialect: DatabaseDialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'zz-bench-issuer-'));
    const file = join(dir, 'issuer.sqlite');
    const database = createDatabase<IssuerDatabase>({ file });
    return {
      database,
      where: file,
      async close() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `zz_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  const database = createDatabase<IssuerDatabase>({ url: BENCH_POSTGRES_URL, schema, poolSize: 10 });
  return {
    database,
    where: `schema ${schema}`,
    async close() {
      await database.close();
      await adminQuery(`drop schema if exists ${schema} cascade`);
    },
  };
}
