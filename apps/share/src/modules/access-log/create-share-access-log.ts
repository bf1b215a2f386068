import {
  encodeAccessLogEntry,
  MerkleLog,
  type MerkleNodeStore,
  type Signer,
  signTreeHead,
  type TreeHead,
} from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { ShareDatabase } from '../../db/schema.js';
import type { ShareAccessLog, ShareLogEntry } from './share-access-log.js';

export interface CreateShareAccessLogOptions {
  readonly store: MerkleNodeStore & { flush?(): void };
  readonly signer: Signer;
  readonly logId: string;
  readonly clock: () => Date;
  readonly db: Kysely<ShareDatabase>;
}

/**
 * The access log over a node store: each append is encoded (`encodeAccessLogEntry`, references
 * only), hashed into the tree, flushed to disk, and — when it concerns a known holder — indexed
 * so that holder's wallet can list its own entries. Appends are serialised (one writer). Tree
 * heads are signed on demand and reused while the size has not moved.
 */
export function createShareAccessLog(options: CreateShareAccessLogOptions): ShareAccessLog {
  const log = new MerkleLog(options.store);
  let queue: Promise<unknown> = Promise.resolve();
  let lastHead: { signed: Uint8Array; head: TreeHead } | undefined;
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    log,
    logId: options.logId,
    append(entry: ShareLogEntry, holderId?: string) {
      return serialised(async () => {
        const bytes = encodeAccessLogEntry({ ...entry, at: Math.floor(options.clock().getTime() / 1000) });
        const { index } = log.append(bytes);
        options.store.flush?.();
        if (holderId !== undefined) {
          await options.db.insertInto('share_log_refs').values({ leaf_index: index, holder_id: holderId }).execute();
        }
        return index;
      });
    },
    treeHead() {
      return serialised(async () => {
        if (lastHead && lastHead.head.treeSize === log.size) return lastHead;
        const head: TreeHead = {
          logId: options.logId,
          treeSize: log.size,
          rootHash: log.root(),
          timestamp: options.clock(),
        };
        lastHead = { signed: await signTreeHead(head, { signer: options.signer }), head };
        return lastHead;
      });
    },
  };
}
