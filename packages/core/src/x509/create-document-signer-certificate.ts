import { bytesEqual } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { ANNEX_B_LIMITS, alternativeNameFromParsed, assertValidityWithin } from './annex-b.js';
import { type AlternativeNameInput, createX509Certificate } from './create-x509-certificate.js';
import type { CertificateSubject } from './name.js';
import { X509_OID } from './oids.js';
import { type ParsedCertificate, parseCertificate } from './parse-certificate.js';

export interface CreateDocumentSignerCertificateOptions {
  readonly platform: Platform;
  /** The IACA key (or an HSM handle to it). */
  readonly issuerSigner: Signer;
  /** The IACA certificate, DER or parsed. */
  readonly issuerCertificate: Uint8Array | ParsedCertificate;
  /** The document signer's public key. */
  readonly subjectPublicKey: PublicKey;
  /** countryName must equal the IACA's (and stateOrProvince too when both have one). */
  readonly subject: CertificateSubject;
  readonly serialNumber?: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Defaults to the IACA certificate's IssuerAlternativeName. */
  readonly issuerAlternativeName?: AlternativeNameInput;
  readonly crlDistributionPoint?: string;
}

/**
 * Creates a document-signer (DS) certificate per ISO/IEC 18013-5 Annex B.1.4 and returns its DER:
 * - KeyUsage digitalSignature, critical; ExtendedKeyUsage id-mdlDS 1.0.18013.5.1.2, critical;
 * - AuthorityKeyIdentifier = the IACA's SubjectKeyIdentifier; its own SubjectKeyIdentifier;
 * - no BasicConstraints (not a CA); IssuerAlternativeName copied from the IACA unless given;
 * - validity at most 457 days; issuer = the IACA subject, same countryName.
 */
export async function createDocumentSignerCertificate(
  options: CreateDocumentSignerCertificateOptions,
): Promise<Uint8Array> {
  const { platform, issuerSigner, subject } = options;
  const issuer =
    options.issuerCertificate instanceof Uint8Array
      ? parseCertificate(options.issuerCertificate)
      : options.issuerCertificate;
  if (!issuer.basicConstraints?.ca || !issuer.keyUsage?.includes('keyCertSign')) {
    throw new ZzError('ERR_X509_PROFILE', 'The issuer certificate is not a CA certificate');
  }
  if (
    issuerSigner.suite !== issuer.publicKey.suite ||
    !bytesEqual(issuerSigner.publicKey.point, issuer.publicKey.point)
  ) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'The issuer signer does not hold the issuer certificate key');
  }
  if (subject?.country !== issuer.subject.country) {
    throw new ZzError('ERR_X509_PROFILE', 'The DS countryName must equal the IACA countryName');
  }
  const issuerProvince = issuer.subject.stateOrProvince;
  if (
    subject.stateOrProvince !== undefined &&
    issuerProvince !== undefined &&
    subject.stateOrProvince !== issuerProvince
  ) {
    throw new ZzError('ERR_X509_PROFILE', 'The DS stateOrProvinceName must equal the IACA one');
  }
  assertValidityWithin(options.notBefore, options.notAfter, ANNEX_B_LIMITS.documentSignerMaxValidityDays);
  const issuerAlternativeName =
    options.issuerAlternativeName ?? alternativeNameFromParsed(issuer.issuerAlternativeName);
  return createX509Certificate({
    platform,
    signer: issuerSigner,
    issuer: issuer.subject,
    subject,
    subjectPublicKey: options.subjectPublicKey,
    ...(options.serialNumber && { serialNumber: options.serialNumber }),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    extensions: {
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: [X509_OID.mdlDocumentSigner],
      ...(issuer.subjectKeyIdentifier && { authorityKeyIdentifier: issuer.subjectKeyIdentifier }),
      ...(issuerAlternativeName && { issuerAlternativeName }),
      ...(options.crlDistributionPoint !== undefined && { crlDistributionPoint: options.crlDistributionPoint }),
    },
  });
}
