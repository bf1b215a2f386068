import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { createX509Certificate } from '../x509/create-x509-certificate.js';
import type { CertificateSubject } from '../x509/name.js';
import { X509_OID } from '../x509/oids.js';
import { type ParsedCertificate, parseCertificate } from '../x509/parse-certificate.js';
import { type RelyingPartyRegistration, relyingPartyRegistrationExtension } from './relying-party-registration.js';
import { TRUST_REGISTRY_OID } from './trust-list-types.js';

/**
 * The certificates of the national trust registry (docs/adr/0009): one self-signed national root
 * that verifiers and wallets pin; below it, directly, the certificate that signs trust lists and
 * the reader / access certificates of registered relying parties. Issuing authorities keep their
 * own IACA roots (ISO/IEC 18013-5 Annex B); the trust list names them.
 */

export interface CreateNationalRootOptions {
  readonly platform: Platform;
  readonly signer: Signer;
  readonly subject: CertificateSubject;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** The national root: CA, pathLenConstraint 0, keyCertSign + cRLSign. Returns DER. */
export function createNationalRootCertificate(options: CreateNationalRootOptions): Promise<Uint8Array> {
  return createX509Certificate({
    platform: options.platform,
    signer: options.signer,
    issuer: options.subject,
    subject: options.subject,
    subjectPublicKey: options.signer.publicKey,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    extensions: { basicConstraints: { ca: true, pathLength: 0 }, keyUsage: ['keyCertSign', 'cRLSign'] },
  });
}

export interface IssueUnderNationalRootOptions {
  readonly platform: Platform;
  /** The national root key (an HSM handle works). */
  readonly rootSigner: Signer;
  /** The national root certificate, DER or parsed. */
  readonly rootCertificate: Uint8Array | ParsedCertificate;
  readonly subjectPublicKey: PublicKey;
  readonly subject: CertificateSubject;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

function leafOptions(options: IssueUnderNationalRootOptions) {
  const root =
    options.rootCertificate instanceof Uint8Array ? parseCertificate(options.rootCertificate) : options.rootCertificate;
  return {
    platform: options.platform,
    signer: options.rootSigner,
    issuer: root.subject,
    subject: options.subject,
    subjectPublicKey: options.subjectPublicKey,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    authorityKeyIdentifier: root.subjectKeyIdentifier,
  };
}

/** The trust-list signer: digitalSignature, EKU trust-list signer, under the national root. Returns DER. */
export function createTrustListSignerCertificate(options: IssueUnderNationalRootOptions): Promise<Uint8Array> {
  const { authorityKeyIdentifier, ...base } = leafOptions(options);
  return createX509Certificate({
    ...base,
    extensions: {
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: [TRUST_REGISTRY_OID.trustListSigner],
      ...(authorityKeyIdentifier && { authorityKeyIdentifier }),
    },
  });
}

export interface CreateRelyingPartyCertificateOptions extends IssueUnderNationalRootOptions {
  readonly registration: RelyingPartyRegistration;
  /** dNSName SubjectAlternativeNames, for a website's OpenID4VP `x509_san_dns` client id. */
  readonly dnsNames?: readonly string[];
}

/**
 * A relying party's reader / access certificate: digitalSignature, EKU id-mdlReaderAuth (ISO/IEC
 * 18013-5 Annex B.1.7, also used for OpenID4VP request signing), its registration in the
 * registration extension, optional DNS names. Returns DER.
 */
export function createRelyingPartyCertificate(options: CreateRelyingPartyCertificateOptions): Promise<Uint8Array> {
  const { authorityKeyIdentifier, ...base } = leafOptions(options);
  return createX509Certificate({
    ...base,
    extensions: {
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: [X509_OID.mdlReaderAuth],
      ...(authorityKeyIdentifier && { authorityKeyIdentifier }),
      ...(options.dnsNames && { subjectAlternativeDnsNames: options.dnsNames }),
      otherExtensions: [relyingPartyRegistrationExtension(options.registration)],
    },
  });
}
