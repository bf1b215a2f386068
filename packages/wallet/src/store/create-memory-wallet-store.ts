import {
  WALLET_RECORD_KINDS,
  type WalletRecord,
  type WalletRecordKind,
  type WalletStore,
  type WalletWrite,
} from './wallet-store.js';

/** A {@link WalletStore} in memory that also lets tests read every stored byte. */
export interface MemoryWalletStore extends WalletStore {
  /** Every record as stored (copies), for tests that scan the data at rest. */
  dump(): WalletRecord[];
}

/**
 * A {@link WalletStore} held in a Map (Node tests, or a browser without IndexedDB). Values are
 * copied in and out, so a caller cannot change what is stored by mutating its buffer.
 */
export function createMemoryWalletStore(): MemoryWalletStore {
  const maps = new Map<WalletRecordKind, Map<string, Uint8Array>>(
    WALLET_RECORD_KINDS.map((kind) => [kind, new Map<string, Uint8Array>()]),
  );
  const mapOf = (kind: WalletRecordKind): Map<string, Uint8Array> => {
    const map = maps.get(kind);
    if (!map) throw new TypeError('Unknown wallet record kind');
    return map;
  };
  const apply = (write: WalletWrite): void => {
    if (write.value === undefined) mapOf(write.kind).delete(write.id);
    else mapOf(write.kind).set(write.id, write.value.slice());
  };
  return {
    async get(kind, id) {
      return mapOf(kind).get(id)?.slice();
    },
    async put(kind, id, value) {
      apply({ kind, id, value });
    },
    async delete(kind, id) {
      apply({ kind, id });
    },
    async ids(kind) {
      return [...mapOf(kind).keys()].sort();
    },
    async list(kind) {
      return [...mapOf(kind).entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([id, value]) => ({ kind, id, value: value.slice() }));
    },
    async putMany(writes) {
      for (const write of writes) mapOf(write.kind); // check every kind before changing anything
      for (const write of writes) apply(write);
    },
    async clear() {
      for (const map of maps.values()) map.clear();
    },
    dump() {
      return WALLET_RECORD_KINDS.flatMap((kind) =>
        [...mapOf(kind).entries()].map(([id, value]) => ({ kind, id, value: value.slice() })),
      );
    },
  };
}
