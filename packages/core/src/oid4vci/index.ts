// Public API of the OpenID4VCI 1.0 area (issuer and wallet); re-exported from ../index.ts.

export { type CreateProofJwtOptions, createProofJwt } from './create-proof-jwt.js';
export { MAX_CREDENTIAL_OFFER_LENGTH, validateCredentialOffer } from './credential-offer.js';
export { encodeCredentialOfferUri } from './encode-credential-offer-uri.js';
export { callIssuer, type IssuerRequest, type Oid4vciFetch } from './issuer-http.js';
export { assertIssuerIdentifier, isEndpointUrl, wellKnownUrl } from './issuer-url.js';
export {
  codeOfOAuthError,
  type OAuthErrorBody,
  OID4VCI_OAUTH_ERRORS,
  type Oid4vciOAuthErrorCode,
  oauthErrorOf,
} from './oauth-errors.js';
export {
  type CredentialOfferLink,
  type ParseCredentialOfferOptions,
  parseCredentialOffer,
  parseCredentialOfferLink,
} from './parse-credential-offer.js';
export { parseAuthorizationServerMetadata, parseCredentialIssuerMetadata } from './parse-issuer-metadata.js';
export {
  type ReceiveCredentialsOptions,
  type ReceivedCredentialBatch,
  type ReceivedCredentials,
  receiveCredentials,
} from './receive-credentials.js';
export {
  AUTHORIZATION_SERVER_WELL_KNOWN,
  type AuthorizationCodeGrant,
  type AuthorizationServerMetadata,
  CREDENTIAL_ISSUER_WELL_KNOWN,
  CREDENTIAL_OFFER_SCHEME,
  type CredentialConfiguration,
  type CredentialIssuerMetadata,
  type CredentialOffer,
  type Oid4vciClaimDescription,
  type Oid4vciCredentialFormat,
  type Oid4vciCredentialRequest,
  type Oid4vciCredentialResponse,
  type Oid4vciDisplay,
  type Oid4vciTokenResponse,
  PRE_AUTHORIZED_CODE_GRANT,
  PROOF_JWT_TYP,
  type PreAuthorizedCodeGrant,
  type TxCodeDescription,
} from './types.js';
export {
  MAX_PROOF_JWT_LENGTH,
  type VerifiedProofJwt,
  type VerifyProofJwtOptions,
  verifyProofJwt,
} from './verify-proof-jwt.js';
