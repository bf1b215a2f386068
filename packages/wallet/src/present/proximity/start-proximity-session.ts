import {
  acceptSessionEstablishment,
  decodeSessionData,
  deviceEngagementQr,
  encodeBase64url,
  encodeDeviceEngagement,
  encodeSessionData,
  isZzError,
  type MdocSessionTranscript,
  type Platform,
  SESSION_STATUS,
  type SessionCipher,
  type SessionStatus,
  type TrustSource,
  websocketRelayRetrievalMethod,
  ZzError,
} from '@zhengzhao/core';
import type { RelyingPartyDirectory } from '../registered-relying-party.js';
import { buildProximityResponse } from './build-proximity-response.js';
import type { ProximityApproval, ProximityRequest, ProximitySession, ProximitySessionEnd } from './proximity-types.js';
import { readProximityRequest } from './read-proximity-request.js';
import { connectRelay, type RelayConnection, type RelayWebSocketConstructor } from './relay-socket.js';
import { sessionFailureStatus } from './session-failure-status.js';

/** The relay closes a session after 5 minutes (relay contract); the holder gives up at the same time. */
export const DEFAULT_PROXIMITY_TIMEOUT_MS = 5 * 60 * 1000;
/** 128 random bits → 22 base64url characters (relay contract). */
const SESSION_ID_BYTES = 16;

export interface StartProximitySessionOptions {
  readonly platform: Platform;
  /** `ws://` or `wss://` base of the relay; the session path `/s/<id>` is appended. */
  readonly relayBaseUrl: string;
  /** The WebSocket constructor: `globalThis.WebSocket` (default) in a browser, `ws` in Node. */
  readonly webSocket?: RelayWebSocketConstructor;
  /** Reader trust anchors: the national trust list's `readerTrust`, or a static list (`createStaticTrustSource` with id-mdlReaderAuth). */
  readonly trust: TrustSource;
  /** The national trust list's relying parties: readers must be registered, not de-registered, and ask within their registration. */
  readonly relyingParties?: RelyingPartyDirectory;
  /** The time for certificate validity checks. */
  readonly clock?: () => Date;
  /** Whole-session limit (default 5 minutes): the session then ends with `ERR_SESSION_TIMEOUT`. */
  readonly timeoutMs?: number;
}

type Phase = 'waiting' | 'requested' | 'responding' | 'ended';

/**
 * Starts the holder's side of an ISO/IEC 18013-5 §9.1.1 proximity session over the WebSocket
 * relay: a fresh ephemeral EDeviceKey and a fresh 128-bit session id, the DeviceEngagement with
 * the relay retrieval method (type -1024) as an `mdoc:` QR text, and a connection to
 * `<relayBaseUrl>/s/<id>`. Resolves once the relay connection is open.
 *
 * The first reader frame must be a SessionEstablishment: it is decrypted with SKReader and the
 * DeviceRequest read (`readProximityRequest`). A frame that does not decrypt (tampered, replayed,
 * out of order) is answered with SessionData status 10, one that does not decode with status 11;
 * either ends the session with nothing disclosed. The reader's status 20 ends it too.
 */
export async function startProximitySession(options: StartProximitySessionOptions): Promise<ProximitySession> {
  const { platform, trust } = options ?? {};
  const sessionCrypto = platform?.session;
  if (!sessionCrypto) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'The platform has no session crypto');
  if (typeof trust?.resolveChain !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'trust must be a TrustSource');
  const relayBase = relayBaseOf(options.relayBaseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXIMITY_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'timeoutMs must be a positive integer');
  }
  const WebSocketClass = options.webSocket ?? (globalThis as { WebSocket?: RelayWebSocketConstructor }).WebSocket;
  if (typeof WebSocketClass !== 'function') {
    throw new ZzError('ERR_INPUT_INVALID', 'A WebSocket constructor is required (webSocket option)');
  }
  const clock = options.clock ?? (() => new Date());

  const eDeviceKeyPair = await sessionCrypto.generateEcdhKeyPair();
  const relayUrl = `${relayBase}/s/${encodeBase64url(platform.randomBytes(SESSION_ID_BYTES))}`;
  const engagementBytes = encodeDeviceEngagement({
    eDeviceKey: { suite: 'ES256', point: eDeviceKeyPair.publicKey },
    retrievalMethods: [websocketRelayRetrievalMethod(relayUrl)],
  });
  const engagementQr = deviceEngagementQr(engagementBytes);

  let phase: Phase = 'waiting';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failure: ZzError | undefined;
  let connection: RelayConnection | undefined;
  let cipher: SessionCipher | undefined;
  let sessionTranscript: MdocSessionTranscript | undefined;
  let request: ProximityRequest | undefined;
  let resolveRequest: (request: ProximityRequest) => void = () => undefined;
  let rejectRequest: (error: ZzError) => void = () => undefined;
  const requested = new Promise<ProximityRequest>((resolve, reject) => {
    resolveRequest = resolve;
    rejectRequest = reject;
  });
  requested.catch(() => undefined); // the caller's waitForRequest() still sees the rejection
  let resolveEnded: (end: ProximitySessionEnd) => void = () => undefined;
  const ended = new Promise<ProximitySessionEnd>((resolve) => {
    resolveEnded = resolve;
  });

  const send = (status: SessionStatus) => connection?.send(encodeSessionData({ status }));
  const finish = (end: ProximitySessionEnd, error?: ZzError) => {
    if (phase === 'ended') return;
    phase = 'ended';
    failure = error;
    clearTimeout(timer);
    connection?.close();
    rejectRequest(error ?? new ZzError('ERR_SESSION_TERMINATED', 'The session ended before a request arrived'));
    resolveEnded(end);
  };
  /** Answers a bad message with `status`, then ends: nothing is disclosed. */
  const fail = (status: SessionStatus, error: ZzError) => {
    if (phase === 'ended') return;
    send(status);
    finish({ reason: 'failed', code: error.code }, error);
  };

  const onEstablishment = async (bytes: Uint8Array) => {
    let holder: Awaited<ReturnType<typeof acceptSessionEstablishment>>;
    try {
      holder = await acceptSessionEstablishment(platform, {
        eDeviceKeyPair,
        deviceEngagementBytes: engagementBytes,
        message: bytes,
      });
    } catch (error) {
      if (readerStatus(bytes) !== undefined) return readerEnded();
      return fail(sessionFailureStatus(codeOf(error)), asZzError(error));
    }
    let read: ProximityRequest;
    try {
      read = await readProximityRequest(platform, holder.request, {
        sessionTranscript: holder.sessionTranscript,
        trust,
        ...(options.relyingParties && { relyingParties: options.relyingParties }),
        now: clock(),
      });
    } catch (error) {
      return fail(sessionFailureStatus(codeOf(error)), asZzError(error));
    }
    if (phase !== 'waiting') return;
    cipher = holder.cipher;
    sessionTranscript = holder.sessionTranscript;
    request = read;
    phase = 'requested';
    resolveRequest(read);
  };

  const onLaterMessage = async (bytes: Uint8Array) => {
    let data: Uint8Array | undefined;
    try {
      data = decodeSessionData(bytes).data;
    } catch (error) {
      return fail(SESSION_STATUS.decodingError, asZzError(error));
    }
    if (data === undefined) return readerEnded();
    try {
      await (cipher as SessionCipher).decrypt(data);
    } catch (error) {
      return fail(sessionFailureStatus(codeOf(error)), asZzError(error));
    }
    // A further request before this one is answered: one request per session here.
    fail(SESSION_STATUS.terminated, new ZzError('ERR_SESSION_STATE', 'A second request arrived before an answer'));
  };

  const readerEnded = () =>
    finish(
      { reason: 'reader-ended', code: 'ERR_SESSION_TERMINATED' },
      new ZzError('ERR_SESSION_TERMINATED', 'The reader ended the session'),
    );

  // Frames and the close are handled one at a time, in arrival order.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void> | void) => {
    queue = queue.then(task).catch((error: unknown) => fail(SESSION_STATUS.terminated, asZzError(error)));
  };
  timer = setTimeout(
    () => fail(SESSION_STATUS.terminated, new ZzError('ERR_SESSION_TIMEOUT', 'The proximity session timed out')),
    timeoutMs,
  );
  (timer as { unref?: () => void }).unref?.();

  try {
    connection = await connectRelay(
      WebSocketClass,
      relayUrl,
      {
        onFrame: (frame) =>
          enqueue(() => {
            if (phase === 'ended') return;
            if (!(frame instanceof Uint8Array)) {
              return fail(SESSION_STATUS.decodingError, new ZzError('ERR_SESSION_MALFORMED', 'Frames must be binary'));
            }
            return phase === 'waiting' ? onEstablishment(frame) : onLaterMessage(frame);
          }),
        onClose: () =>
          enqueue(() =>
            finish(
              { reason: 'failed', code: 'ERR_SESSION_TRANSPORT' },
              new ZzError('ERR_SESSION_TRANSPORT', 'The relay connection closed'),
            ),
          ),
      },
      timeoutMs,
    );
  } catch (error) {
    finish({ reason: 'failed', code: codeOf(error) }, asZzError(error));
    throw error;
  }

  const endedError = () => failure ?? new ZzError('ERR_SESSION_STATE', 'The session has ended');
  return {
    engagementQr,
    relayUrl,
    ended,
    waitForRequest: () => requested,
    async respond(approval: ProximityApproval) {
      if (phase === 'ended') throw endedError();
      if (phase !== 'requested' || !request || !cipher || !sessionTranscript) {
        throw new ZzError(
          'ERR_SESSION_STATE',
          phase === 'waiting' ? 'No request has arrived yet' : 'Already answering',
        );
      }
      phase = 'responding';
      let response: Uint8Array;
      try {
        response = await buildProximityResponse(platform, { request, approval, sessionTranscript });
      } catch (error) {
        if (phase === 'responding') phase = 'requested';
        throw error;
      }
      if (phase !== 'responding') throw endedError();
      const data = await cipher.encrypt(response);
      if (phase !== 'responding') throw endedError();
      connection?.send(encodeSessionData({ data }));
      send(SESSION_STATUS.terminated);
      finish({ reason: 'responded' });
    },
    async decline() {
      if (phase === 'ended') return;
      send(SESSION_STATUS.terminated);
      finish({ reason: 'declined' });
    },
    close() {
      if (phase === 'ended') return;
      send(SESSION_STATUS.terminated);
      finish({ reason: 'closed' });
    },
  };
}

/** The status of a SessionData without data (the reader ending or reporting an error), if `bytes` is one. */
function readerStatus(bytes: Uint8Array): SessionStatus | undefined {
  try {
    const message = decodeSessionData(bytes);
    return message.data === undefined ? message.status : undefined;
  } catch {
    return undefined;
  }
}

function relayBaseOf(value: unknown): string {
  const invalid = new ZzError('ERR_INPUT_INVALID', 'relayBaseUrl must be a ws: or wss: URL without query');
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024 || !URL.canParse(value)) throw invalid;
  const url = new URL(value);
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.search || url.hash || url.username || url.password) {
    throw invalid;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function codeOf(error: unknown): ZzError['code'] {
  return isZzError(error) ? error.code : 'ERR_SESSION_MALFORMED';
}

function asZzError(error: unknown): ZzError {
  return isZzError(error)
    ? error
    : new ZzError('ERR_SESSION_MALFORMED', 'Session message is malformed', { cause: error });
}
