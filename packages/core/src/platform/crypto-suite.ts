/**
 * Crypto suites: the signature algorithms a credential may be signed with, behind one interface
 * so that the core never imports a runtime. Adapters (`@zhengzhao/crypto-node`,
 * `@zhengzhao/crypto-web`) implement them; see docs/adr/0002-sm2-algorithm-identifiers.md.
 */

/** A value or a promise of it: Node adapters answer synchronously, WebCrypto asynchronously. */
export type Awaitable<T> = T | Promise<T>;

/** The two suites of the platform. */
export type SuiteId = 'ES256' | 'SM2';

/** Hash functions used for digests (MSO valueDigests, SD-JWT `_sd_alg`, certificates). */
export type DigestAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3';

/** Static description of a suite: identifiers in every format we emit. */
export interface SuiteDescriptor {
  readonly id: SuiteId;
  /** COSE `alg` (RFC 9053 §2.1: ES256 = -7; SM2 = private use, see ADR 0002). */
  readonly coseAlg: number;
  /** JOSE `alg` header value. */
  readonly joseAlg: string;
  /** COSE_Key `crv` value for the curve. */
  readonly coseCurve: number;
  /** JWK `crv` value for the curve. */
  readonly jwkCurve: string;
  /** Digest used with this suite for MSO and SD-JWT digests. */
  readonly digestAlgorithm: DigestAlgorithm;
  /** Length in bytes of a field element (x, y, r, s and the private scalar). */
  readonly fieldLength: 32;
}

/**
 * An elliptic-curve public key as the uncompressed SEC 1 point `04 ‖ x ‖ y` (65 bytes for both
 * P-256 and SM2). One canonical form makes COSE_Key, JWK and SPKI conversions trivial and lets
 * adapters cache imported key objects by these bytes.
 */
export interface PublicKey {
  readonly suite: SuiteId;
  readonly point: Uint8Array;
}

/**
 * Something that can sign with one private key: a key in memory, a non-extractable WebCrypto
 * key, or a handle into an HSM. Signatures are raw `r ‖ s` (64 bytes), never DER.
 */
export interface Signer {
  readonly suite: SuiteId;
  readonly publicKey: PublicKey;
  sign(data: Uint8Array): Awaitable<Uint8Array>;
}

/** A signer whose private scalar can be exported (for keys that must be stored, encrypted). */
export interface ExportableSigner extends Signer {
  /** The 32-byte private scalar `d`. Handle with care; never log it. */
  exportPrivateScalar(): Uint8Array;
}

/** One signature algorithm, implemented by a runtime adapter. */
export interface CryptoSuite extends SuiteDescriptor {
  /**
   * Verifies a raw `r ‖ s` signature over `data` (the suite hashes `data` itself: SHA-256 for
   * ES256; for SM2, SM3 over Z_A ‖ data with the default user ID, GB/T 32918.2 §6.1).
   * Returns false for a wrong signature or a signature of the wrong size; throws
   * `ERR_CRYPTO_KEY_INVALID` for a point that is not on the curve.
   */
  verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Awaitable<boolean>;
  /** Creates a fresh key pair. */
  generateSigner(): Awaitable<ExportableSigner>;
  /** Imports a 32-byte private scalar. */
  importSigner(privateScalar: Uint8Array): Awaitable<ExportableSigner>;
}
