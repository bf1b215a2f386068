import { webcrypto } from 'node:crypto';
import { type Oid4vpEncryptionJwk, ZzError } from '@zhengzhao/core';

/** A verifier's ephemeral key for one `direct_post.jwt` response. */
export interface ResponseEncryptionKey {
  /** Goes into `client_metadata.jwks.keys` of the request. */
  readonly jwk: Oid4vpEncryptionJwk;
  /** Decrypts the response JWE; never leaves the process. */
  readonly privateKey: CryptoKey;
}

/**
 * A fresh P-256 ECDH-ES key pair for one session (OpenID4VP 1.0 §8.3, HAIP): the private key is
 * non-extractable and forgotten with the session, so a response can only be read while the
 * session lives.
 */
export async function createResponseEncryptionKey(kid: string): Promise<ResponseEncryptionKey> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const exported = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  if (typeof exported.x !== 'string' || typeof exported.y !== 'string') {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'Could not export the response encryption key');
  }
  return {
    jwk: { kty: 'EC', crv: 'P-256', x: exported.x, y: exported.y, use: 'enc', alg: 'ECDH-ES', kid },
    privateKey: pair.privateKey,
  };
}
