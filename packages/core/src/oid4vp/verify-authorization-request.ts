import { isZzError, ZzError } from '../errors/zz-error.js';
import { type DecodedJws, decodeJwsCompact, verifyJws } from '../jose/jws-compact.js';
import { decodeX5c } from '../jose/x5c.js';
import type { Platform } from '../platform/platform.js';
import type { TrustSource } from '../trust/trust-source.js';
import { assertX509SanDnsClientId } from './create-authorization-request.js';
import { isSecureWebUri } from './is-secure-web-uri.js';
import { readAuthorizationRequestParameters } from './read-authorization-request.js';
import { OID4VP_REQUEST_OBJECT_TYP, OID4VP_STATIC_AUDIENCE, type Oid4vpAuthorizationRequest } from './request-types.js';

export interface VerifyAuthorizationRequestOptions {
  /** Trusted roots of verifier (reader / relying-party) certificates. */
  readonly trust: TrustSource;
  readonly now: Date;
  /** The `client_id` of the invoking link: must equal the Request Object's (§5.10). */
  readonly expectedClientId?: string;
  /** Accept unsigned `redirect_uri:` requests (given as a parameter object). Off by default. */
  readonly allowRedirectUri?: boolean;
  /** Clock skew tolerated for `iat` (seconds, default 60). */
  readonly clockSkewSeconds?: number;
}

/**
 * Wallet side: verifies an authorization request (OpenID4VP 1.0 §5). A signed Request Object
 * (JWS string) must have `typ: oauth-authz-req+jwt` and the `x509_san_dns:` prefix: its `x5c`
 * chain is validated by `trust`, the signature verified with the leaf key, and the host matched
 * against the leaf's DNS SAN. An unsigned parameter object is accepted only with
 * `allowRedirectUri` and `client_id = "redirect_uri:" + response_uri`. `origin:` and every other
 * prefix are refused with `ERR_OID4VP_CLIENT_ID_INVALID`; malformed parts fail with
 * `ERR_OID4VP_REQUEST_INVALID`, trust and signature failures with their `ERR_TRUST_*` / `ERR_JWS_*` code.
 */
export async function verifyAuthorizationRequest(
  platform: Platform,
  input: string | Record<string, unknown>,
  options: VerifyAuthorizationRequestOptions,
): Promise<Oid4vpAuthorizationRequest> {
  const { now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a Date');
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return unsigned(input, options);
  if (typeof input !== 'string') throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Request must be a JWS or parameters');
  let jws: DecodedJws;
  try {
    jws = decodeJwsCompact(input);
  } catch (error) {
    if (isZzError(error, 'ERR_INPUT_TOO_LARGE')) throw error;
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Request Object is not a compact JWS', { cause: error });
  }
  if (jws.header.typ !== OID4VP_REQUEST_OBJECT_TYP) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', `Request Object typ must be ${OID4VP_REQUEST_OBJECT_TYP}`);
  }
  const { payload } = jws;
  const clientId = payload.client_id;
  assertPrefix(clientId, false);
  if (options.expectedClientId !== undefined && options.expectedClientId !== clientId) {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'client_id of the link and of the Request Object differ');
  }
  if (payload.iss !== undefined && payload.iss !== clientId) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Request Object iss differs from client_id');
  }
  if (payload.aud !== undefined && payload.aud !== OID4VP_STATIC_AUDIENCE) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Request Object aud is not for this wallet');
  }
  checkTimes(payload, now, options.clockSkewSeconds ?? 60);
  const chain = decodeX5c(jws.header.x5c);
  const resolution = await options.trust.resolveChain(chain, { now });
  await verifyJws(platform, jws, resolution.publicKey);
  assertX509SanDnsClientId(clientId, chain[0] as Uint8Array);
  return { ...readAuthorizationRequestParameters(payload), clientIdPrefix: 'x509_san_dns', certificateChain: chain };
}

function unsigned(
  params: Record<string, unknown>,
  options: VerifyAuthorizationRequestOptions,
): Oid4vpAuthorizationRequest {
  const clientId = params.client_id;
  assertPrefix(clientId, true);
  if (!options.allowRedirectUri) {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'Unsigned redirect_uri: requests are not enabled');
  }
  const request = readAuthorizationRequestParameters(params);
  if (request.clientId !== `redirect_uri:${request.responseUri}`) {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'redirect_uri: client_id must equal the response_uri');
  }
  if (options.expectedClientId !== undefined && options.expectedClientId !== clientId) {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'client_id of the link and of the request differ');
  }
  return { ...request, clientIdPrefix: 'redirect_uri' };
}

/** §5.9: only `x509_san_dns:` signed, `redirect_uri:` unsigned; `origin:` is reserved for the DC API. */
function assertPrefix(clientId: unknown, unsignedRequest: boolean): void {
  if (typeof clientId !== 'string' || clientId.length === 0) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'client_id must be a string');
  }
  const expected = unsignedRequest ? 'redirect_uri:' : 'x509_san_dns:';
  if (!clientId.startsWith(expected)) {
    throw new ZzError(
      'ERR_OID4VP_CLIENT_ID_INVALID',
      unsignedRequest
        ? 'Unsigned requests need the redirect_uri: prefix'
        : 'Signed requests need the x509_san_dns: prefix',
    );
  }
}

function checkTimes(payload: Record<string, unknown>, now: Date, skew: number): void {
  const seconds = now.getTime() / 1000;
  const { exp, iat } = payload;
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'exp must be a number');
  }
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'iat must be a number');
  }
  if (typeof exp === 'number' && exp <= seconds)
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Request Object has expired');
  if (typeof iat === 'number' && iat > seconds + skew) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Request Object is issued in the future');
  }
}

/**
 * Reads a wallet invocation link (§5.10): `client_id` plus `request_uri` (to fetch the Request
 * Object), or, for `redirect_uri:`, the request parameters inline (with `dcql_query` and
 * `client_metadata` JSON-decoded). Malformed links fail with `ERR_OID4VP_REQUEST_INVALID`.
 */
export function parseAuthorizationRequestLink(
  link: string,
): { clientId: string; requestUri: string } | { clientId: string; parameters: Record<string, unknown> } {
  if (typeof link !== 'string' || link.length > 16 * 1024 || !URL.canParse(link)) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Link is not a URL');
  }
  const search = new URL(link).searchParams;
  const clientId = search.get('client_id');
  if (!clientId) throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Link has no client_id');
  const requestUri = search.get('request_uri');
  if (requestUri !== null) {
    if (!isSecureWebUri(requestUri)) {
      throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'request_uri must be an https URL (or http on loopback)');
    }
    return { clientId, requestUri };
  }
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of search) {
    if (name === '__proto__') continue;
    parameters[name] = name === 'dcql_query' || name === 'client_metadata' ? json(value) : value;
  }
  return { clientId, parameters };
}

function json(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'Link parameter is not JSON', { cause: error });
  }
}
