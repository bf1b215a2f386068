import type { SuiteId } from '@zhengzhao/core';

/** Largest trust bundle accepted, in bytes of JSON (checked before parsing). */
export const MAX_TRUST_BUNDLE_BYTES = 1024 * 1024;
/** Most issuers in one bundle. */
export const MAX_TRUST_BUNDLE_ISSUERS = 256;
/** Most certificates per issuer and list (IACA roots or document signers). */
export const MAX_TRUST_BUNDLE_CERTIFICATES = 32;

/** An issuer's display name in both UI languages. */
export interface TrustBundleName {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** One issuing authority of a trust bundle. */
export interface TrustBundleIssuer {
  /** Stable identifier, e.g. `cn-44` (letters, digits, `.`, `_`, `-`; at most 64). */
  readonly id: string;
  readonly name: TrustBundleName;
  /** The suite every certificate of this issuer uses. */
  readonly suite: SuiteId;
  /** IACA root certificates (PEM), at least one. */
  readonly iaca: readonly string[];
  /**
   * Document-signer certificates (PEM) that compact credentials (ZZ1 QR) reference by kid
   * (ADR 0004); each must chain to one of this issuer's IACA roots.
   */
  readonly document_signers: readonly string[];
  /** Credential types (mdoc docType / vct / catalog typeId) this issuer may issue; absent = any. */
  readonly doc_types?: readonly string[];
}

/**
 * The trust bundle (Zhengzhao issue 5 §1): the issuing authorities a verifier trusts, as JSON.
 * Unsigned for now; the P4 national trust list (signed, sequence-numbered) will replace it. It is
 * only ever taken from a configured source (file, app bundle, `trustBundleUrl` over HTTPS).
 *
 * ```json
 * { "version": 1, "issued_at": "2026-11-27T08:00:00Z",
 *   "issuers": [{ "id": "cn-44", "name": {"zh-CN": "广东省公安厅", "en": "Guangdong PSB"},
 *                 "suite": "ES256", "iaca": ["-----BEGIN CERTIFICATE-----…"],
 *                 "document_signers": ["-----BEGIN CERTIFICATE-----…"] }] }
 * ```
 */
export interface TrustBundle {
  readonly version: 1;
  /** When the bundle was issued (RFC 3339 / ISO 8601 with a time zone). */
  readonly issued_at: string;
  readonly issuers: readonly TrustBundleIssuer[];
}
