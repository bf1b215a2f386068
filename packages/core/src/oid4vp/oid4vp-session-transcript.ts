import { utf8Encode } from '../bytes/utf8.js';
import { jwkThumbprintInput } from '../keys/jwk.js';
import { createOid4vpSessionTranscript, type MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Platform } from '../platform/platform.js';
import type { Oid4vpAuthorizationRequest, Oid4vpEncryptionJwk } from './request-types.js';

/** RFC 7638 SHA-256 thumbprint of the verifier's encryption JWK, as the raw 32 bytes. */
export async function computeJwkThumbprint(platform: Platform, jwk: Oid4vpEncryptionJwk): Promise<Uint8Array> {
  return platform.digest('SHA-256', utf8Encode(jwkThumbprintInput(jwk)));
}

/**
 * The mdoc SessionTranscript for a request (OpenID4VP 1.0 App. B.2.6.1): client_id with prefix,
 * nonce, the thumbprint of the encryption key (null for `direct_post`) and response_uri, all taken
 * from the verified request. Wallet and verifier both call this with the same request.
 */
export async function createOid4vpRequestSessionTranscript(
  platform: Platform,
  request: Oid4vpAuthorizationRequest,
): Promise<MdocSessionTranscript> {
  const jwkThumbprint =
    request.responseMode === 'direct_post.jwt' && request.encryption
      ? await computeJwkThumbprint(platform, request.encryption.jwk)
      : null;
  return createOid4vpSessionTranscript(platform, {
    clientId: request.clientId,
    nonce: request.nonce,
    jwkThumbprint,
    responseUri: request.responseUri,
  });
}
