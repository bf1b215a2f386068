import { decodeBase64url, fromHex, utf8Decode, ZZ1_PREFIX } from '@zhengzhao/core';
import { textOf } from './credential-file.js';
import { isJpeg, isPng } from './image-kind.js';
import { readInput } from './io.js';

const SD_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*~/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64URL = /^[A-Za-z0-9_-]{16,}$/;

/** Where a presentation came from, for the human summary. */
export type PresentationSource = 'argument' | 'file' | 'stdin' | 'image';

/**
 * Reads what `zz verify` is given: a literal `ZZ1:` or SD-JWT argument; else a file (or `-` for
 * standard input) holding a PNG/JPEG of a QR code (decoded to its text), `ZZ1:` or SD-JWT text,
 * CBOR bytes (DeviceResponse / IssuerSigned), or those bytes as hex or base64url text (the
 * OpenID4VP `vp_token` form). Format detection itself is `detectPresentationFormat`'s job.
 */
export async function readPresentation(
  arg: string,
): Promise<{ input: string | Uint8Array; source: PresentationSource }> {
  if (arg !== '-' && (arg.startsWith(ZZ1_PREFIX) || SD_JWT.test(arg))) return { input: arg, source: 'argument' };
  const bytes = readInput(arg);
  const source = arg === '-' ? 'stdin' : 'file';
  if (isPng(bytes) || isJpeg(bytes)) {
    // the image decoders load only when an image is given
    const { decodeQrImage } = await import('./qr-image.js');
    return { input: utf8Decode(decodeQrImage(bytes)), source: 'image' };
  }
  const text = textOf(bytes);
  if (text === undefined) return { input: bytes, source };
  if (text.startsWith(ZZ1_PREFIX) || SD_JWT.test(text)) return { input: text, source };
  if (HEX.test(text)) return { input: fromHex(text), source };
  if (BASE64URL.test(text)) {
    try {
      return { input: decodeBase64url(text), source };
    } catch {
      // not base64url after all: format detection refuses the text below
    }
  }
  return { input: text, source };
}
