import type { WalletRecordKind, WalletStore, WalletWrite } from '../store/wallet-store.js';
import { openRecord, sealRecord } from '../vault/record-cipher.js';
import { decodeRecordJson, encodeRecordJson } from './record-json.js';

/** A write of {@link SealedRecords.write}: a value to seal, or `undefined` to delete. */
export interface SealedWrite {
  readonly kind: WalletRecordKind;
  readonly id: string;
  /** JSON-like data (byte strings allowed); see record-json.ts. */
  readonly value?: unknown;
}

/** The store seen through the data key: every value sealed with AES-GCM (record-cipher.ts). */
export interface SealedRecords {
  get(kind: WalletRecordKind, id: string): Promise<unknown | undefined>;
  /** Ids of `kind` starting with `prefix` (ids are not secret; values stay sealed). */
  ids(kind: WalletRecordKind, prefix?: string): Promise<string[]>;
  /** Decrypted values of `kind` whose id starts with `prefix`, in id order. */
  list(kind: WalletRecordKind, prefix?: string): Promise<{ id: string; value: unknown }[]>;
  /** Seals every value, then writes all of them (and the deletes) in one atomic `putMany`. */
  write(writes: readonly SealedWrite[]): Promise<void>;
}

export function createSealedRecords(store: WalletStore, dataKey: CryptoKey): SealedRecords {
  return {
    async get(kind, id) {
      const sealed = await store.get(kind, id);
      return sealed === undefined ? undefined : decodeRecordJson(await openRecord(dataKey, kind, id, sealed));
    },
    async ids(kind, prefix = '') {
      return (await store.ids(kind)).filter((id) => id.startsWith(prefix));
    },
    async list(kind, prefix = '') {
      const out: { id: string; value: unknown }[] = [];
      for (const record of await store.list(kind)) {
        if (!record.id.startsWith(prefix)) continue;
        out.push({ id: record.id, value: decodeRecordJson(await openRecord(dataKey, kind, record.id, record.value)) });
      }
      return out;
    },
    async write(writes) {
      const sealed: WalletWrite[] = [];
      for (const w of writes) {
        sealed.push(
          w.value === undefined
            ? { kind: w.kind, id: w.id }
            : { kind: w.kind, id: w.id, value: await sealRecord(dataKey, w.kind, w.id, encodeRecordJson(w.value)) },
        );
      }
      await store.putMany(sealed);
    },
  };
}
