import type { ErrorCode } from '../errors/catalogue.js';

/**
 * The OAuth `error` string each OpenID4VCI code answers with: token endpoint errors are
 * RFC 6749 §5.2, bearer errors RFC 6750 §3.1, credential endpoint errors OpenID4VCI 1.0 §8.3.1.2.
 * The table is read both ways: the issuer renders `{error, error_description}`, the wallet client
 * turns an issuer's `error` back into a catalogue code.
 */
export const OID4VCI_OAUTH_ERRORS = {
  ERR_OID4VCI_INVALID_REQUEST: 'invalid_request',
  ERR_OID4VCI_INVALID_GRANT: 'invalid_grant',
  ERR_OID4VCI_UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  ERR_OID4VCI_INVALID_TOKEN: 'invalid_token',
  ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST: 'invalid_credential_request',
  ERR_OID4VCI_UNKNOWN_CREDENTIAL_CONFIGURATION: 'unknown_credential_configuration',
  ERR_OID4VCI_INVALID_PROOF: 'invalid_proof',
  ERR_OID4VCI_INVALID_NONCE: 'invalid_nonce',
  ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED: 'credential_request_denied',
} as const satisfies Partial<Record<ErrorCode, string>>;

/** A code that has an OAuth `error` string. */
export type Oid4vciOAuthErrorCode = keyof typeof OID4VCI_OAUTH_ERRORS;

/** An OAuth error response body (RFC 6749 §5.2). */
export interface OAuthErrorBody {
  readonly error: string;
  readonly error_description?: string;
}

/** The OAuth `error` for `code`; codes outside the table are `server_error` (RFC 6749 §4.1.2.1). */
export function oauthErrorOf(code: ErrorCode): string {
  return (OID4VCI_OAUTH_ERRORS as Partial<Record<ErrorCode, string>>)[code] ?? 'server_error';
}

/** The catalogue code for an OAuth `error` string; unknown strings are `ERR_OID4VCI_ISSUER_RESPONSE`. */
export function codeOfOAuthError(error: unknown): ErrorCode {
  for (const [code, value] of Object.entries(OID4VCI_OAUTH_ERRORS)) {
    if (value === error) return code as Oid4vciOAuthErrorCode;
  }
  return 'ERR_OID4VCI_ISSUER_RESPONSE';
}
