import { utf8Encode } from '@zhengzhao/core';
import { randomBytes, source, subtle } from './subtle.js';
import { GCM_IV_LENGTH } from './vault-constants.js';

/** A data key wrapped under one unlock key: AES-256-GCM of the raw key, with its IV. */
export interface WrappedKey {
  readonly iv: Uint8Array;
  readonly wrapped: Uint8Array;
}

const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

/**
 * A fresh random 256-bit AES-GCM data key. It is extractable ONLY so that `setUp` can wrap it
 * under the PIN and PRF keys; the wallet then forgets this object and works with the
 * non-extractable copy that {@link unwrapDataKey} returns.
 */
export function generateDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, DATA_KEY_USAGES) as Promise<CryptoKey>;
}

/** Wraps `dataKey` (raw) with AES-256-GCM under `wrappingKey`, with a fresh IV and `aad`. */
export async function wrapDataKey(dataKey: CryptoKey, wrappingKey: CryptoKey, aad: string): Promise<WrappedKey> {
  const iv = randomBytes(GCM_IV_LENGTH);
  const wrapped = await subtle().wrapKey('raw', dataKey, wrappingKey, {
    name: 'AES-GCM',
    iv: source(iv),
    additionalData: source(utf8Encode(aad)),
  });
  return { iv, wrapped: new Uint8Array(wrapped) };
}

/**
 * Unwraps the data key as a NON-extractable AES-GCM key. A wrong unlock key (wrong PIN, other
 * authenticator) or a changed byte fails the GCM tag: returns undefined, never a wrong key.
 */
export async function unwrapDataKey(
  wrappedKey: WrappedKey,
  unwrappingKey: CryptoKey,
  aad: string,
): Promise<CryptoKey | undefined> {
  try {
    return await subtle().unwrapKey(
      'raw',
      source(wrappedKey.wrapped),
      unwrappingKey,
      { name: 'AES-GCM', iv: source(wrappedKey.iv), additionalData: source(utf8Encode(aad)) },
      { name: 'AES-GCM', length: 256 },
      false,
      DATA_KEY_USAGES,
    );
  } catch {
    return undefined;
  }
}
