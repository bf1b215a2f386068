import { type Platform, ZzError } from '@zhengzhao/core';
import { bufferSource, webCrypto } from './buffer-source.js';
import { assertP256Point } from './web-es256-suite.js';

// The session types, through `Platform` (the core re-exports them from its session area too).
type SessionCrypto = NonNullable<Platform['session']>;
type EcdhKeyPair = Awaited<ReturnType<SessionCrypto['generateEcdhKeyPair']>>;

const ECDH_P256: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };
/** RFC 5869 §2.3: L ≤ 255 × HashLen. */
const HKDF_SHA256_MAX = 255 * 32;
const TAG_LENGTH = 16;

function assertBytes(value: unknown, what: string, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array) || (length !== undefined && value.length !== length)) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be ${length === undefined ? '' : `${length} `}bytes`);
  }
}

async function importAesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return webCrypto().subtle.importKey('raw', bufferSource(key), 'AES-GCM', false, [usage]);
}

/**
 * ISO/IEC 18013-5 §9.1.1.5 session primitives on WebCrypto: ECDH P-256 with a non-extractable
 * private key, HKDF-SHA-256 and AES-256-GCM (128-bit tag appended, no AAD).
 */
export function createWebSessionCrypto(): SessionCrypto {
  return {
    async generateEcdhKeyPair(): Promise<EcdhKeyPair> {
      const subtle = webCrypto().subtle;
      const pair = (await subtle.generateKey(ECDH_P256, false, ['deriveBits'])) as CryptoKeyPair;
      const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
      return {
        publicKey,
        async deriveSharedSecret(peerPoint) {
          assertP256Point(peerPoint); // same typed error on every engine
          let peer: CryptoKey;
          try {
            peer = await subtle.importKey('raw', bufferSource(peerPoint), ECDH_P256, false, []);
          } catch (error) {
            throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'P-256 public key was refused by WebCrypto', { cause: error });
          }
          return new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: peer }, pair.privateKey, 256));
        },
      };
    },
    async hkdfSha256(ikm, salt, info, length) {
      assertBytes(ikm, 'HKDF input key material');
      assertBytes(salt, 'HKDF salt');
      assertBytes(info, 'HKDF info');
      if (!Number.isSafeInteger(length) || length < 0 || length > HKDF_SHA256_MAX) {
        throw new ZzError('ERR_INPUT_INVALID', `HKDF-SHA-256 output length must be 0…${HKDF_SHA256_MAX}`);
      }
      if (length === 0) return new Uint8Array(0);
      const subtle = webCrypto().subtle;
      const key = await subtle.importKey('raw', bufferSource(ikm), 'HKDF', false, ['deriveBits']);
      const params = { name: 'HKDF', hash: 'SHA-256', salt: bufferSource(salt), info: bufferSource(info) };
      return new Uint8Array(await subtle.deriveBits(params, key, length * 8));
    },
    async aesGcmEncrypt(key, iv, plaintext) {
      assertBytes(key, 'AES-256 key', 32);
      assertBytes(iv, 'AES-GCM IV', 12);
      assertBytes(plaintext, 'Plaintext');
      const aes = await importAesKey(key, 'encrypt');
      const params: AesGcmParams = { name: 'AES-GCM', iv: bufferSource(iv), tagLength: TAG_LENGTH * 8 };
      return new Uint8Array(await webCrypto().subtle.encrypt(params, aes, bufferSource(plaintext)));
    },
    async aesGcmDecrypt(key, iv, data) {
      assertBytes(key, 'AES-256 key', 32);
      assertBytes(iv, 'AES-GCM IV', 12);
      assertBytes(data, 'Ciphertext');
      if (data.length < TAG_LENGTH) throw new ZzError('ERR_SESSION_DECRYPTION', 'Ciphertext is shorter than its tag');
      const aes = await importAesKey(key, 'decrypt');
      const params: AesGcmParams = { name: 'AES-GCM', iv: bufferSource(iv), tagLength: TAG_LENGTH * 8 };
      try {
        return new Uint8Array(await webCrypto().subtle.decrypt(params, aes, bufferSource(data)));
      } catch (error) {
        throw new ZzError('ERR_SESSION_DECRYPTION', 'AES-GCM tag does not verify', { cause: error });
      }
    },
  };
}
