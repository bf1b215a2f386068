import { CompactEncrypt, importJWK } from 'jose';
import { utf8Encode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import type { Oid4vpAuthorizationRequest } from './request-types.js';
import { checkVpToken } from './vp-token.js';

export interface CreateAuthorizationResponseOptions {
  /** The request as returned by `verifyAuthorizationRequest`. */
  readonly request: Oid4vpAuthorizationRequest;
  /** Query id → presentations (from `presentSdJwtVc`, or b64url of an encoded DeviceResponse). */
  readonly presentations: Readonly<Record<string, readonly string[]>>;
}

export interface Oid4vpAuthorizationResponse {
  /** POST this to `uri`. */
  readonly uri: string;
  readonly contentType: 'application/x-www-form-urlencoded';
  /** `vp_token=<json>&state=…` (direct_post) or `response=<JWE>` (direct_post.jwt). */
  readonly body: string;
}

/**
 * Wallet side (OpenID4VP 1.0 §8.2, §8.3). `direct_post`: form body `vp_token=<JSON>&state=…`.
 * `direct_post.jwt`: `response=<JWE>`, a compact JWE (RFC 7516) with `alg: ECDH-ES` to the
 * verifier's P-256 key, the request's `enc` (A128GCM unless the verifier asked for A256GCM) and
 * its `kid`, over `{"vp_token":…,"state":…}`. The JWE is made by the `jose` library on WebCrypto.
 */
export async function createAuthorizationResponse(
  options: CreateAuthorizationResponseOptions,
): Promise<Oid4vpAuthorizationResponse> {
  const { request } = options;
  if (typeof request !== 'object' || request === null) throw new ZzError('ERR_INPUT_INVALID', 'request is required');
  const vpToken = checkVpToken(options.presentations, request);
  const base = { uri: request.responseUri, contentType: 'application/x-www-form-urlencoded' as const };
  if (request.responseMode === 'direct_post') {
    const form = new URLSearchParams({ vp_token: JSON.stringify(vpToken) });
    if (request.state !== undefined) form.set('state', request.state);
    return { ...base, body: form.toString() };
  }
  const encryption = request.encryption;
  if (!encryption) throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'direct_post.jwt request has no encryption key');
  const payload = { vp_token: vpToken, ...(request.state !== undefined && { state: request.state }) };
  let jwe: string;
  try {
    const key = await importJWK({ kty: 'EC', crv: 'P-256', x: encryption.jwk.x, y: encryption.jwk.y }, 'ECDH-ES');
    jwe = await new CompactEncrypt(utf8Encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: encryption.enc, kid: encryption.jwk.kid })
      .encrypt(key);
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Verifier encryption key is not usable', { cause: error });
  }
  return { ...base, body: new URLSearchParams({ response: jwe }).toString() };
}
