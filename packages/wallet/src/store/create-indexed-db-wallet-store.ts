import { type IDBPDatabase, openDB } from 'idb';
import {
  WALLET_RECORD_KINDS,
  type WalletRecord,
  type WalletRecordKind,
  type WalletStore,
  type WalletWrite,
} from './wallet-store.js';

const VERSION = 1;

/**
 * A {@link WalletStore} on IndexedDB (browsers): one object store per record kind in database
 * `name`. `putMany` is one `readwrite` transaction over the stores it touches, so a batch of
 * copies and the record that lists them are written together or not at all.
 */
export async function createIndexedDbWalletStore(name: string): Promise<WalletStore> {
  if (!globalThis.indexedDB) throw new TypeError('IndexedDB is not available in this environment');
  const db: IDBPDatabase = await open(name);
  const check = (kind: WalletRecordKind): WalletRecordKind => {
    if (!WALLET_RECORD_KINDS.includes(kind)) throw new TypeError('Unknown wallet record kind');
    return kind;
  };
  const bytes = (value: unknown): Uint8Array | undefined =>
    value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : undefined;

  return {
    async get(kind, id) {
      return bytes(await db.get(check(kind), id));
    },
    async put(kind, id, value) {
      await db.put(check(kind), value.slice(), id);
    },
    async delete(kind, id) {
      await db.delete(check(kind), id);
    },
    async ids(kind) {
      return (await db.getAllKeys(check(kind))).map(String);
    },
    async list(kind) {
      const tx = db.transaction(check(kind), 'readonly');
      const records: WalletRecord[] = [];
      let cursor = await tx.store.openCursor();
      while (cursor) {
        const value = bytes(cursor.value);
        if (value) records.push({ kind, id: String(cursor.key), value });
        cursor = await cursor.continue();
      }
      await tx.done;
      return records;
    },
    async putMany(writes: readonly WalletWrite[]) {
      if (writes.length === 0) return;
      const kinds = [...new Set(writes.map((w) => check(w.kind)))];
      const tx = db.transaction(kinds, 'readwrite');
      const pending: Promise<unknown>[] = [];
      for (const write of writes) {
        const store = tx.objectStore(write.kind);
        pending.push(write.value === undefined ? store.delete(write.id) : store.put(write.value.slice(), write.id));
      }
      await Promise.all([...pending, tx.done]);
    },
    async clear() {
      const tx = db.transaction([...WALLET_RECORD_KINDS], 'readwrite');
      await Promise.all([...WALLET_RECORD_KINDS.map((kind) => tx.objectStore(kind).clear()), tx.done]);
    },
  };
}

function open(name: string): Promise<IDBPDatabase> {
  return openDB(name, VERSION, {
    upgrade(db) {
      for (const kind of WALLET_RECORD_KINDS) {
        if (!db.objectStoreNames.contains(kind)) db.createObjectStore(kind);
      }
    },
  });
}
