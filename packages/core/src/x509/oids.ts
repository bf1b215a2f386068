import { ZzError } from '../errors/zz-error.js';
import type { SuiteId } from '../platform/crypto-suite.js';

/**
 * Object identifiers used by the certificate profile (ISO/IEC 18013-5 Annex B, RFC 5280,
 * RFC 5480, RFC 5758; GM/T 0006 for the SM2 suite). See docs/adr/0005-certificates-and-trust.md.
 */
export const X509_OID = {
  /** id-ecPublicKey (RFC 5480 §2.1.1), used for both P-256 and SM2 keys. */
  ecPublicKey: '1.2.840.10045.2.1',
  /** secp256r1 / P-256 (RFC 5480 §2.1.1.1). */
  curveP256: '1.2.840.10045.3.1.7',
  /** sm2p256v1 (GM/T 0006). */
  curveSm2: '1.2.156.10197.1.301',
  /** ecdsa-with-SHA256 (RFC 5758 §3.2), parameters absent. */
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  /** SM2-with-SM3 (GM/T 0006), parameters absent. */
  sm2WithSm3: '1.2.156.10197.1.501',
  /** id-mdlDS, the document-signer extended key usage (ISO/IEC 18013-5 Annex B.1.4). */
  mdlDocumentSigner: '1.0.18013.5.1.2',
  /** id-mdlJWS, the JWS signer extended key usage (ISO/IEC 18013-5 Annex B). */
  mdlJwsSigner: '1.0.18013.5.1.3',
  /** id-mdlReaderAuth (ISO/IEC 18013-5 Annex B.1.7). */
  mdlReaderAuth: '1.0.18013.5.1.6',
  countryName: '2.5.4.6',
  stateOrProvinceName: '2.5.4.8',
  localityName: '2.5.4.7',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

/** The curve OID of a suite's SubjectPublicKeyInfo. */
export function curveOidOf(suite: SuiteId): string {
  return suite === 'ES256' ? X509_OID.curveP256 : X509_OID.curveSm2;
}

/** The signature algorithm OID a suite signs certificates with. */
export function signatureOidOf(suite: SuiteId): string {
  return suite === 'ES256' ? X509_OID.ecdsaWithSha256 : X509_OID.sm2WithSm3;
}

/** The suite of a namedCurve OID; throws `ERR_CRYPTO_UNSUPPORTED_ALG` for any other curve. */
export function suiteOfCurveOid(oid: string): SuiteId {
  if (oid === X509_OID.curveP256) return 'ES256';
  if (oid === X509_OID.curveSm2) return 'SM2';
  throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Certificate key is on an unsupported curve');
}

/** The suite of a signature algorithm OID; throws `ERR_CRYPTO_UNSUPPORTED_ALG` otherwise. */
export function suiteOfSignatureOid(oid: string): SuiteId {
  if (oid === X509_OID.ecdsaWithSha256) return 'ES256';
  if (oid === X509_OID.sm2WithSm3) return 'SM2';
  throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Certificate signature algorithm is not supported');
}

/**
 * The dotted form of an OID as asn1js decodes it. asn1js writes an arc beyond 2^53 (every arc
 * of the UUID arc 2.25, ITU-T X.667) as `{…}`, the hex of its base-128 digits; this turns such
 * arcs back into decimal so that OIDs compare as written.
 */
export function normaliseOid(oid: string): string {
  if (!oid.includes('{')) return oid;
  return oid.replace(/\{([0-9a-f]*)\}/g, (_, hex: string) => {
    let value = 0n;
    for (let i = 0; i < hex.length; i += 2) value = value * 128n + BigInt(Number.parseInt(hex.slice(i, i + 2), 16));
    return value.toString();
  });
}
