import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { bytesEqual, rethrowAs, ZzError } from '@zhengzhao/core';
import { CMS_OID } from './cms-oids.js';
import { readChildren, readTlv } from './der.js';

/** The parts of a detached CMS SignedData that a PDF signature validator needs. */
export interface ParsedCmsSignedData {
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: string;
  /** True when the signature AlgorithmIdentifier carries parameters (ECDSA and SM2 have none). */
  readonly signatureAlgorithmHasParameters: boolean;
  /** The SignatureValue octets (DER ECDSA-Sig-Value for the allowed suites). */
  readonly signature: Uint8Array;
  /** The signed attributes re-tagged as SET OF: the bytes the signature covers (RFC 5652 §5.4). */
  readonly signedAttributesDer: Uint8Array;
  /** Attribute type → DER of its single value. */
  readonly attributes: ReadonlyMap<string, Uint8Array>;
  /** The certificates as carried (exact DER), the signer's first. */
  readonly certificates: readonly Uint8Array[];
}

/** Largest CMS accepted: far above a signature with a three-certificate chain. */
export const MAX_CMS_BYTES = 64 * 1024;

/**
 * Parses a DER ContentInfo holding a detached SignedData with exactly one SignerInfo (RFC 5652
 * §5.1–§5.3, as PAdES B-B requires). `bytes` may be followed by zero padding (a PDF /Contents
 * hole), nothing else. Any other shape is `ERR_PDF_CMS_MALFORMED`: no signed attributes, an
 * attribute with several values or twice, eContent present, a signer certificate missing.
 */
export function parseCmsSignedData(bytes: Uint8Array): ParsedCmsSignedData {
  if (bytes.length === 0 || bytes.length > MAX_CMS_BYTES) throw malformed('empty or too large');
  const outer = readTlv(bytes, 0);
  if (bytes.subarray(outer.end).some((byte) => byte !== 0)) throw malformed('bytes after the ContentInfo');
  const der = outer.der;
  const info = rethrowAs('ERR_PDF_CMS_MALFORMED', 'Not a CMS ContentInfo', () => AsnConvert.parse(der, ContentInfo));
  if (info.contentType !== CMS_OID.signedData) throw malformed('content is not SignedData');
  const signedData = rethrowAs('ERR_PDF_CMS_MALFORMED', 'Not a SignedData', () =>
    AsnConvert.parse(info.content, SignedData),
  );
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo || others.length > 0) throw malformed('there must be exactly one SignerInfo');
  const encap = signedData.encapContentInfo;
  if (encap.eContentType !== CMS_OID.data || encap.eContent !== undefined) throw malformed('not detached id-data');
  if (!signerInfo.signedAttrs) throw malformed('no signed attributes');

  const raw = rawParts(der);
  const signedAttributesDer = new Uint8Array(raw.signedAttributes);
  signedAttributesDer[0] = 0x31;
  const attributes = new Map<string, Uint8Array>();
  for (const attribute of signerInfo.signedAttrs) {
    const [value, ...more] = attribute.attrValues;
    if (!value || more.length > 0 || attributes.has(attribute.attrType)) {
      throw malformed('a signed attribute must appear once with one value');
    }
    attributes.set(attribute.attrType, new Uint8Array(value));
  }

  const { certificates } = raw;
  const sid = signerInfo.sid.issuerAndSerialNumber;
  if (!sid) throw malformed('the signer must be named by issuer and serial number');
  const sidIssuer = new Uint8Array(AsnConvert.serialize(sid.issuer));
  const sidSerial = new Uint8Array(sid.serialNumber);
  const signerIndex = certificates.findIndex((certificate) => {
    const tbs = rethrowAs('ERR_PDF_CMS_MALFORMED', 'Bad certificate', () =>
      AsnConvert.parse(certificate, Certificate),
    ).tbsCertificate;
    return (
      bytesEqual(new Uint8Array(tbs.serialNumber), sidSerial) &&
      bytesEqual(new Uint8Array(AsnConvert.serialize(tbs.issuer)), sidIssuer)
    );
  });
  if (signerIndex < 0) throw malformed('the signer certificate is not in the SignedData');
  const signer = certificates[signerIndex] as Uint8Array;

  return {
    digestAlgorithm: signerInfo.digestAlgorithm.algorithm,
    signatureAlgorithm: signerInfo.signatureAlgorithm.algorithm,
    signatureAlgorithmHasParameters: signerInfo.signatureAlgorithm.parameters != null,
    signature: new Uint8Array(signerInfo.signature.buffer),
    signedAttributesDer,
    attributes,
    certificates: [signer, ...certificates.filter((_, i) => i !== signerIndex)],
  };
}

/**
 * The parts kept as exact bytes (asn1-schema re-encodes what it parses): the certificates
 * [0] IMPLICIT of the SignedData and the signed attributes [0] IMPLICIT of its one SignerInfo.
 */
function rawParts(contentInfo: Uint8Array): { certificates: Uint8Array[]; signedAttributes: Uint8Array } {
  const [, explicit] = readChildren(readTlv(contentInfo, 0).content);
  if (explicit?.tag !== 0xa0) throw malformed('no [0] content');
  const fields = readChildren(readTlv(explicit.content, 0).content);
  const set = fields.find((field) => field.tag === 0xa0);
  if (!set) throw malformed('no certificates');
  const certificates = readChildren(set.content).map((child) => child.der);
  if (certificates.length === 0 || certificates.length > 4) throw malformed('one to four certificates are allowed');
  const signerInfos = fields[fields.length - 1];
  const [signerInfo] = signerInfos?.tag === 0x31 ? readChildren(signerInfos.content) : [];
  const signedAttributes = signerInfo
    ? readChildren(signerInfo.content).find((field) => field.tag === 0xa0)
    : undefined;
  if (!signedAttributes) throw malformed('no signed attributes');
  return { certificates, signedAttributes: signedAttributes.der };
}

function malformed(problem: string): ZzError {
  return new ZzError('ERR_PDF_CMS_MALFORMED', `CMS SignedData: ${problem}`);
}
