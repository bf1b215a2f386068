import { ZzError } from '@zhengzhao/core';

/** Default largest layout document accepted: 20 MiB (a one-page licence is a few hundred kB). */
export const MAX_LAYOUT_DOCUMENT_BYTES = 20 * 1024 * 1024;

const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** True when `bytes` starts with the PDF header `%PDF-` (ISO 32000-1 §7.5.2). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes instanceof Uint8Array && HEADER.every((byte, i) => bytes[i] === byte);
}

/**
 * Refuses what is not a PDF document at all, before any parsing: no `%PDF-` header is
 * `ERR_PDF_MALFORMED`, more than `maxBytes` is `ERR_INPUT_TOO_LARGE`.
 */
export function checkPdfEnvelope(bytes: Uint8Array, maxBytes = MAX_LAYOUT_DOCUMENT_BYTES): void {
  if (!(bytes instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'The document must be bytes');
  if (bytes.length > maxBytes)
    throw new ZzError('ERR_INPUT_TOO_LARGE', `The document is larger than ${maxBytes} bytes`);
  if (!isPdf(bytes)) throw new ZzError('ERR_PDF_MALFORMED', 'The input is not a PDF (no %PDF- header)');
}
