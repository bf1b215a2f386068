import { ZzError } from '@zhengzhao/core';
import { type IDBPDatabase, openDB } from 'idb';
import {
  assertCacheRecord,
  assertCacheRecordName,
  type CacheRecord,
  type VerifierCacheStore,
} from '../cache/verifier-cache-store.js';

const OBJECT_STORE = 'records';

/**
 * A cache store in IndexedDB (browser): database `name`, one object store `records` keyed by
 * record name; bytes and JSON values are stored as structured clones. Each `put` is one
 * transaction, so a record is replaced whole or not at all. Failures are `ERR_VERIFIER_CACHE_STORE`.
 */
export function createIndexedDbCacheStore(name: string): VerifierCacheStore {
  if (typeof name !== 'string' || name.length === 0 || name.length > 128) {
    throw new ZzError('ERR_INPUT_INVALID', 'IndexedDB name must be a short string');
  }
  let database: Promise<IDBPDatabase> | undefined;
  const db = () => {
    database ??= openDB(name, 1, {
      upgrade(upgrading) {
        if (!upgrading.objectStoreNames.contains(OBJECT_STORE)) upgrading.createObjectStore(OBJECT_STORE);
      },
    });
    return database;
  };
  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ZzError) throw error;
      throw new ZzError('ERR_VERIFIER_CACHE_STORE', `IndexedDB ${what} failed`, { cause: error });
    }
  };
  return {
    get(key) {
      assertCacheRecordName(key);
      return guard('read', async () => {
        const value = (await (await db()).get(OBJECT_STORE, key)) as CacheRecord | undefined;
        return value instanceof Uint8Array ? new Uint8Array(value) : value;
      });
    },
    put(key, record) {
      assertCacheRecordName(key);
      assertCacheRecord(record);
      return guard('write', async () => {
        await (await db()).put(OBJECT_STORE, record instanceof Uint8Array ? record.slice() : record, key);
      });
    },
    delete(key) {
      assertCacheRecordName(key);
      return guard('delete', async () => (await db()).delete(OBJECT_STORE, key));
    },
    list() {
      return guard('list', async () => (await (await db()).getAllKeys(OBJECT_STORE)).map(String));
    },
  };
}
