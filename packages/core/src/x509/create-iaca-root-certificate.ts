import { ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { ANNEX_B_LIMITS, assertValidityWithin } from './annex-b.js';
import { type AlternativeNameInput, createX509Certificate } from './create-x509-certificate.js';
import type { CertificateSubject } from './name.js';

export interface CreateIacaRootCertificateOptions {
  readonly platform: Platform;
  /** The IACA key; it signs its own certificate. */
  readonly signer: Signer;
  /** Issuer = subject: country (ISO 3166-1 alpha-2), optional province, organization, commonName. */
  readonly subject: CertificateSubject & { readonly organization: string };
  readonly serialNumber?: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** A URI or e-mail of the authority (Annex B.1.2 makes IssuerAlternativeName mandatory). */
  readonly issuerAlternativeName: AlternativeNameInput;
  readonly crlDistributionPoint?: string;
}

/**
 * Creates a self-signed IACA root certificate per ISO/IEC 18013-5 Annex B.1.2 and returns its DER:
 * - BasicConstraints cA TRUE, pathLenConstraint 0, critical (no intermediate CA below it);
 * - KeyUsage keyCertSign + cRLSign, critical;
 * - SubjectKeyIdentifier (RFC 7093 method 1), IssuerAlternativeName, optional CRLDistributionPoints;
 * - validity at most 20 years; random 126-bit serial unless given.
 * Works for ES256 and SM2 (the signature and SPKI OIDs follow `signer.suite`).
 */
export async function createIacaRootCertificate(options: CreateIacaRootCertificateOptions): Promise<Uint8Array> {
  const { platform, signer, subject } = options;
  if (typeof subject?.organization !== 'string') {
    throw new ZzError('ERR_X509_PROFILE', 'An IACA subject needs an organization');
  }
  if (!options.issuerAlternativeName) {
    throw new ZzError('ERR_X509_PROFILE', 'An IACA certificate needs an issuer alternative name');
  }
  assertValidityWithin(options.notBefore, options.notAfter, ANNEX_B_LIMITS.iacaMaxValidityDays);
  return createX509Certificate({
    platform,
    signer,
    issuer: subject,
    subject,
    subjectPublicKey: signer.publicKey,
    ...(options.serialNumber && { serialNumber: options.serialNumber }),
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    extensions: {
      basicConstraints: { ca: true, pathLength: 0 },
      keyUsage: ['keyCertSign', 'cRLSign'],
      issuerAlternativeName: options.issuerAlternativeName,
      ...(options.crlDistributionPoint !== undefined && { crlDistributionPoint: options.crlDistributionPoint }),
    },
  });
}
