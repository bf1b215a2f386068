import { ZzError } from '../errors/zz-error.js';

/** One DER TLV header: tag byte, where the content starts and how long it is. */
export interface DerHeader {
  readonly tag: number;
  readonly contentStart: number;
  readonly contentLength: number;
}

/**
 * Reads a DER TLV header at `offset` (X.690 §8.1, §10.1: single-byte tag, definite length in
 * minimal form). Throws `ERR_X509_MALFORMED` when the header or its content overruns `bytes`.
 */
export function readDerHeader(bytes: Uint8Array, offset: number): DerHeader {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) {
    throw new ZzError('ERR_X509_MALFORMED', 'DER header is truncated or uses a multi-byte tag');
  }
  let contentLength = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new ZzError('ERR_X509_MALFORMED', 'DER length is indefinite or too large');
    contentLength = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[contentStart + i];
      if (byte === undefined) throw new ZzError('ERR_X509_MALFORMED', 'DER length is truncated');
      if (i === 0 && byte === 0) throw new ZzError('ERR_X509_MALFORMED', 'DER length is not minimal');
      contentLength = contentLength * 256 + byte;
    }
    if (contentLength < 0x80) throw new ZzError('ERR_X509_MALFORMED', 'DER length is not minimal');
    contentStart += count;
  }
  if (contentStart + contentLength > bytes.length) {
    throw new ZzError('ERR_X509_MALFORMED', 'DER content overruns the input');
  }
  return { tag, contentStart, contentLength };
}

/** Encodes a DER TLV with a single-byte tag. */
export function encodeDerTlv(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const bytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}
