import {
  bytesEqual,
  concatBytes,
  type DigestAlgorithm,
  decodeEcdsaSigValue,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  ZzError,
} from '@zhengzhao/core';
import { CMS_OID, CMS_SUITES, type CmsSuite } from '../cms/cms-oids.js';
import { oid, oidText, readChildren, readTlv, TAG } from '../cms/der.js';
import { parseCmsSignedData } from '../cms/parse-cms-signed-data.js';
import type { LocatedSignature } from './locate-signature.js';

export interface VerifiedPdfSignature {
  readonly suite: CmsSuite;
  /** The signer's chain as carried in the CMS, signer first. */
  readonly certificates: readonly Uint8Array[];
  readonly signer: ParsedCertificate;
}

/**
 * PDF.SIGNATURE (RFC 5652 §5.4, §5.6; ETSI EN 319 142-1 §5.2): the /Contents is a detached CMS
 * SignedData; its digest and signature algorithms are an allowed pair (ECDSA P-256 + SHA-256,
 * or SM2 + SM3, parameters absent; `ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED` otherwise, RSA, SHA-1 and
 * MD5 included) matching the signer key; content-type is id-data; message-digest equals the
 * digest of the ByteRange bytes (`ERR_PDF_DIGEST_MISMATCH`); signing-certificate-v2 names the
 * signer certificate (RFC 5035); the signature verifies over the DER signed attributes with the
 * signer certificate's key (`ERR_PDF_SIGNATURE_INVALID`). Trust in that key is the next check.
 */
export async function verifyPdfSignature(
  platform: Platform,
  bytes: Uint8Array,
  located: LocatedSignature,
): Promise<VerifiedPdfSignature> {
  const cms = parseCmsSignedData(located.contents);
  const suite = Object.values(CMS_SUITES).find(
    (entry) => entry.digestOid === cms.digestAlgorithm && entry.signatureOid === cms.signatureAlgorithm,
  );
  if (!suite || cms.signatureAlgorithmHasParameters) {
    throw new ZzError(
      'ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED',
      'The signature algorithm is not ECDSA P-256/SHA-256 or SM2/SM3',
    );
  }
  let signer: ParsedCertificate;
  try {
    signer = parseCertificate(cms.certificates[0] as Uint8Array);
  } catch (error) {
    const code =
      error instanceof ZzError && error.code === 'ERR_CRYPTO_UNSUPPORTED_ALG'
        ? 'ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED'
        : 'ERR_PDF_CMS_MALFORMED';
    throw new ZzError(code, 'The signer certificate is unreadable or of another algorithm', { cause: error });
  }
  if (signer.publicKey.suite !== suite.suite) {
    throw new ZzError('ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED', 'The signature algorithm does not match the signer key');
  }

  const contentType = cms.attributes.get(CMS_OID.contentType);
  if (!contentType || !bytesEqual(contentType, oid(CMS_OID.data))) {
    throw new ZzError('ERR_PDF_CMS_MALFORMED', 'The content-type attribute is missing or not id-data');
  }
  const messageDigest = cms.attributes.get(CMS_OID.messageDigest);
  const digestTlv = messageDigest ? readTlv(messageDigest, 0) : undefined;
  if (!digestTlv || digestTlv.tag !== TAG.octetString || digestTlv.end !== messageDigest?.length) {
    throw new ZzError('ERR_PDF_CMS_MALFORMED', 'The message-digest attribute is missing or malformed');
  }
  const [, holeStart, holeEnd] = located.byteRange;
  const signed = concatBytes(bytes.subarray(0, holeStart), bytes.subarray(holeEnd));
  if (!bytesEqual(digestTlv.content, await platform.digest(suite.digest, signed))) {
    throw new ZzError('ERR_PDF_DIGEST_MISMATCH', 'The signed bytes of the PDF were changed after signing');
  }
  await checkSigningCertificate(platform, cms.attributes.get(CMS_OID.signingCertificateV2), signer.der);

  let raw: Uint8Array;
  try {
    raw = decodeEcdsaSigValue(cms.signature);
  } catch (error) {
    throw new ZzError('ERR_PDF_SIGNATURE_INVALID', 'The signature value is not an ECDSA/SM2 signature', {
      cause: error,
    });
  }
  const ok = await platform.suite(suite.suite).verify(signer.publicKey.point, cms.signedAttributesDer, raw);
  if (!ok) throw new ZzError('ERR_PDF_SIGNATURE_INVALID', 'The PDF signature does not verify');
  return { suite, certificates: cms.certificates, signer };
}

const HASH_BY_OID: ReadonlyMap<string, DigestAlgorithm> = new Map([
  [CMS_OID.sha256, 'SHA-256'],
  [CMS_OID.sm3, 'SM3'],
]);

/** signing-certificate-v2 (RFC 5035 §3): the first ESSCertIDv2's certHash is the signer certificate's. */
async function checkSigningCertificate(platform: Platform, value: Uint8Array | undefined, signerDer: Uint8Array) {
  if (!value) throw new ZzError('ERR_PDF_CMS_MALFORMED', 'The signing-certificate-v2 attribute is missing (PAdES B-B)');
  const [certs] = readChildren(readTlv(value, 0).content);
  const [first] = certs ? readChildren(certs.content) : [];
  const fields = first ? readChildren(first.content) : [];
  let algorithm: DigestAlgorithm | undefined = 'SHA-256';
  let index = 0;
  if (fields[0]?.tag === TAG.sequence) {
    const algorithmOid = readChildren(fields[0].content)[0];
    algorithm = algorithmOid?.tag === TAG.oid ? HASH_BY_OID.get(oidText(algorithmOid.content)) : undefined;
    index = 1;
  }
  const hash = fields[index];
  if (!algorithm || hash?.tag !== TAG.octetString) {
    throw new ZzError('ERR_PDF_CMS_MALFORMED', 'The signing-certificate-v2 attribute is malformed');
  }
  if (!bytesEqual(hash.content, await platform.digest(algorithm, signerDer))) {
    throw new ZzError('ERR_PDF_SIGNATURE_INVALID', 'signing-certificate-v2 names another certificate');
  }
}
