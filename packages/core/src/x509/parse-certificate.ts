import { ECParameters } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  type GeneralName,
  IssueAlternativeName,
  KeyUsage,
  KeyUsageFlags,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { bytesEqual, toHex } from '../bytes/bytes.js';
import { rethrowAs, ZzError } from '../errors/zz-error.js';
import type { PublicKey, SuiteId } from '../platform/crypto-suite.js';
import type { KeyUsageName } from './create-x509-certificate.js';
import { readDerHeader } from './der.js';
import { decodeEcdsaSigValue } from './der-integer.js';
import { type CertificateName, decodeCertificateName } from './name.js';
import { normaliseOid, suiteOfCurveOid, suiteOfSignatureOid, X509_OID } from './oids.js';

/** Largest DER certificate accepted (issuing-authority certificates are well under 2 KiB). */
export const MAX_CERTIFICATE_BYTES = 16 * 1024;

/** A certificate decoded and structurally checked; nothing here is verified yet. */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  /** 1, 2 or 3. */
  readonly version: number;
  /** Lower-case hex of the serial number's content octets. */
  readonly serialNumber: string;
  readonly subject: CertificateName;
  readonly issuer: CertificateName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The subject key; its suite follows the SPKI namedCurve (P-256 → ES256, sm2p256v1 → SM2). */
  readonly publicKey: PublicKey;
  /** The suite the issuer signed with (ecdsa-with-SHA256 → ES256, SM2-with-SM3 → SM2). */
  readonly signatureAlgorithm: SuiteId;
  /** The exact TBSCertificate bytes the signature covers. */
  readonly tbsBytes: Uint8Array;
  /** The signature as raw r ‖ s (64 bytes), ready for `CryptoSuite.verify`. */
  readonly signature: Uint8Array;
  readonly keyUsage?: readonly KeyUsageName[];
  readonly extendedKeyUsage?: readonly string[];
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  readonly subjectKeyIdentifier?: Uint8Array;
  readonly authorityKeyIdentifier?: Uint8Array;
  /** IssuerAlternativeName entries as `uri:…` or `email:…`. */
  readonly issuerAlternativeName?: readonly string[];
  readonly crlDistributionPoints?: readonly string[];
  /** SubjectAlternativeName dNSName entries, lower-cased. */
  readonly subjectAlternativeDnsNames?: readonly string[];
  /** Non-critical extensions this parser does not interpret: OID → DER of the value. */
  readonly otherExtensions?: ReadonlyMap<string, Uint8Array>;
  /** Critical extensions this parser does not understand (RFC 5280 §4.2: reject the certificate). */
  readonly unhandledCriticalExtensions: readonly string[];
}

/**
 * Decodes a DER X.509 certificate (RFC 5280 §4.1). Bad input of any shape ends in
 * `ERR_X509_MALFORMED`, except well-formed certificates using another algorithm or curve than
 * the two suites (`ERR_CRYPTO_UNSUPPORTED_ALG`).
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  if (!(der instanceof Uint8Array)) throw new ZzError('ERR_X509_MALFORMED', 'Certificate must be bytes');
  if (der.length > MAX_CERTIFICATE_BYTES) throw new ZzError('ERR_X509_MALFORMED', 'Certificate is too large');
  const bytes = new Uint8Array(der);
  const outer = readDerHeader(bytes, 0);
  if (outer.tag !== 0x30 || outer.contentStart + outer.contentLength !== bytes.length) {
    throw new ZzError('ERR_X509_MALFORMED', 'Certificate is not one DER SEQUENCE');
  }
  const tbsHeader = readDerHeader(bytes, outer.contentStart);
  if (tbsHeader.tag !== 0x30) throw new ZzError('ERR_X509_MALFORMED', 'TBSCertificate is not a SEQUENCE');
  const tbsBytes = bytes.slice(outer.contentStart, tbsHeader.contentStart + tbsHeader.contentLength);
  const cert = rethrowAs('ERR_X509_MALFORMED', 'Certificate does not decode', () =>
    AsnConvert.parse(bytes, Certificate),
  );
  return rethrowAs('ERR_X509_MALFORMED', 'Certificate fields do not decode', () => readFields(bytes, cert, tbsBytes));
}

function readFields(der: Uint8Array, cert: Certificate, tbsBytes: Uint8Array): ParsedCertificate {
  const tbs = cert.tbsCertificate;
  if (cert.signatureAlgorithm.algorithm !== tbs.signature.algorithm) {
    throw new ZzError('ERR_X509_MALFORMED', 'Signature algorithms differ inside the certificate');
  }
  assertAbsentOrNull(cert.signatureAlgorithm.parameters);
  assertAbsentOrNull(tbs.signature.parameters);
  const signatureAlgorithm = suiteOfSignatureOid(cert.signatureAlgorithm.algorithm);
  const signature = decodeEcdsaSigValue(new Uint8Array(cert.signatureValue));
  const publicKey = readPublicKey(cert);
  const notBefore = readTime(tbs.validity.notBefore.getTime());
  const notAfter = readTime(tbs.validity.notAfter.getTime());
  const serial = new Uint8Array(tbs.serialNumber);
  if (serial.length === 0 || serial.length > 21) throw new ZzError('ERR_X509_MALFORMED', 'Serial number is too long');
  return {
    der,
    version: tbs.version + 1,
    serialNumber: toHex(serial),
    subject: decodeCertificateName(tbs.subject),
    issuer: decodeCertificateName(tbs.issuer),
    notBefore,
    notAfter,
    publicKey,
    signatureAlgorithm,
    tbsBytes,
    signature,
    ...readExtensions(cert),
  };
}

function readPublicKey(cert: Certificate): PublicKey {
  const spki = cert.tbsCertificate.subjectPublicKeyInfo;
  if (spki.algorithm.algorithm !== X509_OID.ecPublicKey || !spki.algorithm.parameters) {
    throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Certificate key is not an EC key with a named curve');
  }
  const curve = AsnConvert.parse(spki.algorithm.parameters, ECParameters).namedCurve;
  if (curve === undefined) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Certificate key has no named curve');
  const suite = suiteOfCurveOid(curve);
  const point = new Uint8Array(spki.subjectPublicKey);
  if (point.length !== 65 || point[0] !== 4) {
    throw new ZzError('ERR_X509_MALFORMED', 'Certificate key is not an uncompressed point');
  }
  return { suite, point };
}

type ExtensionFields = Pick<
  ParsedCertificate,
  | 'keyUsage'
  | 'extendedKeyUsage'
  | 'basicConstraints'
  | 'subjectKeyIdentifier'
  | 'authorityKeyIdentifier'
  | 'issuerAlternativeName'
  | 'crlDistributionPoints'
  | 'subjectAlternativeDnsNames'
  | 'otherExtensions'
  | 'unhandledCriticalExtensions'
>;

function readExtensions(cert: Certificate): ExtensionFields {
  const fields: { -readonly [K in keyof ExtensionFields]: ExtensionFields[K] } = { unhandledCriticalExtensions: [] };
  const unhandled: string[] = [];
  const seen = new Set<string>();
  const other = new Map<string, Uint8Array>();
  for (const extension of cert.tbsCertificate.extensions ?? []) {
    const oid = normaliseOid(extension.extnID);
    if (seen.has(oid)) throw new ZzError('ERR_X509_MALFORMED', 'Extension appears twice');
    seen.add(oid);
    const value = new Uint8Array(
      extension.extnValue.buffer,
      extension.extnValue.byteOffset,
      extension.extnValue.byteLength,
    );
    switch (oid) {
      case X509_OID.keyUsage: {
        const flags = AsnConvert.parse(value, KeyUsage).toNumber();
        fields.keyUsage = (Object.keys(KeyUsageFlags) as KeyUsageName[]).filter(
          (name) => Number.isNaN(Number(name)) && (flags & KeyUsageFlags[name]) !== 0,
        );
        break;
      }
      case X509_OID.extKeyUsage:
        fields.extendedKeyUsage = [...AsnConvert.parse(value, ExtendedKeyUsage)].map(normaliseOid);
        break;
      case X509_OID.basicConstraints: {
        const bc = AsnConvert.parse(value, BasicConstraints);
        fields.basicConstraints = {
          ca: bc.cA === true,
          ...(bc.pathLenConstraint !== undefined && { pathLength: bc.pathLenConstraint }),
        };
        break;
      }
      case X509_OID.subjectKeyIdentifier:
        fields.subjectKeyIdentifier = octets(AsnConvert.parse(value, SubjectKeyIdentifier));
        break;
      case X509_OID.authorityKeyIdentifier: {
        const keyIdentifier = AsnConvert.parse(value, AuthorityKeyIdentifier).keyIdentifier;
        if (keyIdentifier) fields.authorityKeyIdentifier = octets(keyIdentifier);
        break;
      }
      case X509_OID.issuerAltName:
        fields.issuerAlternativeName = Array.from(AsnConvert.parse(value, IssueAlternativeName), describeGeneralName);
        break;
      case X509_OID.crlDistributionPoints:
        fields.crlDistributionPoints = Array.from(AsnConvert.parse(value, CRLDistributionPoints)).flatMap((point) =>
          (point.distributionPoint?.fullName ?? []).flatMap((name) => name.uniformResourceIdentifier ?? []),
        );
        break;
      case X509_OID.subjectAltName:
        fields.subjectAlternativeDnsNames = Array.from(AsnConvert.parse(value, SubjectAlternativeName)).flatMap(
          (name) => (name.dNSName !== undefined ? [name.dNSName.toLowerCase()] : []),
        );
        break;
      default:
        if (extension.critical) unhandled.push(oid);
        else other.set(oid, octets(value));
    }
  }
  fields.unhandledCriticalExtensions = unhandled;
  if (other.size > 0) fields.otherExtensions = other;
  return fields;
}

function octets(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

function describeGeneralName(name: GeneralName): string {
  if (name.uniformResourceIdentifier !== undefined) return `uri:${name.uniformResourceIdentifier}`;
  if (name.rfc822Name !== undefined) return `email:${name.rfc822Name}`;
  if (name.dNSName !== undefined) return `dns:${name.dNSName}`;
  return 'other';
}

function readTime(date: Date): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ZzError('ERR_X509_MALFORMED', 'Certificate validity time is not a date');
  }
  return new Date(date.getTime());
}

const DER_NULL = Uint8Array.of(5, 0);

function assertAbsentOrNull(parameters: ArrayBuffer | null | undefined): void {
  if (parameters === undefined || parameters === null) return;
  if (!bytesEqual(new Uint8Array(parameters), DER_NULL)) {
    throw new ZzError('ERR_X509_MALFORMED', 'Signature algorithm parameters must be absent');
  }
}
