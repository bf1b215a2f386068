import { ZzError } from '../errors/zz-error.js';
import { type JsonObject, signJwsCompact } from '../jose/jws-compact.js';
import { encodeX5c } from '../jose/x5c.js';
import type { Signer } from '../platform/crypto-suite.js';
import { parseCertificate } from '../x509/parse-certificate.js';
import { certificateDnsNames } from './certificate-dns-names.js';
import type { DcqlQuery } from './dcql-types.js';
import { parseDcqlQuery } from './parse-dcql-query.js';
import { readAuthorizationRequestParameters } from './read-authorization-request.js';
import {
  OID4VP_REQUEST_OBJECT_TYP,
  OID4VP_STATIC_AUDIENCE,
  type Oid4vpAuthorizationRequest,
  type Oid4vpClientMetadata,
  type Oid4vpResponseMode,
} from './request-types.js';

export interface CreateAuthorizationRequestOptions {
  /** The key of the leaf certificate `x5c[0]`. */
  readonly signer: Signer;
  /** DER certificates, leaf (the verifier's access certificate) first. */
  readonly x5c: readonly Uint8Array[];
  /** `x509_san_dns:<host>`; `<host>` must be a dNSName SAN of the leaf. */
  readonly clientId: string;
  readonly responseUri: string;
  readonly responseMode: Oid4vpResponseMode;
  /** At least 128 bits of entropy, fresh per request. */
  readonly nonce: string;
  readonly state?: string;
  readonly dcqlQuery: DcqlQuery;
  /** With `direct_post.jwt`, `jwks.keys` must hold the P-256 ECDH-ES encryption key. */
  readonly clientMetadata?: Oid4vpClientMetadata;
  /** `iat`; `exp` = `now` + `lifetimeSeconds` (default 300). */
  readonly now: Date;
  readonly lifetimeSeconds?: number;
}

export interface CreatedAuthorizationRequest {
  /** The signed Request Object (`typ: oauth-authz-req+jwt`), served at `request_uri`. */
  readonly requestObject: string;
  /** What the request says, as a wallet will read it (keep it, keyed by `state`, to check the response). */
  readonly request: Oid4vpAuthorizationRequest;
}

/**
 * Creates a signed Request Object (OpenID4VP 1.0 §5, RFC 9101) for the `x509_san_dns:` client
 * identifier prefix (§5.9.3): the leaf certificate must name the host in a dNSName SAN, and the
 * JWS carries the chain in `x5c`. Bad options fail with `ERR_OID4VP_REQUEST_INVALID` (DCQL:
 * `ERR_OID4VP_DCQL_INVALID`, client_id: `ERR_OID4VP_CLIENT_ID_INVALID`).
 */
export async function createAuthorizationRequest(
  options: CreateAuthorizationRequestOptions,
): Promise<CreatedAuthorizationRequest> {
  if (typeof options !== 'object' || options === null) throw new ZzError('ERR_INPUT_INVALID', 'Options are required');
  const { x5c, now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a Date');
  if (!Array.isArray(x5c) || x5c.length === 0) throw new ZzError('ERR_INPUT_INVALID', 'x5c must hold the leaf first');
  assertX509SanDnsClientId(options.clientId, x5c[0] as Uint8Array);
  const lifetime = options.lifetimeSeconds ?? 300;
  if (!Number.isSafeInteger(lifetime) || lifetime <= 0)
    throw new ZzError('ERR_INPUT_INVALID', 'lifetimeSeconds must be positive');
  const iat = Math.floor(now.getTime() / 1000);
  const payload: JsonObject = {
    iss: options.clientId,
    aud: OID4VP_STATIC_AUDIENCE,
    iat,
    exp: iat + lifetime,
    response_type: 'vp_token',
    client_id: options.clientId,
    response_mode: options.responseMode,
    response_uri: options.responseUri,
    nonce: options.nonce,
    ...(options.state !== undefined && { state: options.state }),
    dcql_query: parseDcqlQuery(options.dcqlQuery) as unknown as JsonObject,
    ...(options.clientMetadata !== undefined && { client_metadata: options.clientMetadata as JsonObject }),
  };
  const request = {
    ...readAuthorizationRequestParameters(payload),
    clientIdPrefix: 'x509_san_dns' as const,
    certificateChain: x5c.map((der) => new Uint8Array(der)),
  };
  const requestObject = await signJwsCompact(
    options.signer,
    { typ: OID4VP_REQUEST_OBJECT_TYP, x5c: encodeX5c(x5c) },
    payload,
  );
  return { requestObject, request };
}

/**
 * Checks `x509_san_dns:<host>` against the leaf certificate (§5.9.3): the host must equal one of
 * its dNSName SubjectAlternativeNames (case-insensitive). Otherwise `ERR_OID4VP_CLIENT_ID_INVALID`.
 */
export function assertX509SanDnsClientId(clientId: unknown, leafDer: Uint8Array): void {
  if (typeof clientId !== 'string' || !clientId.startsWith('x509_san_dns:')) {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'client_id must use the x509_san_dns: prefix');
  }
  const host = clientId.slice('x509_san_dns:'.length).toLowerCase();
  if (host.length === 0) throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'client_id has no host');
  parseCertificate(leafDer);
  if (!certificateDnsNames(leafDer).includes(host)) {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'client_id host is not a DNS SAN of the request signer');
  }
}

/**
 * The wallet invocation link (OpenID4VP 1.0 §5.10): `openid4vp://?client_id=…&request_uri=…`
 * (or another scheme/base such as a universal link).
 */
export function createAuthorizationRequestLink(clientId: string, requestUri: string, base = 'openid4vp://'): string {
  if (
    typeof clientId !== 'string' ||
    clientId.length === 0 ||
    typeof requestUri !== 'string' ||
    !URL.canParse(requestUri)
  ) {
    throw new ZzError('ERR_INPUT_INVALID', 'client_id and an absolute request_uri are required');
  }
  const query = new URLSearchParams({ client_id: clientId, request_uri: requestUri });
  return `${base}?${query.toString()}`;
}
