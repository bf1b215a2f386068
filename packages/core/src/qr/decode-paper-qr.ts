import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { decodeQrPayload, type QrPayload } from './decode-qr-payload.js';
import type { ParsedPaperCredential } from './parse-paper-credential.js';
import { parseCompactCredential } from './parse-qr-credential.js';

/** A decoded paper QR, shapes checked, nothing verified. */
export interface DecodedPaperQr {
  readonly version: number;
  readonly credential: ParsedPaperCredential;
  /** Size of the ZLIB stream that the base45 text carried. */
  readonly compressedLength: number;
}

/**
 * Decodes a paper QR (docs/qr-format.md §10): the `ZZ1:` pipeline with `[1, credential, null]`.
 * Besides `decodeQr`'s errors: a proof next to a paper credential is `ERR_QR_PAPER_MISMATCH`;
 * `null` next to a device-bound credential (a phone QR with its proof stripped) is
 * `ERR_QR_DEVICE_PROOF_MISSING`.
 */
export async function decodePaperQr(platform: Platform, text: string): Promise<DecodedPaperQr> {
  return paperQrFromPayload(await decodeQrPayload(platform, text));
}

/** The paper half of `decodePaperQr`, for `verifyQr`, which has already decoded the payload. */
export function paperQrFromPayload(payload: QrPayload): DecodedPaperQr {
  const parsed = parseCompactCredential(payload.credentialBytes);
  const { holderPublicKey, ...claims } = parsed.claims;
  if (holderPublicKey) {
    throw payload.proof === null
      ? new ZzError('ERR_QR_DEVICE_PROOF_MISSING', 'The credential is bound to a device key but the QR has no proof')
      : new ZzError('ERR_QR_PAPER_MISMATCH', 'This is a phone QR with a device proof, not a paper QR');
  }
  if (payload.proof !== null) {
    throw new ZzError('ERR_QR_PAPER_MISMATCH', 'A paper credential must not carry a device proof');
  }
  return { version: payload.version, credential: { ...parsed, claims }, compressedLength: payload.compressedLength };
}
