/**
 * @zhengzhao/relay — WebSocket relay for ISO/IEC 18013-5 proximity sessions where a browser has
 * no BLE or NFC: pairs a holder and a reader by session id and forwards ciphertext it cannot read.
 */
export { createRelayApp, type RelayApp, type RelayAppOptions } from './create-relay-app.js';
export {
  DEFAULT_RELAY_LIMITS,
  MAX_BUFFERED_BYTES,
  MAX_BUFFERED_FRAMES,
  MAX_FRAME_BYTES,
  MAX_SESSIONS,
  RELAY_CLOSE,
  type RelayLimits,
  SESSION_ID_PATTERN,
  SESSION_IDLE_MS,
  SESSION_TTL_MS,
} from './relay-limits.js';
export { type RelayEvents, RelaySessions, sessionTag } from './relay-sessions.js';
export { DEFAULT_RELAY_PORT, type RunningRelay, type StartRelayOptions, startRelay } from './start-relay.js';
