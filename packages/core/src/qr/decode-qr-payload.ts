import { decodeCbor } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { decodeBase45 } from './base45.js';
import { QR_MAX_INFLATED_BYTES, QR_MAX_TEXT_LENGTH, ZZ1_PREFIX, ZZ1_VERSION } from './qr-constants.js';

/** The `[1, credential, proof]` array of a `ZZ1:` text, before either element is parsed. */
export interface QrPayload {
  readonly version: number;
  readonly credentialBytes: Uint8Array;
  /** A device proof (COSE_Sign1 array) as decoded, or `null` for a paper credential (ADR 0010). */
  readonly proof: unknown;
  /** Size of the ZLIB stream that the base45 text carried. */
  readonly compressedLength: number;
}

const read = new CborReader('ERR_QR_MALFORMED');

/**
 * The outer layers of the QR pipeline, shared by phone and paper QRs (docs/qr-format.md §5
 * decode rows): prefix → base45 → bounded ZLIB inflate → CBOR array of three with version 1 and
 * a credential byte string. Every failure is a ZzError (`ERR_QR_PREFIX`, `ERR_INPUT_TOO_LARGE`,
 * `ERR_ENCODING_BASE45`, `ERR_COMPRESSION_*`, `ERR_CBOR_MALFORMED`, `ERR_QR_MALFORMED`).
 */
export async function decodeQrPayload(platform: Platform, text: string): Promise<QrPayload> {
  if (typeof text !== 'string') throw new ZzError('ERR_INPUT_INVALID', 'QR text must be a string');
  if (text.length > QR_MAX_TEXT_LENGTH)
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'QR text is longer than any QR code holds');
  if (!text.startsWith(ZZ1_PREFIX)) throw new ZzError('ERR_QR_PREFIX', 'QR text does not start with ZZ1:');
  const compressed = decodeBase45(text.slice(ZZ1_PREFIX.length));
  if (compressed.length === 0) throw new ZzError('ERR_QR_MALFORMED', 'QR payload is empty');
  const inflated = await platform.inflate(compressed, QR_MAX_INFLATED_BYTES);
  const top = read.array(decodeCbor(inflated, { maxBytes: QR_MAX_INFLATED_BYTES }), 'ZZ1 presentation');
  if (top.length !== 3) read.fail('ZZ1 presentation must have 3 elements');
  const version = read.uint(top[0], 'version');
  if (version !== ZZ1_VERSION) read.fail('Unsupported ZZ1 version');
  const credentialBytes = read.bytes(top[1], 'credential');
  return { version, credentialBytes, proof: top[2], compressedLength: compressed.length };
}
