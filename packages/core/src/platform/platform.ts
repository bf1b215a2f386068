import type { Awaitable, CryptoSuite, DigestAlgorithm, SuiteId } from './crypto-suite.js';

export interface DeflateOptions {
  /**
   * A hint about the data. `run-length` suits sparse bitmaps such as status lists (zlib `Z_RLE`:
   * about 100× faster than the default at nearly the same size). Adapters that cannot choose a
   * strategy (CompressionStream) ignore it; the output is valid ZLIB either way.
   */
  readonly strategy?: 'default' | 'run-length';
}

/**
 * Everything the core needs from its runtime, injected so the core imports no Node built-ins
 * and runs unchanged in a browser. Build one with `createNodePlatform()` from
 * `@zhengzhao/crypto-node` or `createWebPlatform()` from `@zhengzhao/crypto-web`.
 */
export interface Platform {
  /** The suite with this id. Throws `ERR_CRYPTO_UNSUPPORTED_ALG` if the adapter lacks it. */
  suite(id: SuiteId): CryptoSuite;
  digest(algorithm: DigestAlgorithm, data: Uint8Array): Awaitable<Uint8Array>;
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
  /** ZLIB (RFC 1950) compression at the best level. */
  deflate(data: Uint8Array, options?: DeflateOptions): Awaitable<Uint8Array>;
  /**
   * ZLIB (RFC 1950) decompression that stops and throws `ERR_COMPRESSION_LIMIT` as soon as the
   * output would exceed `maxOutputLength` (no zip bombs), and `ERR_COMPRESSION_MALFORMED` for
   * bad input (including raw deflate and gzip).
   */
  inflate(data: Uint8Array, maxOutputLength: number): Awaitable<Uint8Array>;
  /**
   * ISO/IEC 18013-5 §9.1.1 session encryption primitives (ECDH P-256, HKDF-SHA-256, AES-256-GCM).
   * Optional: only proximity sessions need them; the session area throws
   * `ERR_CRYPTO_UNSUPPORTED_ALG` when a platform lacks them.
   */
  readonly session?: SessionCrypto;
}

/** An ephemeral ECDH P-256 key pair whose private key never leaves the adapter. */
export interface EcdhKeyPair {
  /** The uncompressed point `04 ‖ x ‖ y` (65 bytes). */
  readonly publicKey: Uint8Array;
  /**
   * The ECDH shared secret Z with `peerPoint` (a 65-byte uncompressed P-256 point): the 32-byte
   * x-coordinate (SEC 1 §3.3.1). Throws `ERR_CRYPTO_KEY_INVALID` for a point not on the curve.
   */
  deriveSharedSecret(peerPoint: Uint8Array): Awaitable<Uint8Array>;
}

/** Session-encryption primitives of ISO/IEC 18013-5 §9.1.1.5 (cipher suite 1). */
export interface SessionCrypto {
  /** A fresh ephemeral P-256 key pair (EDeviceKey or EReaderKey). */
  generateEcdhKeyPair(): Awaitable<EcdhKeyPair>;
  /**
   * HKDF with SHA-256 (RFC 5869). `length` is 0…8160 (255 × 32); any other value is
   * `ERR_INPUT_INVALID`.
   */
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Awaitable<Uint8Array>;
  /** AES-256-GCM with a 12-byte IV and no AAD: returns ciphertext ‖ 16-byte tag. */
  aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Awaitable<Uint8Array>;
  /**
   * The inverse of `aesGcmEncrypt`: `data` is ciphertext ‖ tag. A wrong tag (tampered data, wrong
   * key or IV) or data shorter than a tag is `ERR_SESSION_DECRYPTION`.
   */
  aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Awaitable<Uint8Array>;
}
