import { type ErrorCode, utf8Decode, ZzError } from '@zhengzhao/core';
import type { FetchFunction } from './presentation-types.js';

/** Default limit for one HTTP exchange with a verifier. */
export const DEFAULT_VERIFIER_TIMEOUT_MS = 15_000;

export interface VerifierExchange {
  readonly fetch: FetchFunction | undefined;
  readonly timeoutMs: number | undefined;
  /** The code for a network failure, a redirect or a non-200 answer. */
  readonly failure: ErrorCode;
  /** Largest body accepted (`ERR_INPUT_TOO_LARGE` above). */
  readonly maxBytes: number;
}

/**
 * One request to a verifier endpoint (request_uri or response_uri). Redirects are not followed
 * (OpenID4VP 1.0 §14.8: a 3xx is an error), anything but 200 is `failure`, the
 * body is read up to `maxBytes`. Returns the Content-Type and the body text.
 */
export async function exchangeWithVerifier(
  url: string,
  init: RequestInit,
  exchange: VerifierExchange,
): Promise<{ contentType: string; body: string }> {
  const fetchFunction = exchange.fetch ?? (globalThis.fetch as FetchFunction | undefined);
  if (typeof fetchFunction !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'A fetch function is required');
  const timeoutMs = exchange.timeoutMs ?? DEFAULT_VERIFIER_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'timeoutMs must be a positive integer');
  }
  let response: Response;
  try {
    response = await fetchFunction(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new ZzError(exchange.failure, 'The verifier could not be reached', { cause: error });
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new ZzError(exchange.failure, `The verifier answered HTTP ${response.status}`);
  }
  const body = await readLimitedText(response, exchange.maxBytes, exchange.failure);
  return { contentType: response.headers.get('content-type') ?? '', body };
}

/** Reads a response body as UTF-8, stopping with `ERR_INPUT_TOO_LARGE` past `maxBytes`. */
async function readLimitedText(response: Response, maxBytes: number, failure: ErrorCode): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new ZzError('ERR_INPUT_TOO_LARGE', `The verifier's answer exceeds ${maxBytes} bytes`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZzError) throw error;
    throw new ZzError(failure, 'The verifier answer could not be read', { cause: error });
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return utf8Decode(bytes);
}

/** The media type of a Content-Type header value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
