import { ECParameters } from '@peculiar/asn1-ecc';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  IssueAlternativeName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import { concatBytes } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { encodeDerTlv } from './der.js';
import { encodeEcdsaSigValue, toArrayBuffer } from './der-integer.js';
import { computeKeyIdentifier } from './key-identifier.js';
import { type CertificateSubject, encodeCertificateName } from './name.js';
import { curveOidOf, signatureOidOf, X509_OID } from './oids.js';
import { assertCertificateSerialNumber, createCertificateSerialNumber } from './serial-number.js';

/** Key usage bits (RFC 5280 §4.2.1.3). */
export type KeyUsageName = keyof typeof KeyUsageFlags;

/** An issuer alternative name: a URI or an e-mail address (ISO/IEC 18013-5 Annex B.1.2). */
export interface AlternativeNameInput {
  readonly uri?: string;
  readonly email?: string;
}

/** Extensions of a certificate; each is written only when given. */
export interface CertificateExtensionsInput {
  /** BasicConstraints (RFC 5280 §4.2.1.9), critical. */
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  /** KeyUsage (RFC 5280 §4.2.1.3), critical. */
  readonly keyUsage?: readonly KeyUsageName[];
  /** ExtendedKeyUsage OIDs (RFC 5280 §4.2.1.12), critical as Annex B requires. */
  readonly extendedKeyUsage?: readonly string[];
  /** AuthorityKeyIdentifier keyIdentifier (RFC 5280 §4.2.1.1), non-critical. */
  readonly authorityKeyIdentifier?: Uint8Array;
  /** IssuerAlternativeName (RFC 5280 §4.2.1.7), non-critical. */
  readonly issuerAlternativeName?: AlternativeNameInput;
  /** One CRL distribution point URI (RFC 5280 §4.2.1.13), non-critical. */
  readonly crlDistributionPoint?: string;
  /** SubjectAlternativeName dNSName entries (RFC 5280 §4.2.1.6), non-critical: OpenID4VP `x509_san_dns`. */
  readonly subjectAlternativeDnsNames?: readonly string[];
  /**
   * Further non-critical extensions, each its OID and the DER of its value (the content of
   * extnValue), for example the relying-party registration of a reader certificate.
   */
  readonly otherExtensions?: readonly { readonly oid: string; readonly value: Uint8Array }[];
}

/** Options of the general certificate builder; the Annex B builders fill them in. */
export interface CreateX509CertificateOptions {
  readonly platform: Platform;
  /** The issuer's key: signs the TBSCertificate (an HSM handle works: only `sign` is called). */
  readonly signer: Signer;
  /** The issuer name: a subject to encode, or the DER of an existing Name (a parsed certificate's `subject`). */
  readonly issuer: CertificateSubject | { readonly der: Uint8Array };
  readonly subject: CertificateSubject;
  readonly subjectPublicKey: PublicKey;
  /** Positive, at most 20 octets; random (126 bits from `platform.randomBytes`) when omitted. */
  readonly serialNumber?: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: CertificateExtensionsInput;
}

/**
 * Builds and signs an X.509 v3 certificate (RFC 5280 §4.1). The TBSCertificate is DER-encoded
 * with @peculiar/asn1-x509, signed through the core `Signer` (raw r ‖ s, re-encoded as
 * ECDSA-Sig-Value), and the exact signed bytes are wrapped into the Certificate SEQUENCE. A
 * SubjectKeyIdentifier is always added. No profile checks: use `createIacaRootCertificate` or
 * `createDocumentSignerCertificate` for the ISO/IEC 18013-5 Annex B profile. Returns DER.
 */
export async function createX509Certificate(options: CreateX509CertificateOptions): Promise<Uint8Array> {
  const { platform, signer, extensions } = options;
  assertPublicKey(options.subjectPublicKey);
  assertPublicKey(signer.publicKey);
  const { notBefore, notAfter } = options;
  if (!isValidDate(notBefore) || !isValidDate(notAfter) || notAfter.getTime() <= notBefore.getTime()) {
    throw new ZzError('ERR_X509_PROFILE', 'Validity must be two dates with notBefore before notAfter');
  }
  const serial = options.serialNumber ?? createCertificateSerialNumber(platform);
  assertCertificateSerialNumber(serial);
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: signatureOidOf(signer.suite) });
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: toArrayBuffer(serial),
    signature: signatureAlgorithm,
    issuer:
      'der' in options.issuer ? AsnConvert.parse(options.issuer.der, Name) : encodeCertificateName(options.issuer),
    validity: new Validity({ notBefore, notAfter }),
    subject: encodeCertificateName(options.subject),
    subjectPublicKeyInfo: encodeSubjectPublicKeyInfo(options.subjectPublicKey),
    extensions: await encodeExtensions(platform, options.subjectPublicKey, extensions),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const raw = await signer.sign(tbsDer);
  const signatureBits = concatBytes(Uint8Array.of(0), encodeEcdsaSigValue(raw));
  const algorithmDer = new Uint8Array(AsnConvert.serialize(signatureAlgorithm));
  return encodeDerTlv(0x30, concatBytes(tbsDer, algorithmDer, encodeDerTlv(0x03, signatureBits)));
}

/** SubjectPublicKeyInfo for an EC key: id-ecPublicKey with the suite's namedCurve (RFC 5480 §2). */
export function encodeSubjectPublicKeyInfo(publicKey: PublicKey): SubjectPublicKeyInfo {
  const parameters = AsnConvert.serialize(new ECParameters({ namedCurve: curveOidOf(publicKey.suite) }));
  return new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: X509_OID.ecPublicKey, parameters }),
    subjectPublicKey: toArrayBuffer(publicKey.point),
  });
}

async function encodeExtensions(
  platform: Platform,
  subjectKey: PublicKey,
  input: CertificateExtensionsInput,
): Promise<Extensions> {
  const list: Extension[] = [];
  const add = (oid: string, critical: boolean, value: unknown) =>
    list.push(new Extension({ extnID: oid, critical, extnValue: new OctetString(AsnConvert.serialize(value)) }));
  const ski = await computeKeyIdentifier(platform, subjectKey);
  add(X509_OID.subjectKeyIdentifier, false, new SubjectKeyIdentifier(toArrayBuffer(ski)));
  if (input.authorityKeyIdentifier) {
    const keyIdentifier = new KeyIdentifier(toArrayBuffer(input.authorityKeyIdentifier));
    add(X509_OID.authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier }));
  }
  if (input.basicConstraints) {
    const { ca, pathLength } = input.basicConstraints;
    if (pathLength !== undefined && (!Number.isInteger(pathLength) || pathLength < 0 || pathLength > 8)) {
      throw new ZzError('ERR_X509_PROFILE', 'pathLength must be an integer from 0 to 8');
    }
    add(
      X509_OID.basicConstraints,
      true,
      new BasicConstraints({ cA: ca, ...(ca && { pathLenConstraint: pathLength }) }),
    );
  }
  if (input.keyUsage) {
    let flags = 0;
    for (const usage of input.keyUsage) {
      const flag = KeyUsageFlags[usage];
      if (typeof flag !== 'number') throw new ZzError('ERR_INPUT_INVALID', 'Unknown key usage');
      flags |= flag;
    }
    add(X509_OID.keyUsage, true, new KeyUsage(flags));
  }
  if (input.extendedKeyUsage) add(X509_OID.extKeyUsage, true, new ExtendedKeyUsage([...input.extendedKeyUsage]));
  if (input.issuerAlternativeName) {
    add(X509_OID.issuerAltName, false, new IssueAlternativeName(alternativeNames(input.issuerAlternativeName)));
  }
  if (input.crlDistributionPoint !== undefined) {
    assertIa5(input.crlDistributionPoint, 'CRL distribution point');
    const fullName = [new GeneralName({ uniformResourceIdentifier: input.crlDistributionPoint })];
    const point = new DistributionPoint({ distributionPoint: new DistributionPointName({ fullName }) });
    add(X509_OID.crlDistributionPoints, false, new CRLDistributionPoints([point]));
  }
  if (input.subjectAlternativeDnsNames) {
    if (input.subjectAlternativeDnsNames.length === 0) throw new ZzError('ERR_X509_PROFILE', 'No DNS name given');
    const names = input.subjectAlternativeDnsNames.map((name) => {
      assertIa5(name, 'DNS name');
      return new GeneralName({ dNSName: name });
    });
    add(X509_OID.subjectAltName, false, new SubjectAlternativeName(names));
  }
  for (const extension of input.otherExtensions ?? []) {
    if (typeof extension.oid !== 'string' || !/^[0-2](\.\d+)+$/.test(extension.oid)) {
      throw new ZzError('ERR_X509_PROFILE', 'Extension OID must be dotted decimal');
    }
    if (!(extension.value instanceof Uint8Array))
      throw new ZzError('ERR_X509_PROFILE', 'Extension value must be DER bytes');
    list.push(
      new Extension({
        extnID: extension.oid,
        critical: false,
        extnValue: new OctetString(toArrayBuffer(extension.value)),
      }),
    );
  }
  return new Extensions(list);
}

function alternativeNames(input: AlternativeNameInput): GeneralName[] {
  const names: GeneralName[] = [];
  if (input.uri !== undefined) {
    assertIa5(input.uri, 'Alternative name URI');
    names.push(new GeneralName({ uniformResourceIdentifier: input.uri }));
  }
  if (input.email !== undefined) {
    assertIa5(input.email, 'Alternative name e-mail');
    names.push(new GeneralName({ rfc822Name: input.email }));
  }
  if (names.length === 0) throw new ZzError('ERR_X509_PROFILE', 'Alternative name needs a URI or an e-mail address');
  return names;
}

function assertIa5(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ZzError('ERR_X509_PROFILE', `${what} must be 1 to 512 printable ASCII characters`);
  }
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
