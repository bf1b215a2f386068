import { decodeCbor } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { type CoseSign1, parseCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { decodeBase45 } from './base45.js';
import { type ParsedQrCredential, parseQrCredential } from './parse-qr-credential.js';
import {
  DEVICE_PROOF_CLAIM,
  QR_MAX_INFLATED_BYTES,
  QR_MAX_TEXT_LENGTH,
  ZZ1_PREFIX,
  ZZ1_VERSION,
} from './qr-constants.js';

/** A decoded `ZZ1:` QR, shapes checked, nothing verified. */
export interface DecodedQr {
  readonly version: number;
  readonly credential: ParsedQrCredential;
  readonly deviceProof: CoseSign1;
  /** The device proof's timestamp (epoch seconds), unverified. */
  readonly timestamp: number;
  /** Size of the ZLIB stream that the base45 text carried. */
  readonly compressedLength: number;
}

const read = new CborReader('ERR_QR_MALFORMED');

/**
 * Undoes the QR pipeline (docs/qr-format.md §6 steps 1–4): prefix → base45 → bounded ZLIB
 * inflate → CBOR `[1, credential bstr, deviceProof COSE_Sign1]` → shapes. Every failure is a
 * ZzError: `ERR_QR_PREFIX`, `ERR_INPUT_TOO_LARGE`, `ERR_ENCODING_BASE45`, `ERR_COMPRESSION_*`,
 * `ERR_CBOR_MALFORMED`, `ERR_COSE_MALFORMED`, `ERR_QR_MALFORMED`, `ERR_CRYPTO_*` (bad cnf key).
 * The core inflates only through the platform, hence the `platform` argument.
 */
export async function decodeQr(platform: Platform, text: string): Promise<DecodedQr> {
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
  const credential = parseQrCredential(read.bytes(top[1], 'credential'));
  const deviceProof = parseCoseSign1(top[2]);
  const proofPayload = deviceProof.payload ?? read.fail('Device proof payload must not be detached');
  const proofClaims = read.map(decodeCbor(proofPayload), 'device proof payload');
  const timestamp = read.int(read.required(proofClaims, DEVICE_PROOF_CLAIM.timestamp, 'device proof'), 'timestamp');
  return { version, credential, deviceProof, timestamp, compressedLength: compressed.length };
}
