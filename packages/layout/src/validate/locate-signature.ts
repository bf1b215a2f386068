import { fromHex, ZzError } from '@zhengzhao/core';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { MAX_CMS_BYTES } from '../cms/parse-cms-signed-data.js';
import { allIndexesOf, isPdfWhiteSpace, latin1 } from '../pdf/pdf-bytes.js';

/** The one signature of a layout document, found and checked for position (PDF.STRUCTURE). */
export interface LocatedSignature {
  readonly document: PDFDocument;
  readonly byteRange: readonly [number, number, number, number];
  /** The DER CMS (with the zero padding of the hole). */
  readonly contents: Uint8Array;
  /** The claimed signing time (/M). */
  readonly signingTime?: Date;
}

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*\]/;
const UPDATE_MARKERS = /startxref|trailer|xref|\d+\s+\d+\s+obj\b/;

/**
 * Finds the signature of `bytes` and proves it covers the whole file (ISO 32000-1 §12.8.1; PAdES
 * ETSI EN 319 142-1 §5.4): exactly one /ByteRange in the file and one signature dictionary in
 * its objects (object streams included); ByteRange [0, a, b, c] with the hole [a, b) being
 * exactly the /Contents hex string of that dictionary; b + c = the file length — a shorter file
 * is `ERR_PDF_TRUNCATED`, bytes after the signed range are `ERR_PDF_INCREMENTAL_UPDATE` when
 * they look like an update (xref, trailer, objects) and `ERR_PDF_BYTES_APPENDED` otherwise; the
 * signed file ends with %%EOF. Call `checkPdfEnvelope` first.
 */
export async function locateSignature(bytes: Uint8Array): Promise<LocatedSignature> {
  const text = latin1(bytes);
  const hasEof = /%%EOF\s*$/.test(text.slice(-1024));
  const offsets = allIndexesOf(text, '/ByteRange');
  if (offsets.length === 0) {
    if (!hasEof) throw new ZzError('ERR_PDF_TRUNCATED', 'The PDF ends without %%EOF');
    throw new ZzError('ERR_PDF_SIGNATURE_MISSING', 'No /ByteRange: the PDF is not signed');
  }
  if (offsets.length > 1)
    throw new ZzError('ERR_PDF_SIGNATURE_MULTIPLE', `${offsets.length} signatures; one is allowed`);
  const offset = offsets[0] as number;
  const match = BYTE_RANGE.exec(text.slice(offset, offset + 80));
  if (!match) throw new ZzError('ERR_PDF_BYTE_RANGE_INVALID', '/ByteRange is not an array of four integers');
  const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
  const [start, holeStart, holeEnd, tailLength] = byteRange;
  if (start !== 0 || holeStart <= 0 || holeEnd <= holeStart) {
    throw new ZzError('ERR_PDF_BYTE_RANGE_INVALID', '/ByteRange must start at 0 and leave one hole');
  }
  const signedEnd = holeEnd + tailLength;
  if (signedEnd > bytes.length || holeEnd > bytes.length) {
    throw new ZzError('ERR_PDF_TRUNCATED', 'The PDF is shorter than its signed range');
  }
  if (signedEnd < bytes.length) {
    const after = text.slice(signedEnd);
    throw UPDATE_MARKERS.test(after)
      ? new ZzError('ERR_PDF_INCREMENTAL_UPDATE', 'An incremental update follows the signed range')
      : new ZzError('ERR_PDF_BYTES_APPENDED', `${after.length} bytes follow the signed range`);
  }
  if (!hasEof) throw new ZzError('ERR_PDF_TRUNCATED', 'The signed PDF does not end with %%EOF');

  const hole = text.slice(holeStart, holeEnd);
  if (hole.length > MAX_CMS_BYTES * 2 + 2 || !/^<(?:[0-9A-Fa-f]{2})+>$/.test(hole)) {
    throw new ZzError('ERR_PDF_BYTE_RANGE_INVALID', 'The /ByteRange hole is not exactly a hex string');
  }
  let before = holeStart;
  while (isPdfWhiteSpace(text[before - 1])) before--;
  const between = text.slice(Math.min(offset, holeStart), Math.max(offset, holeStart));
  if (!text.slice(0, before).endsWith('/Contents') || between.includes('endobj')) {
    throw new ZzError('ERR_PDF_BYTE_RANGE_INVALID', 'The /ByteRange hole is not the /Contents of its dictionary');
  }
  const contents = fromHex(hole.slice(1, -1).toLowerCase());

  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    throw new ZzError('ERR_PDF_MALFORMED', 'The PDF cannot be parsed', { cause: error });
  }
  const signatures = signatureDictionaries(document);
  if (signatures.length === 0) throw new ZzError('ERR_PDF_SIGNATURE_MISSING', 'No signature dictionary');
  if (signatures.length > 1) throw new ZzError('ERR_PDF_SIGNATURE_MULTIPLE', 'More than one signature dictionary');
  const signature = signatures[0] as PDFDict;
  const parsedRange = signature.lookup(PDFName.of('ByteRange'));
  const parsedContents = signature.lookup(PDFName.of('Contents'));
  const same =
    parsedRange instanceof PDFArray &&
    parsedRange.size() === 4 &&
    parsedRange.asArray().every((n, i) => n instanceof PDFNumber && n.asNumber() === byteRange[i]) &&
    parsedContents instanceof PDFHexString &&
    parsedContents.asBytes().length === contents.length;
  if (!same)
    throw new ZzError('ERR_PDF_BYTE_RANGE_INVALID', 'The signature dictionary does not hold the /ByteRange found');
  const subFilter = signature.lookup(PDFName.of('SubFilter'));
  if (!(subFilter instanceof PDFName) || subFilter.decodeText() !== 'ETSI.CAdES.detached') {
    throw new ZzError('ERR_PDF_SIGNATURE_ALG_NOT_ALLOWED', 'Only /SubFilter /ETSI.CAdES.detached (PAdES) is allowed');
  }
  const m = signature.lookup(PDFName.of('M'));
  const signingTime = m instanceof PDFString || m instanceof PDFHexString ? safeDate(m) : undefined;
  return { document, byteRange, contents, ...(signingTime && { signingTime }) };
}

/** Every signature dictionary among the document's objects: /Type /Sig, or /ByteRange with /Contents. */
function signatureDictionaries(document: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const type = object.get(PDFName.of('Type'));
    const isSig = type instanceof PDFName && type.decodeText() === 'Sig';
    if (isSig || (object.has(PDFName.of('ByteRange')) && object.has(PDFName.of('Contents')))) found.push(object);
  }
  return found;
}

function safeDate(value: PDFString | PDFHexString): Date | undefined {
  try {
    return value.decodeDate();
  } catch {
    return undefined;
  }
}
