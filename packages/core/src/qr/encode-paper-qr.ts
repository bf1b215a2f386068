import { encodeCbor } from '../cbor/encode.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { encodeBase45 } from './base45.js';
import { PAPER_QR_MAX_TEXT_LENGTH } from './paper-constants.js';
import { parsePaperCredential } from './parse-paper-credential.js';
import { ZZ1_PREFIX, ZZ1_VERSION } from './qr-constants.js';

/**
 * The printable text of a paper credential (docs/qr-format.md §10): `[1, credential, null]` →
 * CBOR → ZLIB → base45 → "ZZ1:". It is made once, at the counter, and printed; encode it as one
 * alphanumeric segment. A device-bound credential is `ERR_QR_PAPER_MISMATCH`; text longer than a
 * version-40 QR holds at level M is `ERR_INPUT_TOO_LARGE` (re-issue with a smaller thumbnail or
 * `paper_basic`).
 */
export async function encodePaperQr(platform: Platform, credential: Uint8Array): Promise<string> {
  if (!(credential instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'credential must be bytes');
  parsePaperCredential(credential);
  const compressed = await platform.deflate(encodeCbor([ZZ1_VERSION, credential, null]));
  const text = ZZ1_PREFIX + encodeBase45(compressed);
  if (text.length > PAPER_QR_MAX_TEXT_LENGTH) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'The paper QR would not fit a version-40 QR code at level M');
  }
  return text;
}
