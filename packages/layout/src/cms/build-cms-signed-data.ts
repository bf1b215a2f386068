import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifier,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignatureAlgorithmIdentifier,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { bytesEqual, encodeEcdsaSigValue, type Platform, type Signer, ZzError } from '@zhengzhao/core';
import { buildSignedAttributes } from './build-signed-attributes.js';
import { CMS_OID, CMS_SUITES } from './cms-oids.js';
import { parseCmsSignedData } from './parse-cms-signed-data.js';

export interface BuildCmsOptions {
  readonly platform: Platform;
  readonly signer: Signer;
  /** DER certificates, signer first (the rest: intermediates, optionally the root). */
  readonly certificateChain: readonly Uint8Array[];
  /** The bytes the signature covers (for a PDF: the two ByteRange parts, concatenated). */
  readonly content: Uint8Array;
}

/**
 * A detached CMS SignedData (RFC 5652 §5) in a ContentInfo, DER: version 1, the suite's digest
 * algorithm, eContentType id-data without eContent, the certificate chain, and one SignerInfo
 * identified by issuer and serial number whose signed attributes are those of
 * `buildSignedAttributes`. ES256 signs with ecdsa-with-SHA256 (RFC 5753 §2.1.1: DER
 * ECDSA-Sig-Value); SM2 with SM2-with-SM3 (GM/T 0010: the same SEQUENCE { r, s }).
 */
export async function buildCmsSignedData(options: BuildCmsOptions): Promise<Uint8Array> {
  const { platform, signer, certificateChain } = options;
  const leafDer = certificateChain[0];
  if (!leafDer) throw new ZzError('ERR_INPUT_INVALID', 'The signer needs its certificate');
  const suite = CMS_SUITES[signer.suite];
  const leaf = AsnConvert.parse(leafDer, Certificate);
  const issuerName = new Uint8Array(AsnConvert.serialize(leaf.tbsCertificate.issuer));
  const serialNumber = new Uint8Array(leaf.tbsCertificate.serialNumber);

  const signed = buildSignedAttributes({
    suite,
    messageDigest: await platform.digest(suite.digest, options.content),
    certificateHash: await platform.digest(suite.digest, leafDer),
    issuerName,
    serialNumber,
  });
  const signature = encodeEcdsaSigValue(await signer.sign(signed.set));

  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: leaf.tbsCertificate.issuer,
        serialNumber: leaf.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new DigestAlgorithmIdentifier({ algorithm: suite.digestOid }),
    signedAttrs: signed.attributes.map((der) => AsnConvert.parse(der, Attribute)),
    signatureAlgorithm: new SignatureAlgorithmIdentifier({ algorithm: suite.signatureOid }),
    signature: new OctetString(signature),
  });
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new DigestAlgorithmIdentifier({ algorithm: suite.digestOid })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: CMS_OID.data }),
    certificates: new CertificateSet(
      certificateChain.map((der) => new CertificateChoices({ certificate: AsnConvert.parse(der, Certificate) })),
    ),
    signerInfos: new SignerInfos([signerInfo]),
  });
  const der = new Uint8Array(
    AsnConvert.serialize(
      new ContentInfo({ contentType: CMS_OID.signedData, content: AsnConvert.serialize(signedData) }),
    ),
  );
  // What we wrote must read back as what we signed: the signed attributes byte for byte, the chain exact.
  const parsed = parseCmsSignedData(der);
  if (
    !bytesEqual(parsed.signedAttributesDer, signed.set) ||
    !bytesEqual(parsed.certificates[0] ?? new Uint8Array(), leafDer)
  ) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'CMS encoding did not round-trip');
  }
  return der;
}
