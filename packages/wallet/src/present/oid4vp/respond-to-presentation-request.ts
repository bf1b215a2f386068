import {
  createAuthorizationResponse,
  type DcqlClaimPath,
  type DcqlCredentialQuery,
  decodeSdJwt,
  type Platform,
  presentSdJwtVc,
  processSdJwtDisclosures,
  type SdJwtClaimPath,
  ZzError,
} from '@zhengzhao/core';
import { postToResponseUri } from './post-to-response-uri.js';
import type {
  FetchFunction,
  PresentationRequest,
  PresentationResult,
  PresentationSelection,
} from './presentation-types.js';

const MAX_SELECTIONS = 32;
const MAX_CLAIMS = 128;

export interface RespondToPresentationRequestOptions {
  readonly platform: Platform;
  readonly request: PresentationRequest;
  /** What the holder approved, per query. */
  readonly selections: readonly PresentationSelection[];
  readonly fetch?: FetchFunction;
  /** The time for the Key Binding JWT `iat`. */
  readonly clock?: () => Date;
  readonly timeoutMs?: number;
}

/**
 * Answers a verified request (OpenID4VP 1.0 §8): per selection, an SD-JWT VC presentation with
 * only the chosen disclosures and a Key Binding JWT (`aud` = the full client_id, `nonce` = the
 * request nonce, RFC 9901 §4.3; core's `presentSdJwtVc`); then the vp_token
 * `{queryId: [presentation, …]}` is posted as `direct_post` or, encrypted to the verifier's key,
 * `direct_post.jwt` (core's `createAuthorizationResponse`). Returns the verifier's `redirect_uri`
 * for the same-device flow.
 *
 * Refused with `ERR_INPUT_INVALID` before anything is sent: an unknown or mdoc query, a
 * credential whose `vct` the query does not accept, a claim outside what the query asked for;
 * a vp_token that leaves a required query unanswered fails with `ERR_OID4VP_RESPONSE_INVALID`.
 * A verifier that does not accept the response: `ERR_OID4VP_RESPONSE_REJECTED`.
 */
export async function respondToPresentationRequest(
  options: RespondToPresentationRequestOptions,
): Promise<PresentationResult> {
  const { platform, selections } = options ?? {};
  const request = options?.request?.request;
  if (!request?.dcqlQuery) throw new ZzError('ERR_INPUT_INVALID', 'request must come from readPresentationRequest');
  if (!Array.isArray(selections) || selections.length === 0 || selections.length > MAX_SELECTIONS) {
    throw new ZzError('ERR_INPUT_INVALID', 'selections must list 1 to 32 presentations; to send nothing, decline');
  }
  const now = (options.clock ?? (() => new Date()))();
  const presentations: Record<string, string[]> = {};
  for (const selection of selections as readonly PresentationSelection[]) {
    const query = request.dcqlQuery.credentials.find((entry) => entry.id === selection?.queryId);
    if (!query) throw new ZzError('ERR_INPUT_INVALID', 'A selection names a query the request did not make');
    if (query.format !== 'dc+sd-jwt') throw new ZzError('ERR_INPUT_INVALID', 'Only SD-JWT VC queries are answered');
    await assertVctAccepted(platform, selection.sdJwt, query);
    const disclose = allowedClaims(selection.claims, query);
    const presentation = await presentSdJwtVc(platform, selection.sdJwt, {
      disclose,
      holderSigner: selection.deviceSigner,
      audience: request.clientId,
      nonce: request.nonce,
      now,
    });
    const list = Object.hasOwn(presentations, query.id) ? (presentations[query.id] as string[]) : [];
    list.push(presentation);
    Object.defineProperty(presentations, query.id, {
      value: list,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const response = await createAuthorizationResponse({ request, presentations });
  return postToResponseUri(response.uri, response.body, options);
}

async function assertVctAccepted(platform: Platform, sdJwt: unknown, query: DcqlCredentialQuery): Promise<void> {
  if (typeof sdJwt !== 'string') throw new ZzError('ERR_INPUT_INVALID', 'sdJwt must be a string');
  const decoded = decodeSdJwt(sdJwt);
  const { claims } = await processSdJwtDisclosures(platform, decoded.jwt.payload, decoded.disclosures);
  if (typeof claims.vct !== 'string' || !query.meta.vct_values?.includes(claims.vct)) {
    throw new ZzError('ERR_INPUT_INVALID', 'The credential is not of a type the query accepts');
  }
}

/**
 * The chosen claims as paths, each at or below a claim path the query asked for (a `null` step
 * matching any array index): disclosing a claim discloses everything below it, so choosing a
 * parent of a requested claim would reveal more than asked.
 */
function allowedClaims(
  claims: PresentationSelection['claims'] | undefined,
  query: DcqlCredentialQuery,
): SdJwtClaimPath[] {
  if (!Array.isArray(claims) || claims.length > MAX_CLAIMS) {
    throw new ZzError('ERR_INPUT_INVALID', `claims must be an array of at most ${MAX_CLAIMS} names or paths`);
  }
  const requested = (query.claims ?? []).map((claim) => claim.path);
  return (claims as readonly unknown[]).map((claim) => {
    const path = toPath(claim);
    if (!requested.some((want) => isWithin(path, want))) {
      throw new ZzError('ERR_INPUT_INVALID', 'A chosen claim was not requested');
    }
    return path;
  });
}

function toPath(claim: unknown): SdJwtClaimPath {
  const path = typeof claim === 'string' ? [claim] : claim;
  if (
    !Array.isArray(path) ||
    path.length === 0 ||
    !path.every((step) => typeof step === 'string' || (Number.isSafeInteger(step) && (step as number) >= 0))
  ) {
    throw new ZzError('ERR_INPUT_INVALID', 'A claim must be a name or a path of names and indexes');
  }
  return path as SdJwtClaimPath;
}

function isWithin(path: SdJwtClaimPath, requested: DcqlClaimPath): boolean {
  if (requested.length > path.length) return false;
  return requested.every((step, at) => (step === null ? typeof path[at] === 'number' : step === path[at]));
}
