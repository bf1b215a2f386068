import type { ExportableSigner, PublicKey, Signer, SuiteId } from '@zhengzhao/core';

/** What a key store tells about a key without unlocking it. */
export interface KeyInfo {
  /** Identifier chosen by the issuer, e.g. `gd-ds-2026-01` (letters, digits, `.`, `_`, `-`). */
  readonly keyId: string;
  readonly suite: SuiteId;
  readonly publicKey: PublicKey;
}

/**
 * Where an issuing authority keeps its document-signer (and status-list) private keys
 * (DESIGN.md §6.4: never on disk in plaintext; rotation by adding a key under a new id while the
 * old one keeps signing until its certificate is retired).
 *
 * The default implementation is `createFileKeyStore` (each key encrypted at rest, `zz-key-1`).
 * A PKCS#11 token (HSM, SoftHSM2) can be plugged in later behind this same interface: its
 * `getSigner` returns a `Signer` whose `sign` calls `C_Sign` on a non-extractable key,
 * `generateKey` runs `C_GenerateKeyPair` inside the token, and `putKey` may refuse to import
 * (keys born in the token never leave it). Callers only ever see `Signer`, never key bytes.
 */
export interface KeyStore {
  /** Every key in the store, sorted by id; does not unlock anything. */
  listKeys(): Promise<KeyInfo[]>;
  /** The public part of one key; `ERR_KEYSTORE_KEY_UNKNOWN` if absent. */
  getKeyInfo(keyId: string): Promise<KeyInfo>;
  /**
   * A signer for one key (unlocked on first use, then cached in memory). `ERR_KEYSTORE_KEY_UNKNOWN`
   * if absent, `ERR_KEYSTORE_PASSPHRASE` / `ERR_KEYSTORE_FORMAT` if it cannot be unlocked.
   */
  getSigner(keyId: string): Promise<Signer>;
  /** Creates a new key pair under `keyId`; `ERR_KEYSTORE_KEY_EXISTS` if the id is taken. */
  generateKey(keyId: string, suite: SuiteId): Promise<KeyInfo>;
  /**
   * Stores an existing exportable key under `keyId` (migration, tests); `ERR_KEYSTORE_KEY_EXISTS`
   * if the id is taken. Stores that cannot import keys throw `ERR_CRYPTO_OPERATION`.
   */
  putKey(keyId: string, signer: ExportableSigner): Promise<KeyInfo>;
}
