import { ZzError } from '../errors/zz-error.js';
import type { Platform, SessionCrypto } from '../platform/platform.js';

/** The platform's session primitives, or `ERR_CRYPTO_UNSUPPORTED_ALG` when the adapter has none. */
export function sessionCryptoOf(platform: Platform): SessionCrypto {
  const session = platform?.session;
  if (!session) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'This platform has no session encryption');
  return session;
}
