import { StatusList, ZzError } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';
import { listNonValidEntries, listStatusShards, type StatusChange } from './status-repository.js';

/** One shard's list in memory and a version that moves on every change. */
export interface LiveStatusList {
  readonly shardId: number;
  readonly uri: string;
  readonly list: StatusList;
  /** Incremented on every applied change; the publisher re-signs when it moved. */
  readonly version: number;
}

interface Entry {
  shardId: number;
  uri: string;
  list: StatusList;
  version: number;
}

/**
 * The 2-bit status list of every shard, kept in memory and in step with the `credentials` table
 * incrementally: a committed transaction hands its {@link StatusChange}s to `apply`, which flips
 * the bits (no rebuild from the database). Built once from the database at start-up by `load`;
 * a crash between a commit and `apply` loses nothing, since the next start rebuilds from the rows.
 */
export class StatusLists {
  readonly #shards = new Map<number, Entry>();

  /** Rebuilds every shard from the database (start-up). */
  async load(db: Kysely<IssuerDatabase>): Promise<void> {
    this.#shards.clear();
    for (const shard of await listStatusShards(db)) {
      const entry = this.#add(shard.shardId, shard.uri, shard.size);
      for (const { index, status } of await listNonValidEntries(db, shard.shardId)) entry.list.set(index, status);
    }
  }

  /**
   * Registers shards created by a committed transaction (their lists start all VALID). Reads the
   * shard rows it does not know yet.
   */
  async refreshShards(db: Kysely<IssuerDatabase>): Promise<void> {
    for (const shard of await listStatusShards(db)) {
      if (!this.#shards.has(shard.shardId)) this.#add(shard.shardId, shard.uri, shard.size);
    }
  }

  /** True when `shardId` is known. */
  has(shardId: number): boolean {
    return this.#shards.has(shardId);
  }

  /** Applies committed changes; unknown shards must be registered first (`refreshShards`). */
  apply(changes: readonly StatusChange[]): void {
    const touched = new Set<Entry>();
    for (const change of changes) {
      const entry = this.#shards.get(change.shardId);
      if (!entry) throw new ZzError('ERR_SERVER_INTERNAL', `Status shard ${change.shardId} is not loaded`);
      if (entry.list.get(change.index) !== change.status) {
        entry.list.set(change.index, change.status);
        touched.add(entry);
      }
    }
    for (const entry of touched) entry.version += 1;
  }

  /** The shard's live list, or undefined. */
  get(shardId: number): LiveStatusList | undefined {
    return this.#shards.get(shardId);
  }

  /** Every shard id, ascending. */
  shardIds(): number[] {
    return [...this.#shards.keys()].sort((a, b) => a - b);
  }

  #add(shardId: number, uri: string, size: number): Entry {
    const entry: Entry = { shardId, uri, list: new StatusList(size, 2), version: 0 };
    this.#shards.set(shardId, entry);
    return entry;
  }
}
