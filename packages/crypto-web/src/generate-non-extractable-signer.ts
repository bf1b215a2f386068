import type { PublicKey, Signer } from '@zhengzhao/core';
import { ZzError } from '@zhengzhao/core';
import { webCrypto } from './buffer-source.js';
import { assertP256Point, ECDSA_P256, signWithCryptoKey } from './web-es256-suite.js';

/**
 * An ES256 signer whose private key is a WebCrypto CryptoKey that cannot be exported. The wallet
 * stores `keyPair` in IndexedDB (CryptoKeys are structured-cloneable) and rebuilds the signer
 * with `createSignerFromCryptoKeyPair` on the next start.
 */
export interface CryptoKeyPairSigner extends Signer {
  readonly suite: 'ES256';
  readonly keyPair: CryptoKeyPair;
}

/**
 * Creates a device key for a wallet: ECDSA P-256 with `extractable: false`, so the private scalar
 * never leaves the browser's key store (ISO 18013-5 §9.1.3.4 device key; DESIGN.md M9).
 */
export async function generateNonExtractableSigner(): Promise<CryptoKeyPairSigner> {
  const keyPair = await webCrypto().subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
  return createSignerFromCryptoKeyPair(keyPair);
}

/** A signer over an existing ECDSA P-256 CryptoKeyPair (for example one read back from IndexedDB). */
export async function createSignerFromCryptoKeyPair(keyPair: CryptoKeyPair): Promise<CryptoKeyPairSigner> {
  const algorithm = keyPair?.privateKey?.algorithm as EcKeyAlgorithm | undefined;
  if (algorithm?.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256' || !keyPair.privateKey.usages.includes('sign')) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Key pair is not an ECDSA P-256 signing key');
  }
  let point: Uint8Array;
  try {
    point = new Uint8Array(await webCrypto().subtle.exportKey('raw', keyPair.publicKey));
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Public key of the pair cannot be exported', { cause: error });
  }
  assertP256Point(point);
  const publicKey: PublicKey = { suite: 'ES256', point };
  return {
    suite: 'ES256',
    publicKey,
    keyPair,
    sign: (data) => signWithCryptoKey(keyPair.privateKey, data),
  };
}
