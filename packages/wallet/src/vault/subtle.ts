import { ZzError } from '@zhengzhao/core';

/** WebCrypto's SubtleCrypto (browsers in a secure context, Node ≥ 20). */
export function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'WebCrypto (crypto.subtle) is not available: use a secure context');
  }
  return crypto.subtle;
}

/** `bytes` as a BufferSource over an ArrayBuffer (a copy only when it is not one already). */
export function source(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** Fresh random bytes from WebCrypto. */
export function randomBytes(length: number): Uint8Array {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto === undefined) throw new ZzError('ERR_CRYPTO_OPERATION', 'WebCrypto is not available');
  return crypto.getRandomValues(new Uint8Array(length));
}
