import { ZzError } from '@zhengzhao/core';

/** Longest wait for one download before it counts as failed. */
export const FETCH_TIMEOUT_MS = 10_000;

export interface BoundedFetchResult {
  /** 304: the held copy (named by `etag`) is still current. */
  readonly notModified: boolean;
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly etag?: string;
}

/**
 * `GET url` for the verifier cache: only `https:` and `http:` URLs, `If-None-Match` when an ETag
 * is held (RFC 9110 §13.1.2), a timeout, and a body bound checked on `Content-Length` and again
 * while reading (`ERR_INPUT_TOO_LARGE`). Network failures and non-2xx answers other than 304 are
 * `ERR_VERIFIER_FETCH_FAILED`. The URL is never put in an error message.
 */
export async function fetchBounded(
  fetcher: typeof fetch,
  url: string,
  options: { readonly accept: string; readonly etag?: string; readonly maxBytes: number },
): Promise<BoundedFetchResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new ZzError('ERR_INPUT_INVALID', 'Download URL is not a URL', { cause: error });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ZzError('ERR_INPUT_INVALID', 'Download URL must be http(s)');
  }
  const headers: Record<string, string> = { accept: options.accept };
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  let response: Response;
  try {
    response = await fetcher(parsed.href, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ZzError('ERR_VERIFIER_FETCH_FAILED', 'Download failed (network)', { cause: error });
  }
  const etag = response.headers.get('etag') ?? undefined;
  if (response.status === 304 && options.etag !== undefined) {
    await response.body?.cancel().catch(() => {});
    return { notModified: true, body: new Uint8Array(0), contentType: '', ...(etag !== undefined && { etag }) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new ZzError('ERR_VERIFIER_FETCH_FAILED', `Download failed with HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'Downloaded body is too large');
  }
  const body = await readBounded(response, options.maxBytes);
  return {
    notModified: false,
    body,
    contentType: response.headers.get('content-type') ?? '',
    ...(etag !== undefined && { etag }),
  };
}

async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new ZzError('ERR_INPUT_TOO_LARGE', 'Downloaded body is too large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZzError) throw error;
    throw new ZzError('ERR_VERIFIER_FETCH_FAILED', 'Download failed while reading', { cause: error });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
