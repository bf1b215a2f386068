import { ZzError } from '@zhengzhao/core';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { latin1 } from '../pdf/pdf-bytes.js';

/** Bytes reserved for the DER CMS in /Contents (written as twice as many hex digits). */
export const SIGNATURE_CONTENTS_BYTES = 16 * 1024;

/** The ByteRange numbers are written over these names once the file's offsets are known. */
const BYTE_RANGE_MARK = '**********';

export interface SignaturePlaceholder {
  /** The PDF with an empty signature: /Contents all zeros, /ByteRange still to be written. */
  readonly bytes: Uint8Array;
  /** Offsets of the `[` and of the `]` of the /ByteRange array. */
  readonly byteRangeStart: number;
  readonly byteRangeEnd: number;
  /** Offsets of the `<` and just after the `>` of the /Contents hex string. */
  readonly contentsStart: number;
  readonly contentsEnd: number;
}

export interface PlaceholderOptions {
  /** The claimed signing time, written as /M (PAdES B-B: ETSI EN 319 142-1 §5.3). */
  readonly signingTime: Date;
  readonly reason?: string;
  readonly location?: string;
}

/**
 * Adds an unsigned signature field (ISO 32000-1 §12.7.4.5, §12.8.1): a /Sig dictionary with
 * /Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached, /M, a /ByteRange to be filled and a
 * zeroed /Contents of `SIGNATURE_CONTENTS_BYTES`; an invisible, locked widget on page 1 (rect 0,
 * flags Print|Locked) that is the field; the field in the AcroForm with /SigFlags 3
 * (SignaturesExist | AppendOnly). Saved without object streams, so the dictionary is plain text.
 */
export async function addSignaturePlaceholder(
  pdf: Uint8Array,
  options: PlaceholderOptions,
): Promise<SignaturePlaceholder> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new ZzError('ERR_PDF_MALFORMED', 'The PDF cannot be parsed', { cause: error });
  }
  const page = doc.getPages()[0];
  if (!page) throw new ZzError('ERR_PDF_MALFORMED', 'The PDF has no page');
  const { context } = doc;
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, PDFName.of(BYTE_RANGE_MARK), PDFName.of(BYTE_RANGE_MARK), PDFName.of(BYTE_RANGE_MARK)],
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_CONTENTS_BYTES * 2)),
    M: PDFString.fromDate(options.signingTime),
    ...(options.reason !== undefined && { Reason: PDFHexString.fromText(options.reason) }),
    ...(options.location !== undefined && { Location: PDFHexString.fromText(options.location) }),
  });
  const signatureRef = context.register(signature);
  const widgetRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of('Signature1'),
      F: 132,
      Rect: [0, 0, 0, 0],
      V: signatureRef,
      P: page.ref,
    }),
  );
  page.node.addAnnot(widgetRef);
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.addField(widgetRef);
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  const text = latin1(bytes);
  const mark = `/${BYTE_RANGE_MARK}`;
  const byteRangeKey = text.indexOf(`/ByteRange [ 0 ${mark} ${mark} ${mark} ]`);
  const contentsStart = text.indexOf(`<${'0'.repeat(SIGNATURE_CONTENTS_BYTES * 2)}>`);
  if (byteRangeKey < 0 || contentsStart < 0)
    throw new ZzError('ERR_CRYPTO_OPERATION', 'Signature placeholder not found');
  const byteRangeStart = text.indexOf('[', byteRangeKey);
  return {
    bytes,
    byteRangeStart,
    byteRangeEnd: text.indexOf(']', byteRangeStart),
    contentsStart,
    contentsEnd: contentsStart + SIGNATURE_CONTENTS_BYTES * 2 + 2,
  };
}
