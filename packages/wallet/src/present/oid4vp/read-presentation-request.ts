import {
  type DcqlCredentialQuery,
  decodeJwsCompact,
  type Oid4vpAuthorizationRequest,
  type Platform,
  parseAuthorizationRequestLink,
  parseCertificate,
  type TrustSource,
  verifyAuthorizationRequest,
  ZzError,
} from '@zhengzhao/core';
import { elementsBeyondRegistration } from '../elements-beyond-registration.js';
import { type RelyingPartyDirectory, registrationView } from '../registered-relying-party.js';
import type { FetchFunction, PresentationRequest, RequestedCredential } from './presentation-types.js';
import { exchangeWithVerifier, mediaTypeOf } from './verifier-http.js';

/** Longest invocation text accepted (a link with a request_uri is far shorter). */
export const MAX_INVOCATION_LENGTH = 16 * 1024;
/** Largest Request Object accepted. */
export const MAX_REQUEST_OBJECT_BYTES = 128 * 1024;
const REQUEST_OBJECT_TYPES = new Set(['application/oauth-authz-req+jwt', 'application/jwt']);
const MAX_PURPOSE_LENGTH = 512;

export interface ReadPresentationRequestOptions {
  readonly platform: Platform;
  /** The invocation: `openid4vp://?client_id=…&request_uri=…`, an https link with the same parameters, or QR text holding either. */
  readonly input: string;
  /** Trust anchors of verifier (relying-party) certificates: with the national trust list, its `readerTrust`. */
  readonly trust: TrustSource;
  /**
   * The national trust list's relying parties (core `TrustListSource`): when given, the verifier
   * must be registered and not de-registered (`ERR_READER_NOT_REGISTERED`, `ERR_READER_DEREGISTERED`)
   * and ask only for registered claims (`ERR_READER_SCOPE`).
   */
  readonly relyingParties?: RelyingPartyDirectory;
  readonly fetch?: FetchFunction;
  readonly clock?: () => Date;
  /** Limit for fetching the Request Object (default 15 s). */
  readonly timeoutMs?: number;
}

/**
 * Wallet side of OpenID4VP 1.0 (same-device link or cross-device QR): reads the invocation
 * (§5.10 of core's `parseAuthorizationRequestLink`), fetches the signed Request Object from
 * `request_uri` with GET (no redirects, `application/oauth-authz-req+jwt`, at most 128 KiB), or
 * takes it by value from `request`, and verifies it with core's `verifyAuthorizationRequest`:
 * `typ`, the `x509_san_dns:` client_id equal to the link's and a dNSName SAN of the signer, the
 * x5c chain against `trust`, the signature and its `alg`, `exp`/`iat`, and the DCQL query.
 * Only signed requests are accepted. `transaction_data` is refused (§8.4: unsupported).
 *
 * Errors: `ERR_INPUT_TOO_LARGE`; `ERR_OID4VP_REQUEST_INVALID` (bad link, request or parameter);
 * `ERR_OID4VP_CLIENT_ID_INVALID`; `ERR_OID4VP_DCQL_INVALID`; `ERR_OID4VP_REQUEST_URI_FAILED`
 * (unreachable, redirect, not 200, wrong media type); `ERR_JWS_*`; `ERR_TRUST_*`.
 */
export async function readPresentationRequest(options: ReadPresentationRequestOptions): Promise<PresentationRequest> {
  const { platform, trust } = options ?? {};
  if (typeof trust?.resolveChain !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'trust must be a TrustSource');
  const input = options.input;
  if (typeof input !== 'string') throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'The invocation must be text');
  if (input.length > MAX_INVOCATION_LENGTH) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The invocation is too long');
  const text = input.trim();
  const link = parseAuthorizationRequestLink(text);
  const method = new URL(text).searchParams.get('request_uri_method');
  if (method !== null && method !== 'get' && method !== 'post') {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'request_uri_method must be get or post');
  }
  let requestObject: string;
  if ('requestUri' in link) {
    // A wallet that does not send wallet metadata uses GET even when `post` is offered (§5.10).
    requestObject = await fetchRequestObject(link.requestUri, options);
  } else if (typeof link.parameters.request === 'string') {
    requestObject = link.parameters.request;
  } else {
    throw new ZzError('ERR_OID4VP_CLIENT_ID_INVALID', 'Only signed requests (request_uri or request) are accepted');
  }
  const clock = options.clock ?? (() => new Date());
  const request = await verifyAuthorizationRequest(platform, requestObject, {
    trust,
    now: clock(),
    expectedClientId: link.clientId,
  });
  const payload = decodeJwsCompact(requestObject).payload;
  if (payload.transaction_data !== undefined) {
    throw new ZzError('ERR_OID4VP_REQUEST_INVALID', 'transaction_data is not supported');
  }
  const described = describeRequest(request, payload);
  if (!options.relyingParties) return described;
  const party = await options.relyingParties.relyingPartyForCertificate(described.verifier.certificate, clock());
  const registration = registrationView(party);
  const beyond = elementsBeyondRegistration(described, registration.elements);
  if (beyond.length > 0) {
    throw new ZzError(
      'ERR_READER_SCOPE',
      `Not registered for: ${beyond.map((element) => `${element.docType}/${element.identifier}`).join(', ')}`,
    );
  }
  return { ...described, verifier: { ...described.verifier, registration } };
}

async function fetchRequestObject(uri: string, options: ReadPresentationRequestOptions): Promise<string> {
  const { contentType, body } = await exchangeWithVerifier(
    uri,
    { method: 'GET', headers: { accept: 'application/oauth-authz-req+jwt' } },
    {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      failure: 'ERR_OID4VP_REQUEST_URI_FAILED',
      maxBytes: MAX_REQUEST_OBJECT_BYTES,
    },
  );
  if (!REQUEST_OBJECT_TYPES.has(mediaTypeOf(contentType))) {
    throw new ZzError('ERR_OID4VP_REQUEST_URI_FAILED', 'request_uri did not answer with a Request Object');
  }
  return body.trim();
}

function describeRequest(request: Oid4vpAuthorizationRequest, payload: Record<string, unknown>): PresentationRequest {
  const certificate = request.certificateChain?.[0];
  if (!certificate) throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'The request has no signer certificate');
  const subject = parseCertificate(certificate).subject;
  const purpose = purposeOf(payload.dcql_query);
  const sets = request.dcqlQuery.credential_sets;
  return {
    verifier: {
      clientId: request.clientId,
      host: request.clientId.slice('x509_san_dns:'.length),
      ...(subject.organization !== undefined && { organisation: subject.organization }),
      ...(subject.commonName !== undefined && { commonName: subject.commonName }),
      certificate,
    },
    ...(purpose !== undefined && { purpose }),
    responseMode: request.responseMode,
    credentials: request.dcqlQuery.credentials.map(describeQuery),
    ...(sets && { credentialSets: sets.map((set) => ({ options: set.options, required: set.required !== false })) }),
    request,
  };
}

function describeQuery(query: DcqlCredentialQuery): RequestedCredential {
  const types = query.format === 'mso_mdoc' ? [query.meta.doctype_value as string] : [...(query.meta.vct_values ?? [])];
  return {
    queryId: query.id,
    format: query.format,
    types,
    multiple: query.multiple === true,
    claims: (query.claims ?? []).map((claim) => ({
      ...(claim.id !== undefined && { id: claim.id }),
      path: claim.path,
      ...(claim.intent_to_retain !== undefined && { intentToRetain: claim.intent_to_retain }),
    })),
    ...(query.claim_sets && { claimSets: query.claim_sets }),
  };
}

/** The first string `purpose` of the raw DCQL `credential_sets` (drafts before 1.0 defined it; 1.0 ignores it). */
function purposeOf(dcqlQuery: unknown): string | undefined {
  const sets = (dcqlQuery as { credential_sets?: unknown } | undefined)?.credential_sets;
  if (!Array.isArray(sets)) return undefined;
  for (const set of sets) {
    const purpose = (set as { purpose?: unknown } | null)?.purpose;
    if (typeof purpose === 'string' && purpose.length > 0 && purpose.length <= MAX_PURPOSE_LENGTH) return purpose;
  }
  return undefined;
}
