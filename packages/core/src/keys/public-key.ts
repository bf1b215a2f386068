import { concatBytes } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey, SuiteId } from '../platform/crypto-suite.js';

/** Builds a PublicKey from its affine coordinates (32 bytes each). */
export function publicKeyFromCoordinates(suite: SuiteId, x: Uint8Array, y: Uint8Array): PublicKey {
  if (x.length !== 32 || y.length !== 32) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'EC coordinates must be 32 bytes each');
  }
  return { suite, point: concatBytes(Uint8Array.of(4), x, y) };
}

/** Checks the shape of an uncompressed point (on-curve checks are the suite's job). */
export function assertPublicKey(key: PublicKey): PublicKey {
  if (!(key.point instanceof Uint8Array) || key.point.length !== 65 || key.point[0] !== 4) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Public key must be an uncompressed point of 65 bytes');
  }
  return key;
}

export function publicKeyX(key: PublicKey): Uint8Array {
  return key.point.subarray(1, 33);
}

export function publicKeyY(key: PublicKey): Uint8Array {
  return key.point.subarray(33, 65);
}
