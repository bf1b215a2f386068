import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import {
  decodeBase64url,
  type EcPublicJwk,
  type ExportableSigner,
  encodeBase64url,
  isSuiteId,
  type Platform,
  publicKeyToJwk,
  type SuiteId,
  ZzError,
} from '@zhengzhao/core';

/**
 * (Moved here from apps/cli; the `zz-key-1` format is unchanged.)
 *
 * A private key encrypted at rest (DESIGN.md §6.4): the 32-byte scalar sealed with AES-256-GCM
 * under a key derived from a passphrase with scrypt. The public key and suite stay readable so
 * certificates and trust lists can be built without the passphrase.
 */
export interface EncryptedKeyFile {
  format: 'zz-key-1';
  suite: SuiteId;
  publicKey: EcPublicJwk;
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  cipher: 'A256GCM';
  iv: string;
  ciphertext: string;
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const MAX_N = 1 << 20;

export function encryptKeyFile(signer: ExportableSigner, passphrase: string): EncryptedKeyFile {
  if (passphrase.length < 8) throw new ZzError('ERR_KEYSTORE_PASSPHRASE', 'Passphrase must have at least 8 characters');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, { ...SCRYPT, maxmem: 128 * SCRYPT.N * SCRYPT.r * 2 });
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`zz-key-1:${signer.suite}`));
  const sealed = Buffer.concat([cipher.update(signer.exportPrivateScalar()), cipher.final(), cipher.getAuthTag()]);
  return {
    format: 'zz-key-1',
    suite: signer.suite,
    publicKey: publicKeyToJwk(signer.publicKey),
    kdf: { name: 'scrypt', salt: encodeBase64url(salt), ...SCRYPT },
    cipher: 'A256GCM',
    iv: encodeBase64url(iv),
    ciphertext: encodeBase64url(sealed),
  };
}

/** Opens a key file; a wrong passphrase or a modified file is `ERR_KEYSTORE_PASSPHRASE`. */
export async function decryptKeyFile(platform: Platform, file: unknown, passphrase: string): Promise<ExportableSigner> {
  const parsed = parseKeyFile(file);
  const { N, r, p } = parsed.kdf;
  const salt = decodeField(parsed.kdf.salt, 8, 64);
  const iv = decodeField(parsed.iv, 12, 12);
  const sealed = decodeField(parsed.ciphertext, 48, 48);
  const key = scryptSync(passphrase, salt, 32, { N, r, p, maxmem: 128 * N * r * 2 });
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(`zz-key-1:${parsed.suite}`));
  decipher.setAuthTag(sealed.subarray(32));
  let scalar: Buffer;
  try {
    scalar = Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]);
  } catch {
    throw new ZzError('ERR_KEYSTORE_PASSPHRASE', 'Wrong passphrase, or the key file was modified');
  }
  const signer = await platform.suite(parsed.suite).importSigner(new Uint8Array(scalar));
  scalar.fill(0);
  const publicJwk = publicKeyToJwk(signer.publicKey);
  if (publicJwk.x !== parsed.publicKey.x || publicJwk.y !== parsed.publicKey.y) {
    throw new ZzError('ERR_KEYSTORE_FORMAT', 'Key file public key does not match its private key');
  }
  return signer;
}

/** Decodes a base64url member and checks its length (bytes), as `ERR_KEYSTORE_FORMAT`. */
function decodeField(text: string, min: number, max: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(text);
  } catch (error) {
    throw new ZzError('ERR_KEYSTORE_FORMAT', 'Key file member is not base64url', { cause: error });
  }
  if (bytes.length < min || bytes.length > max) {
    throw new ZzError('ERR_KEYSTORE_FORMAT', 'Key file member has the wrong length');
  }
  return bytes;
}

function parseKeyFile(file: unknown): EncryptedKeyFile {
  const f = file as Partial<EncryptedKeyFile> | null;
  const kdf = f?.kdf;
  const ok =
    f !== null &&
    typeof f === 'object' &&
    f.format === 'zz-key-1' &&
    isSuiteId(f.suite) &&
    f.cipher === 'A256GCM' &&
    typeof f.iv === 'string' &&
    typeof f.ciphertext === 'string' &&
    typeof f.publicKey === 'object' &&
    f.publicKey !== null &&
    typeof f.publicKey.x === 'string' &&
    typeof f.publicKey.y === 'string' &&
    kdf?.name === 'scrypt' &&
    typeof kdf.salt === 'string' &&
    Number.isInteger(kdf.N) &&
    kdf.N >= 1 << 14 &&
    kdf.N <= MAX_N &&
    Number.isInteger(kdf.r) &&
    kdf.r >= 1 &&
    kdf.r <= 32 &&
    Number.isInteger(kdf.p) &&
    kdf.p >= 1 &&
    kdf.p <= 4;
  if (!ok) throw new ZzError('ERR_KEYSTORE_FORMAT', 'Not a zz-key-1 key file');
  return f as EncryptedKeyFile;
}
