import { isZzError, jwkToPublicKey, type Platform, type PublicKey, ZzError } from '@zhengzhao/core';

/**
 * The relying party's public key from its JWK: an EC P-256 public key on the curve. A private
 * JWK (with `d`), a malformed one or a point off the curve is `ERR_CRYPTO_KEY_INVALID`; another
 * curve or key type is `ERR_CRYPTO_UNSUPPORTED_ALG`. The registry never sees a private key.
 */
export async function readRelyingPartyKey(platform: Platform, jwk: unknown): Promise<PublicKey> {
  let key: PublicKey;
  try {
    key = jwkToPublicKey(jwk);
  } catch (error) {
    if (isZzError(error, 'ERR_CRYPTO_UNSUPPORTED_ALG')) throw error;
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'public_key_jwk is not a valid EC public JWK', { cause: error });
  }
  if (key.suite !== 'ES256') throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'public_key_jwk must be a P-256 key');
  try {
    // importing the point for a (failing) verification checks it lies on the curve
    await platform.suite('ES256').verify(key.point, new Uint8Array(1), new Uint8Array(64));
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'public_key_jwk is not a point on P-256', { cause: error });
  }
  return key;
}
