import type { CborValue } from '../cbor/encode.js';
import { ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { EcdhKeyPair, Platform } from '../platform/platform.js';
import { createSessionTranscript } from './create-session-transcript.js';
import { createSessionCipher, type SessionCipher } from './session-cipher.js';
import { decodeSessionEstablishment } from './session-messages.js';

export interface AcceptSessionEstablishmentOptions {
  /** The EDeviceKey pair whose public key the engagement carries. */
  readonly eDeviceKeyPair: EcdhKeyPair;
  /** The exact DeviceEngagement bytes shown in the QR code. */
  readonly deviceEngagementBytes: Uint8Array;
  /** The reader's SessionEstablishment message. */
  readonly message: Uint8Array;
  /** The Handover of the SessionTranscript: `null` (default) for QR engagement, `[HandoverSelect, HandoverRequest]` for NFC. */
  readonly handover?: CborValue;
}

/** The holder's end of a session, with the reader's first (decrypted) request. */
export interface HolderSession {
  readonly eReaderKey: PublicKey;
  readonly sessionTranscript: MdocSessionTranscript;
  readonly cipher: SessionCipher;
  /** The decrypted first message: usually DeviceRequest bytes. */
  readonly request: Uint8Array;
}

/**
 * Accepts a reader's SessionEstablishment as the mdoc (ISO/IEC 18013-5 §9.1.1.4): computes Z with
 * EReaderKey, builds the SessionTranscript from the engagement bytes and the exact EReaderKeyBytes
 * received, derives the keys and decrypts the first message (`ERR_SESSION_DECRYPTION` if it does
 * not decrypt; the holder should then answer `SessionData {status: 10}`).
 */
export async function acceptSessionEstablishment(
  platform: Platform,
  options: AcceptSessionEstablishmentOptions,
): Promise<HolderSession> {
  const { eDeviceKeyPair, deviceEngagementBytes } = options;
  if (typeof eDeviceKeyPair?.deriveSharedSecret !== 'function') {
    throw new ZzError('ERR_INPUT_INVALID', 'eDeviceKeyPair must be an ECDH key pair');
  }
  const establishment = decodeSessionEstablishment(options.message);
  const sharedSecret = await eDeviceKeyPair.deriveSharedSecret(establishment.eReaderKey.point);
  const sessionTranscript = createSessionTranscript(
    deviceEngagementBytes,
    establishment.eReaderKeyBytes,
    options.handover ?? null,
  );
  const cipher = await createSessionCipher(platform, { role: 'device', sharedSecret, sessionTranscript });
  const request = await cipher.decrypt(establishment.data);
  return { eReaderKey: establishment.eReaderKey, sessionTranscript, cipher, request };
}
