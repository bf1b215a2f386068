/**
 * The relay contract (Zhengzhao issue 5 §6, shared by the verifier SDK and the wallet): limits,
 * timeouts and close codes. ISO/IEC 18013-5 session messages travel as binary frames; the relay
 * never reads them.
 */

/** Largest frame, bytes: core's MAX_SESSION_MESSAGE_BYTES (4 MiB). Larger → closed with 1009. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;
/** Frames held for a peer that has not joined yet: at most this many… */
export const MAX_BUFFERED_FRAMES = 16;
/** …and at most this many bytes in total. Beyond either → the sender is closed with 1008. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** A session lives at most 5 minutes from its first connection. */
export const SESSION_TTL_MS = 5 * 60 * 1000;
/** A session with no frame in either direction for 60 s is closed. */
export const SESSION_IDLE_MS = 60 * 1000;
/** Most sessions at once; beyond → closed with 1013 (try again later). */
export const MAX_SESSIONS = 10_000;
/** Bytes queued towards a slow peer before both sides are closed with 1008. */
export const MAX_PEER_BACKLOG_BYTES = 16 * 1024 * 1024;

/** Session ids: 22 base64url characters = exactly 128 bits (the last character carries 2 zero bits). */
export const SESSION_ID_PATTERN = '^[A-Za-z0-9_-]{21}[AQgw]$';

/** WebSocket close codes the relay uses (RFC 6455 §7.4; 4000–4999 private). */
export const RELAY_CLOSE = {
  /** The peer closed, or the session ended normally. */
  normal: 1000,
  /** Buffer bound or backlog exceeded. */
  policy: 1008,
  /** A frame larger than MAX_FRAME_BYTES (sent by `ws` itself). */
  tooBig: 1009,
  /** Too many sessions on this relay. */
  overloaded: 1013,
  /** A text frame: only binary session messages are relayed. */
  textFrame: 4400,
  /** The session lived past its lifetime or was idle too long. */
  timeout: 4408,
  /** Two parties are already connected to this session id. */
  occupied: 4409,
} as const;

/** Tunable limits (tests shorten the timeouts). */
export interface RelayLimits {
  readonly maxFrameBytes: number;
  readonly maxBufferedFrames: number;
  readonly maxBufferedBytes: number;
  readonly sessionTtlMs: number;
  readonly sessionIdleMs: number;
  readonly maxSessions: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  maxBufferedFrames: MAX_BUFFERED_FRAMES,
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  sessionTtlMs: SESSION_TTL_MS,
  sessionIdleMs: SESSION_IDLE_MS,
  maxSessions: MAX_SESSIONS,
};
