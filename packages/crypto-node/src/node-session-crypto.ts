import { createCipheriv, createDecipheriv, createECDH, hkdfSync } from 'node:crypto';
import { type Platform, ZzError } from '@zhengzhao/core';

// The session types, through `Platform` (the core re-exports them from its session area too).
type SessionCrypto = NonNullable<Platform['session']>;
type EcdhKeyPair = Awaited<ReturnType<SessionCrypto['generateEcdhKeyPair']>>;

/** RFC 5869 §2.3: L ≤ 255 × HashLen. */
const HKDF_SHA256_MAX = 255 * 32;
const TAG_LENGTH = 16;

function assertBytes(value: unknown, what: string, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array) || (length !== undefined && value.length !== length)) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be ${length === undefined ? '' : `${length} `}bytes`);
  }
}

function assertPeerPoint(point: unknown): asserts point is Uint8Array {
  if (!(point instanceof Uint8Array) || point.length !== 65 || point[0] !== 4) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 public key must be a 65-byte uncompressed point');
  }
}

/**
 * ISO/IEC 18013-5 §9.1.1.5 session primitives on node:crypto: ECDH on prime256v1 (`createECDH`),
 * HKDF-SHA-256 (`hkdfSync`) and AES-256-GCM (`createCipheriv`), all synchronous.
 */
export function createNodeSessionCrypto(): SessionCrypto {
  return {
    generateEcdhKeyPair(): EcdhKeyPair {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const publicKey = new Uint8Array(ecdh.getPublicKey());
      return {
        publicKey,
        deriveSharedSecret(peerPoint) {
          assertPeerPoint(peerPoint);
          try {
            return new Uint8Array(ecdh.computeSecret(peerPoint));
          } catch (error) {
            throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Point is not on P-256', { cause: error });
          }
        },
      };
    },
    hkdfSha256(ikm, salt, info, length) {
      assertBytes(ikm, 'HKDF input key material');
      assertBytes(salt, 'HKDF salt');
      assertBytes(info, 'HKDF info');
      if (!Number.isSafeInteger(length) || length < 0 || length > HKDF_SHA256_MAX) {
        throw new ZzError('ERR_INPUT_INVALID', `HKDF-SHA-256 output length must be 0…${HKDF_SHA256_MAX}`);
      }
      if (length === 0) return new Uint8Array(0);
      return new Uint8Array(hkdfSync('sha256', ikm, salt, info, length));
    },
    aesGcmEncrypt(key, iv, plaintext) {
      assertBytes(key, 'AES-256 key', 32);
      assertBytes(iv, 'AES-GCM IV', 12);
      assertBytes(plaintext, 'Plaintext');
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
      const head = cipher.update(plaintext);
      const tail = cipher.final();
      const tag = cipher.getAuthTag();
      const out = new Uint8Array(head.length + tail.length + TAG_LENGTH);
      out.set(head, 0);
      out.set(tail, head.length);
      out.set(tag, head.length + tail.length);
      return out;
    },
    aesGcmDecrypt(key, iv, data) {
      assertBytes(key, 'AES-256 key', 32);
      assertBytes(iv, 'AES-GCM IV', 12);
      assertBytes(data, 'Ciphertext');
      if (data.length < TAG_LENGTH) throw new ZzError('ERR_SESSION_DECRYPTION', 'Ciphertext is shorter than its tag');
      const split = data.length - TAG_LENGTH;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
        decipher.setAuthTag(data.subarray(split));
        const head = decipher.update(data.subarray(0, split));
        const tail = decipher.final();
        const out = new Uint8Array(head.length + tail.length);
        out.set(head, 0);
        out.set(tail, head.length);
        return out;
      } catch (error) {
        throw new ZzError('ERR_SESSION_DECRYPTION', 'AES-GCM tag does not verify', { cause: error });
      }
    },
  };
}
