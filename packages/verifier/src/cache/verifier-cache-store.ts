import { ZzError } from '@zhengzhao/core';

/** A JSON value as stored by a cache store (no `undefined`, no functions, no bytes). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One named record: raw bytes (a status list token) or a JSON value (metadata, the trust bundle). */
export type CacheRecord = Uint8Array | JsonValue;

/**
 * Where a verifier keeps what it downloaded — the trust bundle and status list tokens — so it
 * keeps verifying offline after a restart. Records are named (see `isCacheRecordName`); a
 * `put` replaces the whole record atomically (a reader sees the old or the new record, never
 * part of one). Everything read back is re-verified by the verifier: a store is not trusted.
 * Implementations: `createMemoryCacheStore()` (here), `createFileCacheStore(dir)`
 * (`@zhengzhao/verifier/node`) and `createIndexedDbCacheStore(name)` (`@zhengzhao/verifier/browser`).
 */
export interface VerifierCacheStore {
  get(name: string): Promise<CacheRecord | undefined>;
  put(name: string, record: CacheRecord): Promise<void>;
  delete(name: string): Promise<void>;
  /** Names of all records, in no particular order. */
  list(): Promise<string[]>;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** Record names: 1–128 of `a-z 0-9 . _ -`, starting with a letter or digit (safe as file names). */
export function isCacheRecordName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name) && !name.includes('..');
}

/** Throws `ERR_INPUT_INVALID` unless `name` is a valid record name. */
export function assertCacheRecordName(name: unknown): asserts name is string {
  if (!isCacheRecordName(name)) throw new ZzError('ERR_INPUT_INVALID', 'Cache record name is not valid');
}

/** Throws `ERR_INPUT_INVALID` unless `record` is bytes or a JSON value. */
export function assertCacheRecord(record: unknown): asserts record is CacheRecord {
  if (record instanceof Uint8Array) return;
  try {
    if (JSON.stringify(record) === undefined) throw new Error('not JSON');
  } catch (error) {
    throw new ZzError('ERR_INPUT_INVALID', 'Cache record must be bytes or a JSON value', { cause: error });
  }
}

/** A store in memory (the default): nothing survives the process. Copies on the way in and out. */
export function createMemoryCacheStore(): VerifierCacheStore {
  const records = new Map<string, CacheRecord>();
  const copy = (record: CacheRecord): CacheRecord =>
    record instanceof Uint8Array ? record.slice() : (JSON.parse(JSON.stringify(record)) as JsonValue);
  return {
    async get(name) {
      assertCacheRecordName(name);
      const record = records.get(name);
      return record === undefined ? undefined : copy(record);
    },
    async put(name, record) {
      assertCacheRecordName(name);
      assertCacheRecord(record);
      records.set(name, copy(record));
    },
    async delete(name) {
      assertCacheRecordName(name);
      records.delete(name);
    },
    async list() {
      return [...records.keys()];
    },
  };
}
