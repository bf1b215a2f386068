// Public API of the OpenID4VP 1.0 area (online presentation); re-exported from ../index.ts.
export { certificateDnsNames } from './certificate-dns-names.js';
export {
  assertX509SanDnsClientId,
  type CreateAuthorizationRequestOptions,
  type CreatedAuthorizationRequest,
  createAuthorizationRequest,
  createAuthorizationRequestLink,
} from './create-authorization-request.js';
export {
  type CreateAuthorizationResponseOptions,
  createAuthorizationResponse,
  type Oid4vpAuthorizationResponse,
} from './create-authorization-response.js';
export { createOid4vpVerifierSessions, type Oid4vpVerifierSessions } from './create-verifier-sessions.js';
export type {
  DcqlClaimPath,
  DcqlClaimsQuery,
  DcqlCredentialQuery,
  DcqlCredentialSetQuery,
  DcqlFormat,
  DcqlQuery,
} from './dcql-types.js';
export { isSecureWebUri } from './is-secure-web-uri.js';
export { computeJwkThumbprint, createOid4vpRequestSessionTranscript } from './oid4vp-session-transcript.js';
export {
  MAX_OID4VP_RESPONSE_LENGTH,
  type ParseAuthorizationResponseOptions,
  type ParsedAuthorizationResponse,
  parseAuthorizationResponse,
  readAuthorizationResponseState,
} from './parse-authorization-response.js';
export { DCQL_ID_PATTERN, DCQL_LIMITS, parseDcqlQuery } from './parse-dcql-query.js';
export {
  OID4VP_REQUEST_OBJECT_TYP,
  OID4VP_STATIC_AUDIENCE,
  type Oid4vpAuthorizationRequest,
  type Oid4vpClientMetadata,
  type Oid4vpContentEncryption,
  type Oid4vpEncryptionJwk,
  type Oid4vpResponseMode,
} from './request-types.js';
export {
  type DcqlCredentialMatch,
  type DcqlHeldCredential,
  type DcqlSelection,
  selectCredentialsForQuery,
} from './select-credentials-for-query.js';
export {
  parseAuthorizationRequestLink,
  type VerifyAuthorizationRequestOptions,
  verifyAuthorizationRequest,
} from './verify-authorization-request.js';
export {
  type VerifyVpPresentation,
  type VerifyVpTokenOptions,
  type VpPresentationExpectations,
  verifyVpToken,
  verifyVpTokenWith,
} from './verify-vp-token.js';
export { checkVpToken, type Oid4vpVpToken } from './vp-token.js';
