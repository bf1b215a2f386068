import { utf8Encode, ZzError } from '@zhengzhao/core';
import type { WalletRecordKind } from '../store/wallet-store.js';
import { randomBytes, source, subtle } from './subtle.js';
import { GCM_IV_LENGTH, GCM_TAG_LENGTH, RECORD_VERSION } from './vault-constants.js';

/** Additional authenticated data of a record: its kind and id, so a record cannot be moved. */
function recordAad(kind: WalletRecordKind, id: string): Uint8Array<ArrayBuffer> {
  return source(utf8Encode(`zhengzhao wallet v1 record ${kind}/${id}`));
}

/**
 * Encrypts one record with the data key: `version ‖ IV (12) ‖ AES-256-GCM(ciphertext ‖ tag)`,
 * a fresh random IV every time, the record's kind and id as AAD.
 */
export async function sealRecord(
  dataKey: CryptoKey,
  kind: WalletRecordKind,
  id: string,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  const iv = randomBytes(GCM_IV_LENGTH);
  const ciphertext = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: source(iv), additionalData: recordAad(kind, id) },
      dataKey,
      source(plaintext),
    ),
  );
  const out = new Uint8Array(1 + GCM_IV_LENGTH + ciphertext.length);
  out[0] = RECORD_VERSION;
  out.set(iv, 1);
  out.set(ciphertext, 1 + GCM_IV_LENGTH);
  return out;
}

/**
 * Decrypts a record sealed by {@link sealRecord}. Any change — a flipped bit, a record moved to
 * another id, a truncated value — is `ERR_WALLET_STORE_TAMPERED`.
 */
export async function openRecord(
  dataKey: CryptoKey,
  kind: WalletRecordKind,
  id: string,
  sealed: Uint8Array,
): Promise<Uint8Array> {
  if (!(sealed instanceof Uint8Array) || sealed.length < 1 + GCM_IV_LENGTH + GCM_TAG_LENGTH) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'A wallet record is truncated');
  }
  if (sealed[0] !== RECORD_VERSION)
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'A wallet record has an unknown version');
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: source(sealed.slice(1, 1 + GCM_IV_LENGTH)), additionalData: recordAad(kind, id) },
        dataKey,
        source(sealed.slice(1 + GCM_IV_LENGTH)),
      ),
    );
  } catch (error) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'A wallet record does not decrypt', { cause: error });
  }
}
