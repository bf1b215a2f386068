import { bytesEqual, concatBytes, type Platform, parseCertificate, type Signer, toHex, ZzError } from '@zhengzhao/core';
import { buildCmsSignedData } from '../cms/build-cms-signed-data.js';
import { ascii, latin1 } from '../pdf/pdf-bytes.js';
import { checkPdfEnvelope } from '../validate/check-pdf-envelope.js';
import { addSignaturePlaceholder, SIGNATURE_CONTENTS_BYTES } from './add-signature-placeholder.js';

/** Who signs a layout document: the issuing authority's document signer and its chain. */
export interface LayoutSigner {
  /** ES256 (ECDSA P-256) or SM2 key. */
  readonly signer: Signer;
  /** DER certificates, the signer's first (for a test authority: `authority.chain`). */
  readonly certificateChain: readonly Uint8Array[];
}

export interface SignLayoutOptions {
  readonly platform: Platform;
  /** Signing time: the /M entry of the signature dictionary. */
  readonly now: Date;
  readonly reason?: string;
  readonly location?: string;
}

/**
 * Signs a PDF (ISO 32000-1 §12.8; PAdES baseline B-B, ETSI EN 319 142-1 §5): adds the signature
 * field, fills /ByteRange = [0, a, b, c] so that the signature covers the whole file except the
 * /Contents hex string, and writes there a detached CMS SignedData (RFC 5652) over those bytes,
 * signed with the signer's suite (ECDSA P-256/SHA-256 or SM2/SM3). The signer key must match the
 * first certificate, and the PDF must not be signed already (`ERR_PDF_SIGNATURE_MULTIPLE`).
 * For a fixed input and `now` every byte but the signature value (random ECDSA/SM2 nonce) is fixed.
 */
export async function signLayoutDocument(
  pdf: Uint8Array,
  signer: LayoutSigner,
  options: SignLayoutOptions,
): Promise<Uint8Array> {
  checkPdfEnvelope(pdf);
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
  }
  if (latin1(pdf).includes('/ByteRange')) {
    throw new ZzError(
      'ERR_PDF_SIGNATURE_MULTIPLE',
      'The PDF is already signed; a layout document carries one signature',
    );
  }
  const leafDer = signer.certificateChain[0];
  if (!leafDer) throw new ZzError('ERR_INPUT_INVALID', 'The signer needs its certificate chain');
  const leaf = parseCertificate(leafDer);
  if (
    leaf.publicKey.suite !== signer.signer.suite ||
    !bytesEqual(leaf.publicKey.point, signer.signer.publicKey.point)
  ) {
    throw new ZzError('ERR_INPUT_INVALID', 'The signing key does not match the signer certificate');
  }

  const placeholder = await addSignaturePlaceholder(pdf, {
    signingTime: options.now,
    ...(options.reason !== undefined && { reason: options.reason }),
    ...(options.location !== undefined && { location: options.location }),
  });
  const { bytes, contentsStart, contentsEnd } = placeholder;
  const byteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const width = placeholder.byteRangeEnd - placeholder.byteRangeStart - 1;
  const numbers = byteRange.join(' ');
  if (numbers.length > width) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The PDF is too large to sign');
  bytes.set(ascii(numbers.padEnd(width, ' ')), placeholder.byteRangeStart + 1);

  const cms = await buildCmsSignedData({
    platform: options.platform,
    signer: signer.signer,
    certificateChain: signer.certificateChain,
    content: concatBytes(bytes.subarray(0, contentsStart), bytes.subarray(contentsEnd)),
  });
  if (cms.length > SIGNATURE_CONTENTS_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The signature does not fit');
  bytes.set(ascii(toHex(cms)), contentsStart + 1);
  return bytes;
}
