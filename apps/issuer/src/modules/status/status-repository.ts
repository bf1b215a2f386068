import { ZzError } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';
import { IndexPermutation } from './index-permutation.js';

/** One shard: a Token Status List of `size` 2-bit entries published at `uri`. */
export interface StatusShard {
  readonly shardId: number;
  readonly uri: string;
  readonly size: number;
  readonly bits: 2;
  readonly allocated: number;
}

/** One allocated status list entry (draft-ietf-oauth-status-list §6: `{idx, uri}`). */
export interface StatusEntry {
  readonly shardId: number;
  readonly index: number;
  readonly uri: string;
}

/** A change of one entry, applied to the in-memory list after the transaction commits. */
export interface StatusChange {
  readonly shardId: number;
  readonly index: number;
  readonly status: number;
}

export interface AllocateStatusOptions {
  /** Entries of a new shard (when the current one is full or none exists). */
  readonly shardSize: number;
  /** The published URI of shard `shardId`, e.g. `https://issuer/status/3`. */
  readonly uriOf: (shardId: number) => string;
  /** 32 random bytes: the key of a new shard's permutation. */
  readonly randomKey: () => Uint8Array;
  readonly now: Date;
}

const permutations = new Map<string, IndexPermutation>();

function permutationOf(key: Uint8Array, size: number): IndexPermutation {
  const id = `${Buffer.from(key).toString('base64')}/${size}`;
  let permutation = permutations.get(id);
  if (!permutation) {
    permutation = new IndexPermutation(key, size);
    permutations.set(id, permutation);
  }
  return permutation;
}

/**
 * Allocates `count` status entries inside the caller's transaction (ADR 0006 §2): the counter of
 * the newest shard is advanced atomically (`allocated = allocated + n`, a row lock on PostgreSQL,
 * the writer lock on SQLite) and the entries are the shard's keyed permutation at the counter's
 * old positions — random-looking, never handed out twice, no retry loop. A full shard opens the
 * next one. Rolled back with the transaction, so a failed issuance consumes nothing.
 */
export async function allocateStatusEntries(
  tx: Kysely<IssuerDatabase>,
  count: number,
  options: AllocateStatusOptions,
): Promise<StatusEntry[]> {
  if (!Number.isSafeInteger(count) || count < 0) throw new ZzError('ERR_INPUT_INVALID', 'count must be ≥ 0');
  const entries: StatusEntry[] = [];
  while (entries.length < count) {
    const shard = await openShard(tx, options);
    const take = Math.min(count - entries.length, shard.size - shard.allocated);
    if (take <= 0) {
      await createShard(tx, shard.shardId + 1, options);
      continue;
    }
    const updated = await tx
      .updateTable('status_shards')
      .set((eb) => ({ allocated: eb('allocated', '+', take) }))
      .where('shard_id', '=', shard.shardId)
      .where((eb) => eb(eb('allocated', '+', take), '<=', eb.ref('size')))
      .returning(['allocated', 'permutation_key', 'size', 'uri'])
      .executeTakeFirst();
    if (!updated) continue; // another writer filled it meanwhile: look again
    const permutation = permutationOf(updated.permutation_key, Number(updated.size));
    const end = Number(updated.allocated);
    for (let position = end - take; position < end; position++) {
      entries.push({ shardId: shard.shardId, index: permutation.indexAt(position), uri: updated.uri });
    }
  }
  return entries;
}

async function openShard(tx: Kysely<IssuerDatabase>, options: AllocateStatusOptions): Promise<StatusShard> {
  const row = await tx
    .selectFrom('status_shards')
    .select(['shard_id', 'uri', 'size', 'allocated'])
    .orderBy('shard_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    await createShard(tx, 1, options);
    return openShard(tx, options);
  }
  return { shardId: row.shard_id, uri: row.uri, size: Number(row.size), bits: 2, allocated: Number(row.allocated) };
}

async function createShard(tx: Kysely<IssuerDatabase>, shardId: number, options: AllocateStatusOptions): Promise<void> {
  const size = options.shardSize;
  if (!Number.isSafeInteger(size) || size < 1) throw new ZzError('ERR_CONFIG_INVALID', 'Status shard size must be ≥ 1');
  await tx
    .insertInto('status_shards')
    .values({
      shard_id: shardId,
      uri: options.uriOf(shardId),
      size,
      bits: 2,
      allocated: 0,
      permutation_key: options.randomKey(),
      created_at: options.now.getTime(),
    })
    .onConflict((oc) => oc.column('shard_id').doNothing())
    .execute();
}

/** Every shard, in id order. */
export async function listStatusShards(db: Kysely<IssuerDatabase>): Promise<StatusShard[]> {
  const rows = await db
    .selectFrom('status_shards')
    .select(['shard_id', 'uri', 'size', 'allocated'])
    .orderBy('shard_id')
    .execute();
  return rows.map((r) => ({
    shardId: r.shard_id,
    uri: r.uri,
    size: Number(r.size),
    bits: 2,
    allocated: Number(r.allocated),
  }));
}

/** The entries of a shard whose status is not VALID — credentials and paper cards — to rebuild its list at start-up. */
export async function listNonValidEntries(
  db: Kysely<IssuerDatabase>,
  shardId: number,
): Promise<{ index: number; status: number }[]> {
  const [credentials, paper] = await Promise.all([
    db
      .selectFrom('credentials')
      .select(['status_index', 'status'])
      .where('status_shard', '=', shardId)
      .where('status', '!=', 0)
      .execute(),
    db
      .selectFrom('paper_cards')
      .select(['status_index', 'status'])
      .where('status_shard', '=', shardId)
      .where('status', '!=', 0)
      .execute(),
  ]);
  return [...credentials, ...paper]
    .filter((r) => r.status_index !== null)
    .map((r) => ({ index: Number(r.status_index), status: r.status }));
}
