// Public API of the session area (ISO/IEC 18013-5 §8.2 engagement, §9.1.1 session encryption,
// §8.3.2.1 DeviceRequest with reader authentication); re-exported from ../index.ts.
export type { EcdhKeyPair, SessionCrypto } from '../platform/platform.js';
export {
  type AcceptSessionEstablishmentOptions,
  acceptSessionEstablishment,
  type HolderSession,
} from './accept-session-establishment.js';
export {
  type CreateDeviceRequestOptions,
  createDeviceRequest,
  DEVICE_REQUEST_LIMITS,
  type RequestedNameSpaces,
} from './create-device-request.js';
export { createReaderSession, type ReaderSession } from './create-reader-session.js';
export { createSessionTranscript } from './create-session-transcript.js';
export { deriveSessionKeys, type SessionKeys } from './derive-session-keys.js';
export {
  DEVICE_RETRIEVAL_TYPE,
  type DeviceRetrievalMethod,
  deviceEngagementQr,
  type EncodeDeviceEngagementOptions,
  encodeDeviceEngagement,
  MAX_DEVICE_ENGAGEMENT_BYTES,
  type ParsedDeviceEngagement,
  parseDeviceEngagement,
  SESSION_CIPHER_SUITE,
  websocketRelayRetrievalMethod,
} from './device-engagement.js';
export {
  type ParseDeviceRequestOptions,
  type ParsedDeviceRequest,
  type ParsedDocRequest,
  parseDeviceRequest,
  type VerifiedReader,
} from './parse-device-request.js';
export { readerAuthenticationBytes } from './reader-authentication-bytes.js';
export {
  type CreateSessionCipherOptions,
  createSessionCipher,
  MAX_SESSION_MESSAGE_BYTES,
  type SessionCipher,
  type SessionRole,
} from './session-cipher.js';
export {
  type DecodedSessionEstablishment,
  decodeSessionData,
  decodeSessionEstablishment,
  encodeSessionData,
  encodeSessionEstablishment,
  SESSION_STATUS,
  type SessionData,
  type SessionEstablishment,
  type SessionStatus,
} from './session-messages.js';
