import { ZzError } from '@zhengzhao/core';
import { createSignerFromCryptoKeyPair } from '@zhengzhao/crypto-web';
import type { ReaderKey } from '@zhengzhao/verifier';
import type { ReaderConfig, ReaderOrganisation } from './parse-reader-config.js';

/**
 * What the counter keeps of reader.json: a signer whose private key is a NON-extractable
 * WebCrypto key (its bytes cannot be read back through the API), the certificate chain, and the
 * organisation's names. The JWK itself is not kept.
 */
export interface ReaderIdentity {
  readonly readerKey: ReaderKey;
  readonly organisation: ReaderOrganisation;
}

const ECDSA_P256: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/**
 * Imports the reader key of a parsed reader.json into WebCrypto: the private key with
 * `extractable: false` and usage `sign` only, the public key beside it; then signs and verifies
 * a random challenge, so a key whose `d` is not the certificate's point fails here
 * (`ERR_READER_CONFIG_INVALID`) rather than at the holder's phone.
 */
export async function importReaderKey(
  config: ReaderConfig,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<ReaderIdentity> {
  const { kty, crv, x, y, d } = config.privateKeyJwk;
  let keyPair: CryptoKeyPair;
  try {
    const privateKey = await subtle.importKey('jwk', { kty, crv, x, y, d }, ECDSA_P256, false, ['sign']);
    const publicKey = await subtle.importKey('jwk', { kty, crv, x, y }, ECDSA_P256, true, ['verify']);
    keyPair = { privateKey, publicKey };
  } catch (error) {
    throw new ZzError('ERR_READER_CONFIG_INVALID', 'private_key_jwk was refused by WebCrypto', { cause: error });
  }
  if (keyPair.privateKey.extractable) {
    throw new ZzError('ERR_READER_CONFIG_INVALID', 'The reader key must not be extractable');
  }
  const signer = await createSignerFromCryptoKeyPair(keyPair);
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  let matches = false;
  try {
    const signature = await signer.sign(challenge);
    matches = await subtle.verify(ECDSA_SHA256, keyPair.publicKey, new Uint8Array(signature), challenge);
  } catch (error) {
    throw new ZzError('ERR_READER_CONFIG_INVALID', 'The reader key cannot sign', { cause: error });
  }
  if (!matches) throw new ZzError('ERR_READER_CONFIG_INVALID', 'private_key_jwk d does not match its x and y');
  return {
    readerKey: { signer, certificateChain: config.certificateChain.map((der) => der.slice()) },
    organisation: { ...config.organisation },
  };
}
