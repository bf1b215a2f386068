/**
 * One proximity session of the counter (Zhengzhao issue 5 §2) through the verifier SDK's
 * `createProximityReader`: the holder's `mdoc:` engagement QR names a WebSocket relay; the
 * counter joins it, sends its DeviceRequest (ISO/IEC 18013-5 §8.3.2.1.2.1; signed with readerAuth
 * §9.1.4 when a reader key is configured), waits for the holder's DeviceResponse and verifies it
 * against its own SessionTranscript with the app's trust and status cache.
 *
 * The SDK reports no progress, so the WebSocket it opens is wrapped: `open` means the relay
 * paired us and the request is on its way (now the holder reads and approves it on the phone);
 * the first frame back means the answer has arrived and is being verified.
 */
import { CREDENTIAL_CATALOG, type ErrorCode, elementNamespace, isZzError, type Platform } from '@zhengzhao/core';
import {
  createProximityReader,
  type ProximityDocRequest,
  type ReaderKey,
  type RelaySocket,
  type Verifier,
  type WebSocketConstructor,
} from '@zhengzhao/verifier';
import { type CounterReport, toCounterReport } from './counter-report.js';

/** Where a session is: joining the relay, waiting for the holder's approval, verifying the answer. */
export type ProximityPhase = 'connecting' | 'waiting' | 'verifying';

/** What to ask the holder for: one credential type and its elements. */
export interface ProximityRequestSpec {
  readonly typeId: string;
  readonly elements: readonly string[];
}

/** How a session ended: a verification report, or a failure with its code. */
export type ProximityResult =
  | { readonly kind: 'report'; readonly report: CounterReport }
  | { readonly kind: 'failed'; readonly code: ErrorCode };

export interface ProximityRun {
  /** Settles (never rejects) when the session is over. */
  readonly result: Promise<ProximityResult>;
  /** Ends the session now (closes the relay connection); the result then fails. */
  cancel(): void;
}

export interface RunProximityRequestOptions {
  readonly platform: Platform;
  readonly verifier: Verifier;
  /** Signs readerAuth; absent = an unauthenticated request (wallets will likely refuse it). */
  readonly readerKey?: ReaderKey;
  /** Default `globalThis.WebSocket`. */
  readonly webSocket?: WebSocketConstructor;
  readonly timeoutMs?: number;
  readonly onPhase?: (phase: ProximityPhase) => void;
}

/**
 * ISO/IEC 18013-5 §8.3.2.1.2.1 ItemsRequest: element → IntentToRetain. The counter shows the
 * data and keeps none of it, so every element is asked for with intent_to_retain false.
 */
export function proximityDocRequest(spec: ProximityRequestSpec): ProximityDocRequest {
  const type = CREDENTIAL_CATALOG.get(spec.typeId);
  const nameSpaces: Record<string, Record<string, boolean>> = {};
  for (const element of spec.elements) {
    // each element under its catalog namespace (the mDL has two); unknown types use the type id
    const namespace = type ? elementNamespace(type, element) : spec.typeId;
    nameSpaces[namespace] = { ...nameSpaces[namespace], [element]: false };
  }
  return { docType: spec.typeId, nameSpaces };
}

/** A WebSocket constructor that reports the phases and remembers its socket (to cancel). */
function trackedWebSocket(
  Base: WebSocketConstructor,
  hooks: { onOpen(): void; onFirstFrame(): void; onSocket(socket: RelaySocket): void },
): WebSocketConstructor {
  function Tracked(url: string): RelaySocket {
    const socket = new Base(url);
    hooks.onSocket(socket);
    socket.addEventListener('open', () => hooks.onOpen());
    let first = true;
    socket.addEventListener('message', () => {
      if (!first) return;
      first = false;
      hooks.onFirstFrame();
    });
    return socket;
  }
  return Tracked as unknown as WebSocketConstructor;
}

const codeOf = (error: unknown, fallback: ErrorCode): ErrorCode => (isZzError(error) ? error.code : fallback);

/**
 * Runs one session for `qrText` (an `mdoc:` engagement). Engagement errors are
 * `ERR_SESSION_ENGAGEMENT_MALFORMED` or `ERR_PROXIMITY_NO_RELAY`; session errors keep the SDK's
 * codes (`ERR_PROXIMITY_HOLDER_ENDED` when the holder declines, `ERR_PROXIMITY_TIMEOUT`,
 * `ERR_PROXIMITY_RELAY_CLOSED`, …); a DeviceResponse without a document of the requested type
 * is `ERR_MDOC_RESPONSE_STATUS`. A document that does not verify (an untrusted issuer, a revoked
 * card) is a report that is not valid, like any other presentation.
 */
export function runProximityRequest(
  qrText: string,
  spec: ProximityRequestSpec,
  options: RunProximityRequestOptions,
): ProximityRun {
  let socket: RelaySocket | undefined;
  let cancelled = false;
  const phase = (next: ProximityPhase) => {
    if (!cancelled) options.onPhase?.(next);
  };
  const Base = options.webSocket ?? (globalThis as unknown as { WebSocket: WebSocketConstructor }).WebSocket;
  const webSocket = trackedWebSocket(Base, {
    onSocket: (opened) => {
      socket = opened;
      if (cancelled) opened.close(1000);
    },
    onOpen: () => phase('waiting'),
    onFirstFrame: () => phase('verifying'),
  });

  const run = async (): Promise<ProximityResult> => {
    phase('connecting');
    const reader = createProximityReader({
      platform: options.platform,
      verifier: options.verifier,
      webSocket,
      ...(options.readerKey && { readerKey: options.readerKey }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    });
    let engagement: ReturnType<typeof reader.readEngagement>;
    try {
      engagement = reader.readEngagement(qrText.trim());
    } catch (error) {
      const code = codeOf(error, 'ERR_SESSION_ENGAGEMENT_MALFORMED');
      return { kind: 'failed', code: code === 'ERR_PROXIMITY_NO_RELAY' ? code : 'ERR_SESSION_ENGAGEMENT_MALFORMED' };
    }
    try {
      const { status, reports } = await engagement.request([proximityDocRequest(spec)]);
      const report = reports.find((entry) => entry.credentialType === spec.typeId) ?? reports[0];
      if (status !== 0 || !report) return { kind: 'failed', code: 'ERR_MDOC_RESPONSE_STATUS' };
      return { kind: 'report', report: toCounterReport(report) };
    } catch (error) {
      return { kind: 'failed', code: codeOf(error, 'ERR_SESSION_MALFORMED') };
    }
  };

  return {
    result: run().catch(
      (error: unknown) => ({ kind: 'failed', code: codeOf(error, 'ERR_SESSION_MALFORMED') }) as const,
    ),
    cancel() {
      cancelled = true;
      socket?.close(1000);
    },
  };
}
