import { isZzError, ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Platform } from '../platform/platform.js';
import { deriveSessionKeys } from './derive-session-keys.js';
import { sessionCryptoOf } from './session-crypto-of.js';

/** Which end of the session this cipher is. */
export type SessionRole = 'reader' | 'device';

/** Largest session message accepted (a DeviceResponse with a portrait is well below). */
export const MAX_SESSION_MESSAGE_BYTES = 4 * 1024 * 1024;
/** The counter is 4 bytes (§9.1.1.5). */
const MAX_COUNTER = 0xffff_ffff;
/** How many neighbouring counters a failed decryption tries, to tell a replay from tampering. */
const REPLAY_WINDOW = 16;

/**
 * One side of an ISO/IEC 18013-5 §9.1.1.5 session: AES-256-GCM with SKReader for reader → mdoc and
 * SKDevice for mdoc → reader; IV = 8-byte identifier (reader `00×8`, mdoc `00…01`) ‖ 4-byte
 * big-endian message counter, starting at 1 per direction. Messages must arrive in order, each
 * once: a message that decrypts under an earlier or later counter (a replay or reordering) is
 * `ERR_SESSION_REPLAY`; any other failure is `ERR_SESSION_DECRYPTION`. Neither advances the
 * counter. Decryptions run one at a time, in call order.
 */
export interface SessionCipher {
  readonly role: SessionRole;
  /** Encrypts the next outgoing message (ciphertext ‖ tag). */
  encrypt(plaintext: Uint8Array): Promise<Uint8Array>;
  /** Decrypts the next incoming message. */
  decrypt(data: Uint8Array): Promise<Uint8Array>;
  /** Messages encrypted so far. */
  readonly sent: number;
  /** Messages decrypted so far. */
  readonly received: number;
}

export interface CreateSessionCipherOptions {
  readonly role: SessionRole;
  /** The ECDH x-coordinate Z (32 bytes). */
  readonly sharedSecret: Uint8Array;
  readonly sessionTranscript: MdocSessionTranscript;
}

/** Derives the session keys and returns the cipher for `role`. */
export async function createSessionCipher(
  platform: Platform,
  options: CreateSessionCipherOptions,
): Promise<SessionCipher> {
  const crypto = sessionCryptoOf(platform);
  const { role } = options;
  if (role !== 'reader' && role !== 'device') throw new ZzError('ERR_INPUT_INVALID', 'role must be reader or device');
  const keys = await deriveSessionKeys(platform, options.sharedSecret, options.sessionTranscript);
  const outKey = role === 'reader' ? keys.skReader : keys.skDevice;
  const inKey = role === 'reader' ? keys.skDevice : keys.skReader;
  const outId = role === 'reader' ? 0 : 1;
  const inId = 1 - outId;
  let sent = 0;
  let received = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const open = async (data: Uint8Array, counter: number) => crypto.aesGcmDecrypt(inKey, sessionIv(inId, counter), data);

  const decryptNext = async (data: Uint8Array): Promise<Uint8Array> => {
    if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Session message must be bytes');
    if (data.length > MAX_SESSION_MESSAGE_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Session message too large');
    if (received >= MAX_COUNTER) throw new ZzError('ERR_SESSION_COUNTER_EXHAUSTED', 'No counter left to receive');
    const counter = received + 1;
    try {
      const plaintext = await open(data, counter);
      received = counter;
      return plaintext;
    } catch (error) {
      if (!isZzError(error, 'ERR_SESSION_DECRYPTION')) throw error;
      const low = Math.max(1, counter - REPLAY_WINDOW);
      const high = Math.min(MAX_COUNTER, counter + REPLAY_WINDOW);
      for (let other = low; other <= high; other++) {
        if (other === counter) continue;
        const replayed = await open(data, other).then(
          () => true,
          () => false,
        );
        if (replayed) throw new ZzError('ERR_SESSION_REPLAY', 'Session message is a replay or out of order');
      }
      throw error;
    }
  };

  return {
    role,
    get sent() {
      return sent;
    },
    get received() {
      return received;
    },
    async encrypt(plaintext) {
      if (!(plaintext instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Plaintext must be bytes');
      if (plaintext.length > MAX_SESSION_MESSAGE_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Message too large');
      if (sent >= MAX_COUNTER) throw new ZzError('ERR_SESSION_COUNTER_EXHAUSTED', 'No counter left to send');
      sent += 1; // reserved before any await: two concurrent calls never share an IV
      return crypto.aesGcmEncrypt(outKey, sessionIv(outId, sent), plaintext);
    },
    decrypt(data) {
      const result = queue.then(() => decryptNext(data));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** IV = identifier (8 bytes: 0 for reader → mdoc, 1 for mdoc → reader) ‖ counter (4 bytes, big-endian). */
export function sessionIv(identifier: number, counter: number): Uint8Array {
  const iv = new Uint8Array(12);
  const view = new DataView(iv.buffer);
  view.setUint32(4, identifier);
  view.setUint32(8, counter);
  return iv;
}
