import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZzError } from '@zhengzhao/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  columnTypes,
  createDatabase,
  type DatabaseMigration,
  isUniqueViolation,
  migrateToLatest,
} from '../../src/index.js';
import { describeEachDatabase, openTestDatabase, testDatabaseDialects } from '../../src/testing/index.js';

interface TestDB {
  holders: { id: string; created_at: number; active: number };
  cards: { id: string; holder_id: string; portrait: Uint8Array; serial: number; issued_at: number };
}

/** Written once, for both engines: only the `bytes` type differs. */
const migrations: Record<string, DatabaseMigration> = {
  '0001-holders': {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('holders')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('active', t.boolean, (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  '0002-cards': {
    async up(db, dialect) {
      const t = columnTypes(dialect);
      await db.schema
        .createTable('cards')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('holder_id', t.text, (c) => c.notNull().references('holders.id'))
        .addColumn('portrait', t.bytes, (c) => c.notNull())
        .addColumn('serial', t.bigint, (c) => c.notNull().unique())
        .addColumn('issued_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cards_by_holder').on('cards').column('holder_id').execute();
    },
  },
};

const NOW = new Date('2026-03-01T08:00:00.000Z');

describe('the test run covers both engines', () => {
  it('includes PostgreSQL unless ZZ_SKIP_POSTGRES=1', () => {
    expect(testDatabaseDialects({})).toEqual(['sqlite', 'postgres']);
    expect(testDatabaseDialects({ ZZ_SKIP_POSTGRES: '1' })).toEqual(['sqlite']);
  });
});

describeEachDatabase<TestDB>('a repository on one migration set', migrations, (t) => {
  it('round-trips bytes as Uint8Array, epoch-millisecond timestamps and 64-bit integers as numbers', async () => {
    const { db } = t.database;
    const portrait = new Uint8Array([0xff, 0xd8, 0x00, 0x01, 0xfe]);
    await db.insertInto('holders').values({ id: 'h1', created_at: NOW.getTime(), active: 1 }).execute();
    await db
      .insertInto('cards')
      .values({ id: 'c1', holder_id: 'h1', portrait, serial: 2 ** 53 - 1, issued_at: NOW.getTime() })
      .execute();
    const card = await db.selectFrom('cards').selectAll().where('id', '=', 'c1').executeTakeFirstOrThrow();
    expect(card.portrait).toEqual(portrait);
    expect(Object.getPrototypeOf(card.portrait)).toBe(Uint8Array.prototype);
    expect(card.serial).toBe(2 ** 53 - 1);
    expect(new Date(card.issued_at)).toEqual(NOW);
    const { n } = await db
      .selectFrom('cards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('enforces foreign keys and reports unique violations the same way', async () => {
    const { db } = t.database;
    const card = { portrait: new Uint8Array([1]), serial: 7, issued_at: NOW.getTime() };
    await expect(
      db
        .insertInto('cards')
        .values({ id: 'c2', holder_id: 'nobody', ...card })
        .execute(),
    ).rejects.toThrow();
    await db
      .insertInto('cards')
      .values({ id: 'c3', holder_id: 'h1', ...card })
      .execute();
    const duplicate = await db
      .insertInto('cards')
      .values({ id: 'c4', holder_id: 'h1', ...card })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('writes nothing when a transaction fails part-way', async () => {
    const { db } = t.database;
    const failure = await db
      .transaction()
      .execute(async (tx) => {
        await tx.insertInto('holders').values({ id: 'h-tx', created_at: NOW.getTime(), active: 1 }).execute();
        await tx
          .insertInto('cards')
          .values({ id: 'c-tx', holder_id: 'h-tx', portrait: new Uint8Array([2]), serial: 99, issued_at: 0 })
          .execute();
        throw new Error('issuance aborted');
      })
      .catch((e: unknown) => e);
    expect((failure as Error).message).toBe('issuance aborted');
    expect(await db.selectFrom('holders').select('id').where('id', '=', 'h-tx').execute()).toEqual([]);
    expect(await db.selectFrom('cards').select('id').where('id', '=', 'c-tx').execute()).toEqual([]);
  });

  it('migrates once: a second run applies nothing, a failing migration rolls back with ERR_DB_MIGRATION', async () => {
    expect(await migrateToLatest(t.database, migrations)).toEqual([]);
    const broken: Record<string, DatabaseMigration> = {
      ...migrations,
      '0003-broken': {
        async up(db) {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          await sql`select * from no_such_table`.execute(db);
        },
      },
    };
    await expect(migrateToLatest(t.database, broken)).rejects.toSatisfy((e) => isZzError(e, 'ERR_DB_MIGRATION'));
    const tables = (await t.database.db.introspection.getTables()).map((x) => x.name);
    expect(tables).toEqual(expect.arrayContaining(['holders', 'cards']));
    expect(tables).not.toContain('half_done');
  });

  it('answers ping while open', async () => {
    await expect(t.database.ping()).resolves.toBeUndefined();
  });
});

describe.runIf(testDatabaseDialects().includes('postgres'))('PostgreSQL specifics', () => {
  it('keeps parallel test schemas apart and drops them on close', async () => {
    const a = await openTestDatabase<TestDB>('postgres', migrations);
    const b = await openTestDatabase<TestDB>('postgres', migrations);
    expect(a.schema).not.toBe(b.schema);
    await a.db.insertInto('holders').values({ id: 'only-a', created_at: 1, active: 1 }).execute();
    expect(await b.db.selectFrom('holders').selectAll().execute()).toEqual([]);
    await a.close();
    await expect(b.db.selectFrom('holders').selectAll().execute()).resolves.toEqual([]);
    const schemas = await sql<{
      n: number;
    }>`select count(*) as n from information_schema.schemata where schema_name = ${a.schema}`.execute(b.db);
    expect(schemas.rows[0]?.n).toBe(0);
    await b.close();
  });

  it('refuses a 64-bit value outside the safe JavaScript range instead of rounding it', async () => {
    const database = await openTestDatabase<TestDB>('postgres');
    await expect(sql`select 9007199254740993::int8 as big`.execute(database.db)).rejects.toSatisfy((e) =>
      isZzError(e, 'ERR_DB_VALUE_RANGE'),
    );
    await database.close();
  });
});

describe('createDatabase', () => {
  it('opens a SQLite file under a new directory with WAL and foreign keys on', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zz-db-')), 'data', 'zz.sqlite');
    const database = createDatabase({ file });
    expect(database.dialect).toBe('sqlite');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await database.close();
    await database.close(); // idempotent
    const viaUrl = createDatabase({ url: `sqlite:${file}` });
    await expect(viaUrl.ping()).resolves.toBeUndefined();
    await viaUrl.close();
  });

  it('refuses unknown URL schemes and bad schema names with typed errors', () => {
    for (const options of [
      { url: 'mysql://root:secret@db/zz' },
      { url: 'postgres://u@127.0.0.1/test', schema: 'x; drop table' },
    ]) {
      let error: unknown;
      try {
        createDatabase(options);
      } catch (e) {
        error = e;
      }
      expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
      expect(String((error as Error).message)).not.toContain('secret');
    }
  });

  it('reports an unreachable PostgreSQL as ERR_DB_UNAVAILABLE on ping', async () => {
    const database = createDatabase({ url: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(database.dialect).toBe('postgres');
    await expect(database.ping()).rejects.toSatisfy(
      (e) => isZzError(e, 'ERR_DB_UNAVAILABLE') && !(e as Error).message.includes('secret'),
    );
    await database.close();
  });
});
