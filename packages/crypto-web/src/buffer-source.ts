import { ZzError } from '@zhengzhao/core';

/**
 * WebCrypto and streams take `BufferSource` (views over an ArrayBuffer, not a
 * SharedArrayBuffer). Returns `bytes` itself when it qualifies, else a copy.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The WebCrypto of this runtime (browsers, workers, Node ≥ 20, Deno, Bun). */
export function webCrypto(): Crypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'WebCrypto (crypto.subtle) is not available: use a secure context');
  }
  return crypto;
}
