import { utf8Encode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import { encodeSessionTranscriptBytes, type MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Platform } from '../platform/platform.js';
import { sessionCryptoOf } from './session-crypto-of.js';

/** SKReader (reader → mdoc) and SKDevice (mdoc → reader), 32 bytes each. */
export interface SessionKeys {
  readonly skReader: Uint8Array;
  readonly skDevice: Uint8Array;
}

/**
 * ISO/IEC 18013-5 §9.1.1.5: `SK = HKDF-SHA-256(IKM = Z, salt = SHA-256(SessionTranscriptBytes),
 * info = "SKReader" / "SKDevice", L = 32)`, where Z is the ECDH x-coordinate and
 * SessionTranscriptBytes is the tag-24-wrapped transcript.
 */
export async function deriveSessionKeys(
  platform: Platform,
  sharedSecret: Uint8Array,
  sessionTranscript: MdocSessionTranscript,
): Promise<SessionKeys> {
  const session = sessionCryptoOf(platform);
  if (!(sharedSecret instanceof Uint8Array) || sharedSecret.length !== 32) {
    throw new ZzError('ERR_INPUT_INVALID', 'The ECDH shared secret must be 32 bytes');
  }
  const salt = await platform.digest('SHA-256', encodeSessionTranscriptBytes(sessionTranscript));
  const [skReader, skDevice] = await Promise.all([
    session.hkdfSha256(sharedSecret, salt, utf8Encode('SKReader'), 32),
    session.hkdfSha256(sharedSecret, salt, utf8Encode('SKDevice'), 32),
  ]);
  return { skReader, skDevice };
}
