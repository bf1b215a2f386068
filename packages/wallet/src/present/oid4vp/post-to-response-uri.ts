import { isSecureWebUri, ZzError } from '@zhengzhao/core';
import type { FetchFunction, PresentationResult } from './presentation-types.js';
import { exchangeWithVerifier } from './verifier-http.js';

/** Largest answer accepted from a response_uri (a small JSON object). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface PostToResponseUriOptions {
  readonly fetch?: FetchFunction;
  readonly timeoutMs?: number;
}

/**
 * POSTs a form body to the verifier's `response_uri` (OpenID4VP 1.0 §8.2): the verifier must
 * answer 200 (no redirects followed, §14.8), else `ERR_OID4VP_RESPONSE_REJECTED`. Its JSON may
 * carry `redirect_uri`, returned only when it is an absolute https URL (or http on loopback) (anything else — a
 * `javascript:` URI, a relative path — is dropped rather than followed).
 */
export async function postToResponseUri(
  responseUri: string,
  body: string,
  options: PostToResponseUriOptions,
): Promise<PresentationResult> {
  if (!isSecureWebUri(responseUri)) {
    throw new ZzError('ERR_INPUT_INVALID', 'response_uri must be an https URL (or http on loopback)');
  }
  const answer = await exchangeWithVerifier(
    responseUri,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    },
    {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      failure: 'ERR_OID4VP_RESPONSE_REJECTED',
      maxBytes: MAX_ANSWER_BYTES,
    },
  );
  const redirectUri = redirectUriOf(answer.body);
  return redirectUri === undefined ? {} : { redirectUri };
}

function redirectUriOf(body: string): string | undefined {
  let json: unknown;
  try {
    json = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return undefined;
  }
  const value = (json as { redirect_uri?: unknown } | null)?.redirect_uri;
  if (typeof value !== 'string' || value.length > 4096 || !URL.canParse(value)) return undefined;
  return isSecureWebUri(value) ? value : undefined;
}
