import {
  bytesEqual,
  decodeCertificatePemChain,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  type SuiteId,
  validateCertificateChain,
  ZzError,
} from '@zhengzhao/core';
import { TrustRegistryError } from '../../errors.js';

/** One PEM certificate decoded and parsed; `ERR_X509_MALFORMED`, or `ERR_INPUT_INVALID` for a bundle. */
export function readPemCertificate(pem: string, field: string): ParsedCertificate {
  const ders = decodeCertificatePemChain(pem);
  if (ders.length !== 1) throw new ZzError('ERR_INPUT_INVALID', `${field} must hold exactly one certificate`);
  return parseCertificate(ders[0] as Uint8Array);
}

function checkSuite(certificate: ParsedCertificate, suite: SuiteId, field: string): void {
  if (certificate.publicKey.suite !== suite) {
    throw new TrustRegistryError(
      'ERR_TRUST_REGISTRY_SUITE_MISMATCH',
      `${field} holds a ${certificate.publicKey.suite} key, the authority uses ${suite}`,
    );
  }
}

/**
 * An IACA root for enrolment (ISO/IEC 18013-5 Annex B.1.2): one certificate, a key of the
 * authority's `suite` (`ERR_TRUST_REGISTRY_SUITE_MISMATCH`), a self-issued CA with keyCertSign
 * and no unknown critical extension (`ERR_X509_PROFILE`) whose self-signature verifies
 * (`ERR_TRUST_CHAIN_SIGNATURE`), valid at `now` (`ERR_TRUST_CERT_EXPIRED`,
 * `ERR_TRUST_CERT_NOT_YET_VALID`).
 */
export async function checkIacaCertificate(
  platform: Platform,
  pem: string,
  suite: SuiteId,
  now: Date,
  field: string,
): Promise<ParsedCertificate> {
  const certificate = readPemCertificate(pem, field);
  checkSuite(certificate, suite, field);
  if (certificate.basicConstraints?.ca !== true || !certificate.keyUsage?.includes('keyCertSign')) {
    throw new ZzError('ERR_X509_PROFILE', `${field} is not a CA certificate with keyCertSign`);
  }
  if (!bytesEqual(certificate.issuer.der, certificate.subject.der)) {
    throw new ZzError('ERR_X509_PROFILE', `${field} is not a self-issued root`);
  }
  if (certificate.unhandledCriticalExtensions.length > 0) {
    throw new ZzError('ERR_X509_PROFILE', `${field} has a critical extension this registry does not understand`);
  }
  const verified = await platform
    .suite(certificate.signatureAlgorithm)
    .verify(certificate.publicKey.point, certificate.tbsBytes, certificate.signature);
  if (!verified) throw new ZzError('ERR_TRUST_CHAIN_SIGNATURE', `${field} is not signed by its own key`);
  if (now < certificate.notBefore) throw new ZzError('ERR_TRUST_CERT_NOT_YET_VALID', `${field} is not yet valid`);
  if (now > certificate.notAfter) throw new ZzError('ERR_TRUST_CERT_EXPIRED', `${field} has expired`);
  return certificate;
}

/**
 * A document-signer certificate: one certificate with a key of the authority's `suite`, whose
 * chain validates up to one of the authority's IACA roots at `now` (core
 * `validateCertificateChain`: `ERR_TRUST_UNTRUSTED_ROOT`, `ERR_TRUST_CHAIN_SIGNATURE`,
 * `ERR_TRUST_CERT_EXPIRED`, `ERR_TRUST_KEY_USAGE`…).
 */
export async function checkDocumentSignerCertificate(
  platform: Platform,
  pem: string,
  iacas: readonly ParsedCertificate[],
  suite: SuiteId,
  now: Date,
  field: string,
): Promise<ParsedCertificate> {
  const certificate = readPemCertificate(pem, field);
  checkSuite(certificate, suite, field);
  await validateCertificateChain(platform, [certificate.der], iacas, { now });
  return certificate;
}

/**
 * A certificate an authority declares compromised: one of its own (IACA or document signer), or
 * a document signer its IACA roots issued that was never listed (checked at the certificate's
 * own `notBefore`, since a compromised key may have expired meanwhile).
 */
export async function checkCompromisedCertificate(
  platform: Platform,
  pem: string,
  own: readonly Uint8Array[],
  iacas: readonly ParsedCertificate[],
  field: string,
): Promise<ParsedCertificate> {
  const certificate = readPemCertificate(pem, field);
  if (own.some((der) => bytesEqual(der, certificate.der))) return certificate;
  await validateCertificateChain(platform, [certificate.der], iacas, { now: certificate.notBefore });
  return certificate;
}
