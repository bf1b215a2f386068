import { decodeCbor, decodeEmbedded } from '../cbor/decode.js';
import { type CborValue, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { CborReader } from '../cbor/shape.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import { coseKeyToPublicKey } from '../keys/cose-key.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import { MAX_SESSION_MESSAGE_BYTES } from './session-cipher.js';

/** SessionData status codes (ISO/IEC 18013-5 §9.1.1.4, Table 20). */
export const SESSION_STATUS = { decryptionError: 10, decodingError: 11, terminated: 20 } as const;
export type SessionStatus = (typeof SESSION_STATUS)[keyof typeof SESSION_STATUS];
const STATUSES: ReadonlySet<number> = new Set(Object.values(SESSION_STATUS));

/** `SessionEstablishment = {"eReaderKey": EReaderKeyBytes, "data": bstr}` (§9.1.1.4). */
export interface SessionEstablishment {
  /** The exact COSE_Key bytes inside EReaderKeyBytes: use them for the SessionTranscript. */
  readonly eReaderKeyBytes: Uint8Array;
  /** The encrypted first request. */
  readonly data: Uint8Array;
}

export interface DecodedSessionEstablishment extends SessionEstablishment {
  readonly eReaderKey: PublicKey;
}

/** `SessionData = {? "data": bstr, ? "status": uint}` (§9.1.1.4); at least one is present. */
export interface SessionData {
  readonly data?: Uint8Array;
  readonly status?: SessionStatus;
}

export function encodeSessionEstablishment(message: SessionEstablishment): Uint8Array {
  if (!(message?.eReaderKeyBytes instanceof Uint8Array) || !(message.data instanceof Uint8Array)) {
    throw new ZzError('ERR_INPUT_INVALID', 'eReaderKeyBytes and data must be bytes');
  }
  return encodeCbor(
    new Map<string, CborValue>([
      ['eReaderKey', embedEncoded(message.eReaderKeyBytes)],
      ['data', message.data],
    ]),
  );
}

const read = new CborReader('ERR_SESSION_MALFORMED');

/**
 * Decodes a SessionEstablishment strictly: exactly the two keys, EReaderKey a P-256 COSE_Key in
 * tag 24. Anything else is `ERR_SESSION_MALFORMED` (`ERR_INPUT_TOO_LARGE` past 4 MiB).
 */
export function decodeSessionEstablishment(bytes: Uint8Array): DecodedSessionEstablishment {
  return guard(() => {
    const map = readMessage(bytes, 'SessionEstablishment');
    if (map.size !== 2) read.fail('SessionEstablishment must have exactly eReaderKey and data');
    const embedded = decodeEmbedded(read.required(map, 'eReaderKey', 'SessionEstablishment'), 'EReaderKeyBytes');
    const eReaderKey = coseKeyToPublicKey(embedded.value);
    if (eReaderKey.suite !== 'ES256') read.fail('EReaderKey must be a P-256 key');
    const data = read.bytes(read.required(map, 'data', 'SessionEstablishment'), 'SessionEstablishment data');
    return { eReaderKeyBytes: new Uint8Array(embedded.bytes), eReaderKey, data: new Uint8Array(data) };
  });
}

export function encodeSessionData(message: SessionData): Uint8Array {
  const map = new Map<string, CborValue>();
  if (message?.data !== undefined) {
    if (!(message.data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'SessionData data must be bytes');
    map.set('data', message.data);
  }
  if (message?.status !== undefined) {
    if (!STATUSES.has(message.status))
      throw new ZzError('ERR_INPUT_INVALID', 'SessionData status must be 10, 11 or 20');
    map.set('status', message.status);
  }
  if (map.size === 0) throw new ZzError('ERR_INPUT_INVALID', 'SessionData needs data or a status');
  return encodeCbor(map);
}

/**
 * Decodes a SessionData strictly: only `data` (bstr) and `status` (10, 11 or 20), at least one.
 * Anything else is `ERR_SESSION_MALFORMED`.
 */
export function decodeSessionData(bytes: Uint8Array): SessionData {
  return guard(() => {
    const map = readMessage(bytes, 'SessionData');
    for (const key of map.keys()) if (key !== 'data' && key !== 'status') read.fail('SessionData has an unknown key');
    if (map.size === 0) read.fail('SessionData needs data or a status');
    const data = map.has('data') ? new Uint8Array(read.bytes(map.get('data'), 'SessionData data')) : undefined;
    let status: SessionStatus | undefined;
    if (map.has('status')) {
      const value = read.uint(map.get('status'), 'SessionData status');
      if (!STATUSES.has(value)) read.fail('SessionData status must be 10, 11 or 20');
      status = value as SessionStatus;
    }
    return { ...(data && { data }), ...(status !== undefined && { status }) };
  });
}

function readMessage(bytes: Uint8Array, what: string): Map<unknown, unknown> {
  if (!(bytes instanceof Uint8Array)) read.fail(`${what} must be bytes`);
  return read.map(decodeCbor(bytes, { maxBytes: MAX_SESSION_MESSAGE_BYTES + 64 }), what);
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isZzError(error, 'ERR_SESSION_MALFORMED') || isZzError(error, 'ERR_INPUT_TOO_LARGE')) throw error;
    throw new ZzError('ERR_SESSION_MALFORMED', 'Session message is malformed', { cause: error });
  }
}
