import { type ErrorCode, isZzError, ZzError } from '@zhengzhao/core';
import { importReaderKey, type ReaderIdentity } from './import-reader-key.js';
import { MAX_READER_CONFIG_BYTES, parseReaderConfig } from './parse-reader-config.js';

/**
 * The counter's reader identity, as the UI shows it:
 * - `ready`: requests are signed (reader authentication);
 * - `missing`: no reader.json is deployed (404) — requests go unsigned;
 * - `unreachable`: it could not be downloaded (offline, server error) — unsigned;
 * - `invalid`: it was there but is refused (`code`) — unsigned.
 */
export type ReaderConfigState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly identity: ReaderIdentity }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'invalid'; readonly code: ErrorCode };

export interface LoadReaderConfigOptions {
  readonly fetch?: typeof fetch;
  readonly now?: Date;
}

/** Reads at most `limit` bytes of a response body (a larger body is `ERR_INPUT_TOO_LARGE`). */
async function boundedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new ZzError('ERR_INPUT_TOO_LARGE', 'reader.json is larger than 64 KiB');
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ZzError('ERR_INPUT_TOO_LARGE', 'reader.json is larger than 64 KiB');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ZzError('ERR_READER_CONFIG_INVALID', 'reader.json is not UTF-8', { cause: error });
  }
}

/**
 * Downloads reader.json from `url` (never from a cache: `no-store`, and the service worker does
 * not touch it), parses it and imports its key as non-extractable; the JSON text and the JWK are
 * dropped once imported. Never throws: every outcome is a state for the UI.
 */
export async function loadReaderConfig(url: string, options: LoadReaderConfigOptions = {}): Promise<ReaderConfigState> {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store', credentials: 'same-origin', redirect: 'error' });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status === 404 || response.status === 410) return { kind: 'missing' };
  if (!response.ok) return { kind: 'unreachable' };
  // A single-page app server answers an unknown path with index.html: that is "no reader.json".
  if (/^\s*text\/html/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'missing' };
  }
  try {
    const text = await boundedText(response, MAX_READER_CONFIG_BYTES);
    const config = parseReaderConfig(text, options.now ?? new Date());
    return { kind: 'ready', identity: await importReaderKey(config) };
  } catch (error) {
    return { kind: 'invalid', code: isZzError(error) ? error.code : 'ERR_READER_CONFIG_INVALID' };
  }
}
