import { p256 } from '@noble/curves/nist.js';
import {
  type CryptoSuite,
  decodeBase64url,
  type ExportableSigner,
  encodeBase64url,
  type PublicKey,
  SUITES,
  ZzError,
} from '@zhengzhao/core';
import { bufferSource, webCrypto } from './buffer-source.js';
import { WebKeyCache } from './web-key-cache.js';

export const ECDSA_P256: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const ECDSA_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/**
 * Checks a P-256 public key (65-byte uncompressed point on the curve, SEC 1 §3.2.2) with noble
 * before WebCrypto sees it, so every browser fails the same way: `ERR_CRYPTO_KEY_INVALID`.
 */
export function assertP256Point(point: Uint8Array): void {
  if (!(point instanceof Uint8Array) || point.length !== 65 || point[0] !== 4) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 public key must be a 65-byte uncompressed point');
  }
  try {
    p256.Point.fromBytes(point);
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Point is not on P-256', { cause: error });
  }
}

async function importVerifyKey(point: Uint8Array): Promise<CryptoKey> {
  assertP256Point(point);
  try {
    return await webCrypto().subtle.importKey('raw', bufferSource(point), ECDSA_P256, false, ['verify']);
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 public key was refused by WebCrypto', { cause: error });
  }
}

/** Signs with an ECDSA P-256 CryptoKey: WebCrypto's ECDSA output is already raw r ‖ s. */
export async function signWithCryptoKey(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to sign must be bytes');
  try {
    return new Uint8Array(await webCrypto().subtle.sign(ECDSA_SHA256, key, bufferSource(data)));
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'WebCrypto ECDSA signing failed', { cause: error });
  }
}

function jwkOf(point: Uint8Array, d?: Uint8Array): JsonWebKey {
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: 'P-256',
    x: encodeBase64url(point.subarray(1, 33)),
    y: encodeBase64url(point.subarray(33)),
  };
  if (d !== undefined) jwk.d = encodeBase64url(d);
  return jwk;
}

/** ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4) on WebCrypto, verify keys cached by point. */
export function createWebEs256Suite(): CryptoSuite {
  const keys = new WebKeyCache(importVerifyKey);

  const importSigner = async (privateScalar: Uint8Array): Promise<ExportableSigner> => {
    let point: Uint8Array;
    try {
      if (!(privateScalar instanceof Uint8Array) || privateScalar.length !== 32) throw new Error('length');
      point = p256.getPublicKey(privateScalar, false); // checks d ∈ [1, n−1]
    } catch (error) {
      throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 private key must be 32 bytes in [1, n−1]', { cause: error });
    }
    const scalar = new Uint8Array(privateScalar);
    const key = await webCrypto().subtle.importKey('jwk', jwkOf(point, scalar), ECDSA_P256, false, ['sign']);
    const publicKey: PublicKey = { suite: 'ES256', point };
    return {
      suite: 'ES256',
      publicKey,
      sign: (data) => signWithCryptoKey(key, data),
      exportPrivateScalar: () => new Uint8Array(scalar),
    };
  };

  return {
    ...SUITES.ES256,
    async verify(publicKey, data, signature) {
      const key = await keys.get(publicKey);
      if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Signed data must be bytes');
      if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
      try {
        return await webCrypto().subtle.verify(ECDSA_SHA256, key, bufferSource(signature), bufferSource(data));
      } catch {
        return false; // WebCrypto reports malformed signatures as errors in some engines
      }
    },
    async generateSigner() {
      const pair = await webCrypto().subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
      const jwk = await webCrypto().subtle.exportKey('jwk', pair.privateKey);
      if (typeof jwk.d !== 'string') throw new ZzError('ERR_CRYPTO_OPERATION', 'WebCrypto exported no private scalar');
      return importSigner(decodeBase64url(jwk.d));
    },
    importSigner,
  };
}
