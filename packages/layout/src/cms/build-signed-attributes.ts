import { CMS_OID, type CmsSuite } from './cms-oids.js';
import { oid, sortDer, TAG, tlv } from './der.js';

export interface SignedAttributesInput {
  readonly suite: CmsSuite;
  /** Digest of the ByteRange bytes with `suite.digest`. */
  readonly messageDigest: Uint8Array;
  /** Digest of the signer certificate's DER with `suite.digest` (ESSCertIDv2.certHash). */
  readonly certificateHash: Uint8Array;
  /** DER of the signer certificate's issuer Name and its serialNumber INTEGER (content octets). */
  readonly issuerName: Uint8Array;
  readonly serialNumber: Uint8Array;
}

/**
 * The signed attributes of a PAdES B-B signature (ETSI EN 319 142-1 §5.2.2; RFC 5652 §5.3):
 * content-type id-data, message-digest, and signing-certificate-v2 (RFC 5035 §3) naming the
 * signer certificate by hash and issuer/serial. No signing-time: PAdES puts the claimed time in
 * the signature dictionary's /M. Returns each Attribute's DER in DER SET order, and the SET OF
 * them — the exact bytes the signature covers (RFC 5652 §5.4).
 */
export function buildSignedAttributes(input: SignedAttributesInput): { attributes: Uint8Array[]; set: Uint8Array } {
  const attribute = (type: string, value: Uint8Array) => tlv(TAG.sequence, oid(type), tlv(TAG.set, value));
  const hashAlgorithm =
    input.suite.digestOid === CMS_OID.sha256 ? new Uint8Array() : tlv(TAG.sequence, oid(input.suite.digestOid));
  const issuerSerial = tlv(
    TAG.sequence,
    tlv(TAG.sequence, tlv(0xa4, input.issuerName)), // GeneralNames { directoryName [4] }
    tlv(TAG.integer, input.serialNumber),
  );
  const essCertIdV2 = tlv(TAG.sequence, hashAlgorithm, tlv(TAG.octetString, input.certificateHash), issuerSerial);
  const attributes = sortDer([
    attribute(CMS_OID.contentType, oid(CMS_OID.data)),
    attribute(CMS_OID.messageDigest, tlv(TAG.octetString, input.messageDigest)),
    attribute(CMS_OID.signingCertificateV2, tlv(TAG.sequence, tlv(TAG.sequence, essCertIdV2))),
  ]);
  return { attributes, set: tlv(TAG.set, ...attributes) };
}
