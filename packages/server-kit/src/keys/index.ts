export { createFileKeyStore, type FileKeyStoreOptions } from './create-file-key-store.js';
export { decryptKeyFile, type EncryptedKeyFile, encryptKeyFile } from './key-file.js';
export type { KeyInfo, KeyStore } from './key-store.js';
export { type WriteFileAtomicOptions, writeFileAtomic } from './write-file-atomic.js';
