/**
 * What the wallet keeps, by kind. Values are opaque bytes to the store: the wallet encrypts
 * everything secret before it reaches a store (see README.md "Keys and vault").
 * - `meta`: salts, KDF parameters, wrapped data keys, PRF credential ids — not secret;
 * - `device-key`: the device private key, wrapped with the data key;
 * - `credential`: one logical card with its copies, encrypted;
 * - `status`: cached status-list tokens, encrypted (they reveal which lists the holder is on);
 * - `transaction`: the presentation log, encrypted.
 */
export type WalletRecordKind = 'meta' | 'device-key' | 'credential' | 'status' | 'transaction';

export const WALLET_RECORD_KINDS: readonly WalletRecordKind[] = [
  'meta',
  'device-key',
  'credential',
  'status',
  'transaction',
];

export interface WalletRecord {
  readonly kind: WalletRecordKind;
  readonly id: string;
  readonly value: Uint8Array;
}

/** One write of a {@link WalletStore.putMany} batch: `value` undefined deletes the record. */
export interface WalletWrite {
  readonly kind: WalletRecordKind;
  readonly id: string;
  readonly value?: Uint8Array;
}

/**
 * Persistent key-value storage of the wallet. Implementations: `createMemoryWalletStore()`
 * (tests, Node) and `createIndexedDbWalletStore(name)` (browsers).
 */
export interface WalletStore {
  get(kind: WalletRecordKind, id: string): Promise<Uint8Array | undefined>;
  put(kind: WalletRecordKind, id: string, value: Uint8Array): Promise<void>;
  delete(kind: WalletRecordKind, id: string): Promise<void>;
  /** The ids of `kind`, in id order (without reading the values). */
  ids(kind: WalletRecordKind): Promise<string[]>;
  /** Every record of `kind`, in id order. */
  list(kind: WalletRecordKind): Promise<WalletRecord[]>;
  /** Applies every write or none (one IndexedDB transaction): a crash never leaves half a batch. */
  putMany(writes: readonly WalletWrite[]): Promise<void>;
  /** Removes everything (wallet reset). */
  clear(): Promise<void>;
}
