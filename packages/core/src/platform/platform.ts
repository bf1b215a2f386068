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
}
