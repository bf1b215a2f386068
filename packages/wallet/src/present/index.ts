// Public API of the presenting area of the wallet (ISO/IEC 18013-5 proximity sessions over the
// WebSocket relay; OpenID4VP 1.0 online presentation); re-exported from ../index.ts. Pure
// protocol functions: credentials, device keys and trust come in as parameters.
export {
  type ElementBeyondRegistration,
  elementsBeyondRegistration,
  type ReaderRegistration,
} from './elements-beyond-registration.js';
export {
  type DeclinePresentationRequestOptions,
  declinePresentationRequest,
} from './oid4vp/decline-presentation-request.js';
export { type MatchCredentialsOptions, matchCredentials } from './oid4vp/match-credentials.js';
export type {
  CredentialCandidate,
  CredentialMatches,
  FetchFunction,
  PresentationRequest,
  PresentationResult,
  PresentationSelection,
  PresentationVerifier,
  RequestedClaim,
  RequestedCredential,
} from './oid4vp/presentation-types.js';
export {
  MAX_INVOCATION_LENGTH,
  MAX_REQUEST_OBJECT_BYTES,
  type ReadPresentationRequestOptions,
  readPresentationRequest,
} from './oid4vp/read-presentation-request.js';
export {
  type RespondToPresentationRequestOptions,
  respondToPresentationRequest,
} from './oid4vp/respond-to-presentation-request.js';
export { DEFAULT_VERIFIER_TIMEOUT_MS } from './oid4vp/verifier-http.js';
export { type BuildProximityResponseOptions, buildProximityResponse } from './proximity/build-proximity-response.js';
export type {
  ApprovedDocument,
  ProximityApproval,
  ProximityReader,
  ProximityRequest,
  ProximitySession,
  ProximitySessionEnd,
  RequestedDocument,
  RequestedElement,
} from './proximity/proximity-types.js';
export { type ReadProximityRequestOptions, readProximityRequest } from './proximity/read-proximity-request.js';
export type { RelaySocketEvent, RelayWebSocket, RelayWebSocketConstructor } from './proximity/relay-socket.js';
export { sessionFailureStatus } from './proximity/session-failure-status.js';
export {
  DEFAULT_PROXIMITY_TIMEOUT_MS,
  type StartProximitySessionOptions,
  startProximitySession,
} from './proximity/start-proximity-session.js';
export type { RelyingPartyDirectory, RelyingPartyRegistrationView } from './registered-relying-party.js';
