import type { PublicKey } from '../platform/crypto-suite.js';
import type { IssuerInfo } from '../verify/report.js';

/** What a trust source answers: the key to verify the issuer signature with, and who it is. */
export interface TrustResolution {
  readonly publicKey: PublicKey;
  readonly issuer: IssuerInfo;
  /**
   * When the key may be used: the intersection of the validity periods along the chain. A
   * credential signed outside it (ISO 18013-5 §9.3.3: MSO `signed` within the DS certificate's
   * validity) must be refused.
   */
  readonly validity?: { readonly notBefore: Date; readonly notAfter: Date };
  /**
   * From this moment on the key signs nothing valid (a key declared compromised, an authority
   * withdrawn from the trust list): a credential signed at or after `at` fails with `code`;
   * earlier ones stay valid until they expire. Checked by every pipeline's `validity` check.
   */
  readonly revoked?: { readonly at: Date; readonly code: 'ERR_TRUST_KEY_COMPROMISED' | 'ERR_TRUST_ISSUER_WITHDRAWN' };
  /** The DER of the signing certificate and of the root it chained to, when the key came from a chain. */
  readonly certificates?: { readonly leaf: Uint8Array; readonly root: Uint8Array };
}

export interface TrustQuery {
  /** The moment of verification: every validity period is checked against it. */
  readonly now: Date;
  /** The credential type (mdoc docType or SD-JWT vct) the issuer must be authorised for, if known. */
  readonly docType?: string;
}

/**
 * Decides whether an issuer key is trusted (STYLE.md §8). Implementations: a static list of root
 * certificates and key ids, and later the national trust list; they combine. Every method throws
 * a ZzError with an `ERR_TRUST_*` code when the answer is no. See `createStaticTrustSource`,
 * `combineTrustSources` and docs/adr/0005-certificates-and-trust.md.
 */
export interface TrustSource {
  /** Validates a certificate chain (DER, leaf first) up to a trusted root and returns the leaf key. */
  resolveChain(chain: readonly Uint8Array[], query: TrustQuery): Promise<TrustResolution>;
  /** Looks up a compact credential's signing key by key id (ADR 0004: first 8 bytes of SHA-256 of the DS certificate). */
  resolveKid(kid: Uint8Array, query: TrustQuery): Promise<TrustResolution>;
}

/** A credential's pointer into a Token Status List (draft-ietf-oauth-status-list §6). */
export interface StatusReference {
  readonly idx: number;
  readonly uri: string;
}

/**
 * Answers the status of a referenced entry: 0 VALID, 1 INVALID, 2 SUSPENDED, 3 or more
 * application-specific. Implementations verify and cache whole status lists; they never ask the
 * issuer about one credential (DESIGN.md §6.1). Throws `ERR_STATUS_UNAVAILABLE` when no fresh,
 * verified list is at hand.
 */
export interface StatusResolver {
  resolveStatus(reference: StatusReference, query: { readonly now: Date }): Promise<number>;
}
