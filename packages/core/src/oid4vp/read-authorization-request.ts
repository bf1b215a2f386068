import { ZzError } from '../errors/zz-error.js';
import { isSecureWebUri } from './is-secure-web-uri.js';
import { parseDcqlQuery } from './parse-dcql-query.js';
import type {
  Oid4vpAuthorizationRequest,
  Oid4vpClientMetadata,
  Oid4vpContentEncryption,
  Oid4vpEncryptionJwk,
} from './request-types.js';

const ENC_VALUES: readonly string[] = ['A128GCM', 'A256GCM'];
const MAX_TEXT = 2048;

/**
 * Reads the parameters of an authorization request (OpenID4VP 1.0 §5.1, §8.2, §8.3) into an
 * `Oid4vpAuthorizationRequest` with `clientIdPrefix` left for the caller to check. Everything
 * malformed fails with `ERR_OID4VP_REQUEST_INVALID` (DCQL: `ERR_OID4VP_DCQL_INVALID`).
 */
export function readAuthorizationRequestParameters(
  params: Record<string, unknown>,
): Omit<Oid4vpAuthorizationRequest, 'clientIdPrefix' | 'certificateChain'> {
  if (params.response_type !== 'vp_token') fail('response_type must be vp_token');
  const clientId = text(params.client_id, 'client_id');
  const responseMode = params.response_mode;
  if (responseMode !== 'direct_post' && responseMode !== 'direct_post.jwt') {
    fail('response_mode must be direct_post or direct_post.jwt');
  }
  const responseUri = httpsUri(params.response_uri);
  if (params.redirect_uri !== undefined) fail('redirect_uri must not be used with response_uri');
  const nonce = text(params.nonce, 'nonce');
  if (nonce.length < 16) fail('nonce must carry at least 128 bits');
  if (params.scope !== undefined || params.presentation_definition !== undefined) {
    fail('only dcql_query is supported');
  }
  const dcqlQuery = parseDcqlQuery(params.dcql_query);
  const clientMetadata = metadata(params.client_metadata);
  const state = params.state === undefined ? undefined : text(params.state, 'state');
  const encryption = responseMode === 'direct_post.jwt' ? encryptionOf(clientMetadata) : undefined;
  return {
    clientId,
    responseMode,
    responseUri,
    nonce,
    dcqlQuery,
    clientMetadata,
    ...(state !== undefined && { state }),
    ...(encryption && { encryption }),
  };
}

function metadata(value: unknown): Oid4vpClientMetadata {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('client_metadata must be an object');
  return value as Oid4vpClientMetadata;
}

/** §8.3: the first `use: enc` ECDH-ES P-256 key of `client_metadata.jwks`, and the `enc` to use (default A128GCM). */
function encryptionOf(clientMetadata: Oid4vpClientMetadata): {
  jwk: Oid4vpEncryptionJwk;
  enc: Oid4vpContentEncryption;
} {
  const keys = clientMetadata.jwks?.keys;
  if (!Array.isArray(keys)) fail('direct_post.jwt needs client_metadata.jwks.keys');
  const jwk = (keys as unknown[]).find(isEncryptionJwk);
  if (!jwk) fail('client_metadata.jwks has no P-256 ECDH-ES encryption key with a kid');
  const offered = clientMetadata.encrypted_response_enc_values_supported;
  let enc: Oid4vpContentEncryption = 'A128GCM';
  if (offered !== undefined) {
    if (!Array.isArray(offered) || offered.length === 0) fail('encrypted_response_enc_values_supported is malformed');
    const first = offered.find((value: unknown) => typeof value === 'string' && ENC_VALUES.includes(value));
    if (!first) fail('no supported enc value offered');
    enc = first as Oid4vpContentEncryption;
  }
  return { jwk: jwk as Oid4vpEncryptionJwk, enc };
}

function isEncryptionJwk(value: unknown): value is Oid4vpEncryptionJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    (jwk.use === undefined || jwk.use === 'enc') &&
    jwk.alg === 'ECDH-ES' &&
    typeof jwk.kid === 'string' &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string' &&
    jwk.d === undefined
  );
}

function httpsUri(value: unknown): string {
  const uri = text(value, 'response_uri');
  if (!isSecureWebUri(uri)) fail('response_uri must be an https URL (or http on loopback)');
  return uri;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) fail(`${what} must be a string`);
  return value as string;
}

function fail(message: string): never {
  throw new ZzError('ERR_OID4VP_REQUEST_INVALID', message);
}
