import { createECDH, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import {
  type CryptoSuite,
  type ExportableSigner,
  encodeBase64url,
  type PublicKey,
  SUITES,
  ZzError,
} from '@zhengzhao/core';
import { KeyCache } from './key-cache.js';

const P1363 = { dsaEncoding: 'ieee-p1363' } as const;

/** ES256 (ECDSA P-256 with SHA-256) on node:crypto's synchronous API with cached KeyObjects. */
export function createNodeEs256Suite(): CryptoSuite {
  // cached with their verify options, so a verification allocates nothing of its own
  const keys = new KeyCache<{ key: KeyObject; dsaEncoding: 'ieee-p1363' }>((point) => ({
    key: importPoint(point),
    ...P1363,
  }));
  const importSigner = (privateScalar: Uint8Array): ExportableSigner => {
    if (!(privateScalar instanceof Uint8Array) || privateScalar.length !== 32)
      throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 private key must be 32 bytes');
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(privateScalar);
    } catch (error) {
      throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 private key is out of range', { cause: error });
    }
    const point = new Uint8Array(ecdh.getPublicKey());
    const signOptions = {
      key: createPrivateKey({
        format: 'jwk',
        key: {
          kty: 'EC',
          crv: 'P-256',
          d: encodeBase64url(privateScalar),
          x: encodeBase64url(point.subarray(1, 33)),
          y: encodeBase64url(point.subarray(33)),
        },
      }),
      ...P1363,
    };
    const publicKey: PublicKey = { suite: 'ES256', point };
    const scalar = new Uint8Array(privateScalar);
    return {
      suite: 'ES256',
      publicKey,
      sign: (data) => {
        if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to sign must be bytes');
        return new Uint8Array(sign('sha256', data, signOptions));
      },
      exportPrivateScalar: () => new Uint8Array(scalar),
    };
  };
  return {
    ...SUITES.ES256,
    verify(publicKey, data, signature) {
      const options = keys.get(publicKey);
      if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Signed data must be bytes');
      if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
      // OpenSSL itself rejects r or s outside [1, n−1] (see the Wycheproof test in crypto-web).
      return verify('sha256', data, options, signature);
    },
    generateSigner() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      return importSigner(padScalar(new Uint8Array(ecdh.getPrivateKey())));
    },
    importSigner,
  };
}

function importPoint(point: Uint8Array): KeyObject {
  if (!(point instanceof Uint8Array) || point.length !== 65 || point[0] !== 4) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 public key must be an uncompressed point');
  }
  try {
    return createPublicKey({
      format: 'jwk',
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: encodeBase64url(point.subarray(1, 33)),
        y: encodeBase64url(point.subarray(33)),
      },
    });
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Point is not on P-256', { cause: error });
  }
}

function padScalar(scalar: Uint8Array): Uint8Array {
  if (scalar.length === 32) return scalar;
  const out = new Uint8Array(32);
  out.set(scalar, 32 - scalar.length);
  return out;
}
