import { decodeCbor } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { type CoseSign1, parseCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { decodeQrPayload, type QrPayload } from './decode-qr-payload.js';
import { type ParsedQrCredential, parseCompactCredential } from './parse-qr-credential.js';
import { DEVICE_PROOF_CLAIM } from './qr-constants.js';

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
 * Undoes the QR pipeline (docs/qr-format.md §5) for a phone QR: prefix → base45 → bounded ZLIB
 * inflate → CBOR `[1, credential bstr, deviceProof COSE_Sign1]` → shapes. Every failure is a
 * ZzError: `ERR_QR_PREFIX`, `ERR_INPUT_TOO_LARGE`, `ERR_ENCODING_BASE45`, `ERR_COMPRESSION_*`,
 * `ERR_CBOR_MALFORMED`, `ERR_COSE_MALFORMED`, `ERR_QR_MALFORMED`, `ERR_CRYPTO_*` (bad cnf key);
 * a paper QR (ADR 0010) is `ERR_QR_DEVICE_PROOF_MISSING` here: decode it with `decodePaperQr`.
 * The core inflates only through the platform, hence the `platform` argument.
 */
export async function decodeQr(platform: Platform, text: string): Promise<DecodedQr> {
  return deviceQrFromPayload(await decodeQrPayload(platform, text));
}

/**
 * The phone half of `decodeQr`. A missing proof (`null`, the paper shape) next to a device-bound
 * credential is `ERR_QR_DEVICE_PROOF_MISSING` (a phone QR with its proof stripped); a proof next
 * to a credential without `cnf` (a paper one) is `ERR_QR_PAPER_MISMATCH`.
 */
export function deviceQrFromPayload(payload: QrPayload): DecodedQr {
  const parsed = parseCompactCredential(payload.credentialBytes);
  const holderPublicKey = parsed.claims.holderPublicKey;
  if (payload.proof === null) {
    throw new ZzError('ERR_QR_DEVICE_PROOF_MISSING', 'QR carries no device proof');
  }
  if (!holderPublicKey) {
    throw new ZzError('ERR_QR_PAPER_MISMATCH', 'A credential without a holder key must not carry a device proof');
  }
  const credential: ParsedQrCredential = { ...parsed, claims: { ...parsed.claims, holderPublicKey } };
  const deviceProof = parseCoseSign1(payload.proof);
  const proofPayload = deviceProof.payload ?? read.fail('Device proof payload must not be detached');
  const proofClaims = read.map(decodeCbor(proofPayload), 'device proof payload');
  const timestamp = read.int(read.required(proofClaims, DEVICE_PROOF_CLAIM.timestamp, 'device proof'), 'timestamp');
  return {
    version: payload.version,
    credential,
    deviceProof,
    timestamp,
    compressedLength: payload.compressedLength,
  };
}
