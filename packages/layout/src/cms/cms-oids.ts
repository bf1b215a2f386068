import type { DigestAlgorithm, SuiteId } from '@zhengzhao/core';

/** Object identifiers of the CMS signature (RFC 5652, RFC 5035, RFC 5758; GM/T 0006 for SM2/SM3). */
export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** id-aa-signingCertificateV2 (RFC 5035 §3). */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sm3: '1.2.156.10197.1.401',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  /** SM2-with-SM3 (GM/T 0006). */
  sm2WithSm3: '1.2.156.10197.1.501',
} as const;

/** The algorithms a PDF signature of each suite uses: digest and signature algorithm OIDs. */
export interface CmsSuite {
  readonly suite: SuiteId;
  readonly digest: DigestAlgorithm;
  readonly digestOid: string;
  readonly signatureOid: string;
}

/**
 * The allow-list: ECDSA P-256 with SHA-256 (PAdES, ETSI TS 119 312) and SM2 with SM3
 * (GM/T 0010). Every other combination (RSA, SHA-1, MD5, P-384…) is refused.
 */
export const CMS_SUITES: Readonly<Record<SuiteId, CmsSuite>> = {
  ES256: { suite: 'ES256', digest: 'SHA-256', digestOid: CMS_OID.sha256, signatureOid: CMS_OID.ecdsaWithSha256 },
  SM2: { suite: 'SM2', digest: 'SM3', digestOid: CMS_OID.sm3, signatureOid: CMS_OID.sm2WithSm3 },
};
