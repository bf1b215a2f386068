import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../src/index.js';
import { codeOfOAuthError, OID4VCI_OAUTH_ERRORS, oauthErrorOf } from '../../src/oid4vci/index.js';

describe('OAuth error mapping (RFC 6749 §5.2, OpenID4VCI 1.0 §8.3.1.2)', () => {
  it('maps every code both ways and every code is in the catalogue', () => {
    for (const [code, error] of Object.entries(OID4VCI_OAUTH_ERRORS)) {
      expect(code in ERROR_CATALOGUE).toBe(true);
      expect(oauthErrorOf(code as keyof typeof OID4VCI_OAUTH_ERRORS)).toBe(error);
      expect(codeOfOAuthError(error)).toBe(code);
    }
    expect(new Set(Object.values(OID4VCI_OAUTH_ERRORS)).size).toBe(Object.keys(OID4VCI_OAUTH_ERRORS).length);
  });

  it('uses the OpenID4VCI strings and server_error for anything else', () => {
    expect(oauthErrorOf('ERR_OID4VCI_INVALID_PROOF')).toBe('invalid_proof');
    expect(oauthErrorOf('ERR_OID4VCI_INVALID_NONCE')).toBe('invalid_nonce');
    expect(oauthErrorOf('ERR_OID4VCI_INVALID_GRANT')).toBe('invalid_grant');
    expect(oauthErrorOf('ERR_SERVER_INTERNAL')).toBe('server_error');
    expect(codeOfOAuthError('something_else')).toBe('ERR_OID4VCI_ISSUER_RESPONSE');
    expect(codeOfOAuthError(undefined)).toBe('ERR_OID4VCI_ISSUER_RESPONSE');
  });
});
