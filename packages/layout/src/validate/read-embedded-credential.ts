import { ZzError } from '@zhengzhao/core';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { CREDENTIAL_ATTACHMENT_PREFIX } from '../render/credential-attachment-name.js';

/** Longest embedded credential read (an SD-JWT VC with a portrait stays far below). */
export const MAX_EMBEDDED_CREDENTIAL_BYTES = 256 * 1024;

export interface EmbeddedCredential {
  readonly name: string;
  readonly credential: string;
}

/**
 * CREDENTIAL.EMBEDDED: the one embedded file (ISO 32000-1 §7.11.4, catalog /Names /EmbeddedFiles)
 * whose name starts with `credential.`, as UTF-8 text. None is `ERR_LAYOUT_CREDENTIAL_MISSING`;
 * several are `ERR_LAYOUT_CREDENTIAL_MISMATCH` (the document must say which credential it is).
 */
export function readEmbeddedCredential(document: PDFDocument): EmbeddedCredential {
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const files = tree ? collect(tree, 0) : [];
  const credentials = files.filter((file) => file.name.startsWith(CREDENTIAL_ATTACHMENT_PREFIX));
  if (credentials.length === 0) throw new ZzError('ERR_LAYOUT_CREDENTIAL_MISSING', 'No credential.* attachment');
  if (credentials.length > 1)
    throw new ZzError('ERR_LAYOUT_CREDENTIAL_MISMATCH', 'More than one credential attachment');
  const { name, spec } = credentials[0] as { name: string; spec: PDFDict };
  const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream))
    throw new ZzError('ERR_LAYOUT_CREDENTIAL_MISSING', 'The attachment has no file');
  let bytes: Uint8Array;
  try {
    bytes = decodePDFRawStream(stream).decode();
  } catch (error) {
    throw new ZzError('ERR_PDF_MALFORMED', 'The credential attachment does not decode', { cause: error });
  }
  if (bytes.length > MAX_EMBEDDED_CREDENTIAL_BYTES)
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'Embedded credential is too large');
  let credential: string;
  try {
    credential = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim();
  } catch (error) {
    throw new ZzError('ERR_ENCODING_UTF8', 'The embedded credential is not UTF-8 text', { cause: error });
  }
  if (credential.length === 0) throw new ZzError('ERR_LAYOUT_CREDENTIAL_MISSING', 'The credential attachment is empty');
  return { name, credential };
}

/** Name-tree leaves (ISO 32000-1 §7.9.6), following /Kids a few levels deep. */
function collect(node: PDFDict, depth: number): { name: string; spec: PDFDict }[] {
  if (depth > 4) return [];
  const out: { name: string; spec: PDFDict }[] = [];
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
    const key = pairs.lookup(i);
    const spec = pairs.lookup(i + 1);
    if ((key instanceof PDFString || key instanceof PDFHexString) && spec instanceof PDFDict) {
      out.push({ name: key.decodeText(), spec });
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) out.push(...collect(kid, depth + 1));
  }
  return out;
}
