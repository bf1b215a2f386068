import { utf8Encode, ZzError } from '@zhengzhao/core';
import { type CryptoKeyPairSigner, createSignerFromCryptoKeyPair } from '@zhengzhao/crypto-web';
import type { WrappedKey } from './data-key.js';
import { randomBytes, source, subtle } from './subtle.js';
import { DEVICE_KEY_AAD, GCM_IV_LENGTH } from './vault-constants.js';

const ECDSA_P256: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** A new device key, wrapped for storage, and its public point. */
export interface CreatedDeviceKey {
  /** Uncompressed P-256 point `04 ‖ x ‖ y`. */
  readonly publicKey: Uint8Array;
  /** The PKCS #8 private key, AES-256-GCM-wrapped under the data key. */
  readonly wrapped: WrappedKey;
}

/**
 * Creates the wallet's device key (ISO 18013-5 §9.1.3.4, OpenID4VCI key proofs): ECDSA P-256
 * generated extractable — WebCrypto's `wrapKey` needs that — wrapped at once under the data key
 * and then dropped. The plaintext private key never reaches JavaScript: `wrapKey` exports and
 * encrypts inside WebCrypto. On unlock {@link unwrapDeviceSigner} gives a non-extractable key.
 */
export async function createDeviceKey(dataKey: CryptoKey): Promise<CreatedDeviceKey> {
  const pair = (await subtle().generateKey(ECDSA_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const iv = randomBytes(GCM_IV_LENGTH);
  const wrapped = new Uint8Array(
    await subtle().wrapKey('pkcs8', pair.privateKey, dataKey, {
      name: 'AES-GCM',
      iv: source(iv),
      additionalData: source(utf8Encode(DEVICE_KEY_AAD)),
    }),
  );
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { publicKey, wrapped: { iv, wrapped } };
}

/**
 * Unwraps the device private key under the data key as a NON-extractable ECDSA signing key and
 * returns it as a core `Signer`. A tampered blob is `ERR_WALLET_STORE_TAMPERED`.
 */
export async function unwrapDeviceSigner(
  dataKey: CryptoKey,
  wrapped: WrappedKey,
  publicKey: Uint8Array,
): Promise<CryptoKeyPairSigner> {
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle().unwrapKey(
      'pkcs8',
      source(wrapped.wrapped),
      dataKey,
      { name: 'AES-GCM', iv: source(wrapped.iv), additionalData: source(utf8Encode(DEVICE_KEY_AAD)) },
      ECDSA_P256,
      false,
      ['sign'],
    );
  } catch (error) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'The device key does not unwrap', { cause: error });
  }
  let publicCryptoKey: CryptoKey;
  try {
    publicCryptoKey = await subtle().importKey('raw', source(publicKey), ECDSA_P256, true, ['verify']);
  } catch (error) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'The stored device public key is malformed', { cause: error });
  }
  // the public key sits in the (unencrypted) meta: prove it belongs to the private key
  const challenge = randomBytes(32);
  const signature = await subtle().sign(ECDSA_SHA256, privateKey, source(challenge));
  if (!(await subtle().verify(ECDSA_SHA256, publicCryptoKey, signature, source(challenge)))) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'The stored device public key does not match the private key');
  }
  return createSignerFromCryptoKeyPair({ privateKey, publicKey: publicCryptoKey });
}
