import {
  createReaderSession,
  decodeSessionData,
  encodeSessionData,
  isZzError,
  type ParsedDeviceEngagement,
  type Platform,
  parseDeviceEngagement,
  SESSION_STATUS,
  type TrustSource,
  ZzError,
} from '@zhengzhao/core';
import { createVerifier } from '../create-verifier.js';
import type { TrustBundle } from '../trust-bundle/trust-bundle.js';
import type { DeviceResponseResult, Verifier } from '../verifier-types.js';
import { buildDeviceRequest, type ProximityDocRequest, type ReaderKey } from './build-device-request.js';
import { connectRelay, type RelayConnection, type WebSocketConstructor } from './relay-connection.js';

/** Default limit for one session, from connecting to the verified response (the relay's idle limit). */
export const DEFAULT_PROXIMITY_TIMEOUT_MS = 60_000;

export interface ProximityReaderOptions {
  readonly platform: Platform;
  /** Signs readerAuth on every docRequest; absent = requests without reader authentication. */
  readonly readerKey?: ReaderKey;
  /** The verifier whose trust and status cache check the responses… */
  readonly verifier?: Verifier;
  /** …or trust for a private, offline, in-memory verifier (one of the two is required). */
  readonly trust?: TrustBundle | TrustSource;
  /** Default `globalThis.WebSocket`; in Node 20 pass `WebSocket` from `ws`. */
  readonly webSocket?: WebSocketConstructor;
  /** Relay origins (`wss://relay.example.cn`) the reader may connect to; absent = any ws(s) URL. */
  readonly allowedRelayOrigins?: readonly string[];
  /** Default 60 s. */
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
}

/** A scanned engagement, ready for one request. */
export interface ProximityEngagement {
  /** The relay URL from the engagement's WebSocket relay retrieval method (-1024). */
  readonly relayUrl: string;
  readonly engagement: ParsedDeviceEngagement;
  /**
   * Runs the session once: connect, SessionEstablishment with the (reader-authenticated)
   * DeviceRequest, SessionData with the DeviceResponse, verification against this session's
   * transcript, then SessionData {status: 20} and close. Errors: `ERR_PROXIMITY_TIMEOUT`,
   * `ERR_PROXIMITY_RELAY_CLOSED` (relay refused or dropped the connection),
   * `ERR_PROXIMITY_HOLDER_ENDED` (holder ended with status 20 — usually it declined),
   * `ERR_PROXIMITY_HOLDER_ERROR` (holder reported 10/11), `ERR_SESSION_DECRYPTION` /
   * `ERR_SESSION_MALFORMED` (bad holder message; the reader answers 10/11 first).
   */
  request(docRequests: readonly ProximityDocRequest[]): Promise<DeviceResponseResult>;
}

export interface ProximityReader {
  /** Parses a holder's `mdoc:` engagement QR and finds its relay (`ERR_PROXIMITY_NO_RELAY` without one). */
  readEngagement(qrText: string): ProximityEngagement;
}

/**
 * The ISO/IEC 18013-5 reader over the WebSocket relay (Zhengzhao issue 5 §6): QR engagement
 * (§8.2.2.3), session encryption (§9.1.1), DeviceRequest with readerAuth (§8.3.2.1.2.1, §9.1.4),
 * DeviceResponse verified with mdoc device authentication over the SessionTranscript (§9.1.3).
 * The relay sees only ciphertext.
 */
export function createProximityReader(options: ProximityReaderOptions): ProximityReader {
  const { platform } = options;
  if (typeof platform?.suite !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'platform is required');
  const verifier =
    options.verifier ??
    (options.trust !== undefined
      ? createVerifier({ platform, trust: options.trust, ...(options.clock && { clock: options.clock }) })
      : undefined);
  if (!verifier) throw new ZzError('ERR_INPUT_INVALID', 'Give a verifier or trust');
  const WebSocketClass = options.webSocket ?? (globalThis as unknown as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (typeof WebSocketClass !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'No WebSocket implementation');
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXIMITY_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1)
    throw new ZzError('ERR_INPUT_INVALID', 'timeoutMs must be positive');
  const allowed = options.allowedRelayOrigins?.map((origin) => new URL(origin).origin);

  return {
    readEngagement(qrText) {
      if (typeof qrText !== 'string' || !qrText.startsWith('mdoc:')) {
        throw new ZzError('ERR_SESSION_ENGAGEMENT_MALFORMED', 'Not an mdoc: engagement QR');
      }
      const engagement = parseDeviceEngagement(qrText.trim());
      const relayUrl = engagement.relayUrl;
      if (relayUrl === undefined)
        throw new ZzError('ERR_PROXIMITY_NO_RELAY', 'The engagement offers no WebSocket relay');
      if (allowed && !allowed.includes(new URL(relayUrl).origin)) {
        throw new ZzError('ERR_PROXIMITY_NO_RELAY', 'The engagement names a relay this reader does not use');
      }
      let used = false;
      return {
        relayUrl,
        engagement,
        async request(docRequests) {
          if (used) throw new ZzError('ERR_INPUT_INVALID', 'An engagement serves one session; scan a new one');
          used = true;
          const now = () => Date.now();
          const deadline = now() + timeoutMs;
          const session = await createReaderSession(platform, engagement);
          // a registered reader never asks beyond what the national trust list allows it now
          const leaf = options.readerKey?.certificateChain[0];
          const registered = leaf ? await verifier.registeredReader(leaf) : undefined;
          const deviceRequest = await buildDeviceRequest(
            docRequests,
            session.sessionTranscript,
            options.readerKey,
            registered?.elements,
          );
          const establishment = await session.createSessionEstablishment(deviceRequest);
          const connection = await connectRelay(WebSocketClass, relayUrl, { deadline, now });
          try {
            connection.send(establishment);
            const reply = await readReply(connection);
            let responseBytes: Uint8Array;
            try {
              responseBytes = await session.cipher.decrypt(reply);
            } catch (error) {
              endWith(connection, SESSION_STATUS.decryptionError);
              throw error;
            }
            const result = await verifier.verifyDeviceResponse(responseBytes, {
              sessionTranscript: session.sessionTranscript,
              expectedTypes: docRequests.map((request) => request.docType),
            });
            endWith(connection, SESSION_STATUS.terminated);
            return result;
          } catch (error) {
            connection.close();
            throw error;
          }
        },
      };
    },
  };
}

/** Waits for the holder's SessionData and returns its encrypted data (§9.1.1.4). */
async function readReply(connection: RelayConnection): Promise<Uint8Array> {
  const frame = await connection.next();
  let message: ReturnType<typeof decodeSessionData>;
  try {
    message = decodeSessionData(frame);
  } catch (error) {
    if (isZzError(error)) endWith(connection, SESSION_STATUS.decodingError);
    throw error;
  }
  if (message.data !== undefined) return message.data;
  if (message.status === SESSION_STATUS.terminated) {
    throw new ZzError('ERR_PROXIMITY_HOLDER_ENDED', 'The holder ended the session without a response');
  }
  throw new ZzError('ERR_PROXIMITY_HOLDER_ERROR', `The holder reported session error ${message.status}`);
}

/** Sends SessionData {status} and closes; the session is over either way. */
function endWith(connection: RelayConnection, status: 10 | 11 | 20): void {
  try {
    connection.send(encodeSessionData({ status }));
  } catch {
    // the socket is already gone
  }
  connection.close(1000);
}
