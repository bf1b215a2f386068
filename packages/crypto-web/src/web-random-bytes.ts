import { ZzError } from '@zhengzhao/core';
import { webCrypto } from './buffer-source.js';

/** getRandomValues fills at most 65,536 bytes per call (WebCrypto §10.1.1). */
const MAX_CHUNK = 65536;

/** Cryptographically secure random bytes from `crypto.getRandomValues`, in chunks. */
export function webRandomBytes(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0 || length > 2 ** 31 - 1) {
    throw new ZzError('ERR_INPUT_INVALID', 'Random length must be a non-negative integer');
  }
  const crypto = webCrypto();
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += MAX_CHUNK) {
    crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + MAX_CHUNK)));
  }
  return out;
}
