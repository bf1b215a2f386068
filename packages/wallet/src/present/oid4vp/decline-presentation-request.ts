import { ZzError } from '@zhengzhao/core';
import { postToResponseUri } from './post-to-response-uri.js';
import type { FetchFunction, PresentationRequest, PresentationResult } from './presentation-types.js';

export interface DeclinePresentationRequestOptions {
  readonly request: PresentationRequest;
  readonly fetch?: FetchFunction;
  readonly timeoutMs?: number;
}

/**
 * Tells the verifier the holder said no (OpenID4VP 1.0 §8.5 `access_denied`): a form POST of
 * `error=access_denied` and the request's `state` to its `response_uri`. The error is sent
 * unencrypted in both response modes, as §8.3 allows for errors: it carries nothing about the
 * holder. Returns the verifier's `redirect_uri`, if any.
 */
export async function declinePresentationRequest(
  options: DeclinePresentationRequestOptions,
): Promise<PresentationResult> {
  const request = options?.request?.request;
  if (!request?.responseUri) throw new ZzError('ERR_INPUT_INVALID', 'request must come from readPresentationRequest');
  const form = new URLSearchParams({ error: 'access_denied' });
  if (request.state !== undefined) form.set('state', request.state);
  return postToResponseUri(request.responseUri, form.toString(), options);
}
