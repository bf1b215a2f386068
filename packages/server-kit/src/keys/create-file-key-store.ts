import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ExportableSigner,
  jwkToPublicKey,
  type Platform,
  type PublicKey,
  type Signer,
  type SuiteId,
  ZzError,
} from '@zhengzhao/core';
import { decryptKeyFile, type EncryptedKeyFile, encryptKeyFile } from './key-file.js';
import type { KeyInfo, KeyStore } from './key-store.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface FileKeyStoreOptions {
  /** Directory of key files (created 0700); one `<keyId>.key.json` per key, mode 0600. */
  dir: string;
  /** Passphrase sealing every key (at least 8 characters), e.g. from `ZZ_KEY_PASSPHRASE`. */
  passphrase: string;
  /** Crypto adapter that imports and generates keys (`createNodePlatform()`). */
  platform: Platform;
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const SUFFIX = '.key.json';
const MAX_FILE = 16 * 1024;

/**
 * The default {@link KeyStore}: a directory of `zz-key-1` files (scrypt + AES-256-GCM, see
 * `encryptKeyFile`), so a copied disk or backup yields no usable key without the passphrase
 * (DESIGN.md §6.4). Writes are atomic (temporary file + link/rename) and files are 0600.
 * Unlocked signers stay in memory only, and expose `sign`, never the scalar.
 */
export function createFileKeyStore(options: FileKeyStoreOptions): KeyStore {
  const { dir, passphrase, platform } = options;
  const unlocked = new Map<string, Promise<Signer>>();
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => {
    ready ??= mkdir(dir, { recursive: true, mode: 0o700 });
    return ready;
  };

  async function readKeyFile(keyId: string): Promise<EncryptedKeyFile> {
    checkKeyId(keyId);
    let text: string;
    try {
      text = await readFile(join(dir, `${keyId}${SUFFIX}`), 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') {
        throw new ZzError('ERR_KEYSTORE_KEY_UNKNOWN', `No key "${keyId}" in the key store`);
      }
      throw new ZzError('ERR_KEYSTORE_FORMAT', `Key "${keyId}" cannot be read`, { cause: error });
    }
    if (text.length > MAX_FILE) throw new ZzError('ERR_KEYSTORE_FORMAT', `Key "${keyId}" file is too large`);
    try {
      return JSON.parse(text) as EncryptedKeyFile;
    } catch {
      throw new ZzError('ERR_KEYSTORE_FORMAT', `Key "${keyId}" file is not JSON`);
    }
  }

  async function getKeyInfo(keyId: string): Promise<KeyInfo> {
    const file = await readKeyFile(keyId);
    let publicKey: PublicKey;
    try {
      publicKey = jwkToPublicKey(file.publicKey);
    } catch (error) {
      throw new ZzError('ERR_KEYSTORE_FORMAT', `Key "${keyId}" has a malformed public key`, { cause: error });
    }
    if (publicKey.suite !== file.suite) throw new ZzError('ERR_KEYSTORE_FORMAT', `Key "${keyId}" suite mismatch`);
    return { keyId, suite: file.suite, publicKey };
  }

  async function putKey(keyId: string, signer: ExportableSigner): Promise<KeyInfo> {
    checkKeyId(keyId);
    await ensureDir();
    const file = encryptKeyFile(signer, passphrase);
    try {
      await writeFileAtomic(join(dir, `${keyId}${SUFFIX}`), `${JSON.stringify(file, null, 2)}\n`, {
        mode: 0o600,
        overwrite: false,
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') {
        throw new ZzError('ERR_KEYSTORE_KEY_EXISTS', `Key "${keyId}" already exists`);
      }
      throw new ZzError('ERR_CRYPTO_OPERATION', `Key "${keyId}" cannot be written`, { cause: error });
    }
    return { keyId, suite: signer.suite, publicKey: signer.publicKey };
  }

  return {
    async listKeys() {
      await ensureDir();
      const names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.'));
      const ids = names.map((n) => n.slice(0, -SUFFIX.length)).filter((id) => KEY_ID.test(id));
      return Promise.all(ids.sort().map(getKeyInfo));
    },
    getKeyInfo,
    getSigner(keyId) {
      checkKeyId(keyId);
      let signer = unlocked.get(keyId);
      if (!signer) {
        signer = (async () => {
          const opened = await decryptKeyFile(platform, await readKeyFile(keyId), passphrase);
          // hand out sign() only: the scalar stays inside the adapter's key object
          return { suite: opened.suite, publicKey: opened.publicKey, sign: (data: Uint8Array) => opened.sign(data) };
        })();
        unlocked.set(keyId, signer);
        // a failed unlock is not cached: a fixed file or passphrase can be retried
        signer.catch(() => unlocked.delete(keyId));
      }
      return signer;
    },
    async generateKey(keyId: string, suite: SuiteId) {
      checkKeyId(keyId);
      return putKey(keyId, await platform.suite(suite).generateSigner());
    },
    putKey,
  };
}

function checkKeyId(keyId: unknown): asserts keyId is string {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) {
    throw new ZzError('ERR_INPUT_INVALID', 'Key id must be 1–128 letters, digits, ".", "_" or "-"');
  }
}
