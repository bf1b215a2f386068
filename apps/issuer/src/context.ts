import { encodeBase64url } from '@zhengzhao/core';
import type { DatabaseDialect } from '@zhengzhao/server-kit';
import type { Kysely } from 'kysely';
import type { IssuerDatabase } from './db/schema.js';
import type { StatusLists } from './modules/status/status-lists.js';
import type { StatusChange } from './modules/status/status-repository.js';

/** What the issuer's services share: the database, the live status lists, time and randomness. */
export interface IssuerContext {
  readonly db: Kysely<IssuerDatabase>;
  readonly dialect: DatabaseDialect;
  readonly lists: StatusLists;
  readonly clock: () => Date;
  /** Cryptographically random bytes (`platform.randomBytes`). */
  readonly random: (length: number) => Uint8Array;
}

/** A random opaque id with a short prefix, e.g. `cr_…` (16 random bytes, base64url). */
export function newId(context: Pick<IssuerContext, 'random'>, prefix: string): string {
  return `${prefix}_${encodeBase64url(context.random(16))}`;
}

let counter = 0;

/**
 * A random id that sorts after every id made before it in this process at the same or an
 * earlier instant: `<prefix>_<time base36><counter base36>_<random>`. For rows listed in order
 * of creation (notifications, audit entries) where many share one millisecond.
 */
export function newSortableId(context: Pick<IssuerContext, 'random'>, prefix: string, now: Date): string {
  counter = (counter + 1) % 36 ** 5;
  const time = now.getTime().toString(36).padStart(9, '0');
  return `${prefix}_${time}${counter.toString(36).padStart(5, '0')}_${encodeBase64url(context.random(12))}`;
}

/**
 * Runs `work` in one database transaction and, only after it committed, applies the status
 * changes it recorded to the in-memory lists (and registers shards it created). A rollback
 * changes nothing in memory; a crash before commit leaves nothing behind.
 */
export async function inTransaction<T>(
  context: IssuerContext,
  work: (tx: Kysely<IssuerDatabase>, changes: StatusChange[]) => Promise<T>,
): Promise<T> {
  const changes: StatusChange[] = [];
  const result = await context.db.transaction().execute((tx) => work(tx, changes));
  if (changes.some((c) => !context.lists.has(c.shardId))) await context.lists.refreshShards(context.db);
  context.lists.apply(changes);
  return result;
}

/** `select … for update` on PostgreSQL; SQLite has one writer at a time and no such clause. */
export function lockRows(context: Pick<IssuerContext, 'dialect'>): boolean {
  return context.dialect === 'postgres';
}
