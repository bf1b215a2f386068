import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { publicKeyToCoseKey } from '../keys/cose-key.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Platform } from '../platform/platform.js';
import { createSessionTranscript } from './create-session-transcript.js';
import { type ParsedDeviceEngagement, parseDeviceEngagement } from './device-engagement.js';
import { createSessionCipher, type SessionCipher } from './session-cipher.js';
import { sessionCryptoOf } from './session-crypto-of.js';
import { encodeSessionEstablishment } from './session-messages.js';

/** The reader's end of a session started from a device engagement. */
export interface ReaderSession {
  readonly engagement: ParsedDeviceEngagement;
  /** The COSE_Key bytes of EReaderKey, as sent in the SessionEstablishment. */
  readonly eReaderKeyBytes: Uint8Array;
  /** The transcript both sides sign and derive keys from (QR handover: null). */
  readonly sessionTranscript: MdocSessionTranscript;
  readonly cipher: SessionCipher;
  /** Encrypts the first request and wraps it in a SessionEstablishment (§9.1.1.4). */
  createSessionEstablishment(request: Uint8Array): Promise<Uint8Array>;
}

/**
 * Starts a session as the reader (ISO/IEC 18013-5 §9.1.1): parses the engagement (QR text or
 * bytes), creates an ephemeral EReaderKey, computes Z with EDeviceKey, builds the SessionTranscript
 * `[DeviceEngagementBytes, EReaderKeyBytes, Handover]` (Handover `null` for QR unless given) and
 * derives the session keys.
 */
export async function createReaderSession(
  platform: Platform,
  engagementInput: ParsedDeviceEngagement | string | Uint8Array,
  options: { readonly handover?: CborValue } = {},
): Promise<ReaderSession> {
  const crypto = sessionCryptoOf(platform);
  const engagement =
    typeof engagementInput === 'string' || engagementInput instanceof Uint8Array
      ? parseDeviceEngagement(engagementInput)
      : engagementInput;
  const pair = await crypto.generateEcdhKeyPair();
  const eReaderKeyBytes = encodeCbor(publicKeyToCoseKey({ suite: 'ES256', point: pair.publicKey }));
  const sharedSecret = await pair.deriveSharedSecret(engagement.eDeviceKey.point);
  const sessionTranscript = createSessionTranscript(engagement.bytes, eReaderKeyBytes, options.handover ?? null);
  const cipher = await createSessionCipher(platform, { role: 'reader', sharedSecret, sessionTranscript });
  return {
    engagement,
    eReaderKeyBytes,
    sessionTranscript,
    cipher,
    async createSessionEstablishment(request) {
      return encodeSessionEstablishment({ eReaderKeyBytes, data: await cipher.encrypt(request) });
    },
  };
}
