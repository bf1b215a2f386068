import { createNodePlatform } from '@zhengzhao/crypto-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReaderFixture, type ReaderFixture } from '../../../../test/browser/verifier-web-proximity-fixtures.js';
import { loadReaderConfig } from './load-reader-config.js';
import { MAX_READER_CONFIG_BYTES } from './parse-reader-config.js';

const NOW = new Date('2026-11-27T08:00:00Z');
const URL_ = 'https://counter.example.cn/app/reader.json';
let reader: ReaderFixture;

beforeAll(async () => {
  reader = await createReaderFixture(createNodePlatform(), NOW);
});

/** A fetch that answers every request with `response()` and records the init it was called with. */
function fetchAnswering(response: () => Response | Promise<Response>) {
  const calls: RequestInit[] = [];
  const fetchFn = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init ?? {});
    return response();
  }) as typeof fetch;
  return { fetchFn, calls };
}

const json = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('loadReaderConfig', () => {
  it('ready: fetched without any cache, key imported, nothing of the JWK in the result', async () => {
    const { fetchFn, calls } = fetchAnswering(() => json(reader.readerJson()));
    const state = await loadReaderConfig(URL_, { fetch: fetchFn, now: NOW });
    expect(state.kind).toBe('ready');
    expect(calls[0]).toMatchObject({ cache: 'no-store', credentials: 'same-origin' });
    if (state.kind !== 'ready') return;
    expect(state.identity.organisation['zh-CN']).toBe('正照测试酒店');
    expect(JSON.stringify(state.identity)).not.toContain(reader.privateJwk.d);
  });

  it('missing: 404, 410, or a single-page server answering index.html', async () => {
    for (const response of [
      () => new Response('not found', { status: 404 }),
      () => new Response('', { status: 410 }),
      () => new Response('<!doctype html><title>证照核验</title>', { headers: { 'content-type': 'text/html' } }),
    ]) {
      expect(await loadReaderConfig(URL_, { fetch: fetchAnswering(response).fetchFn, now: NOW })).toEqual({
        kind: 'missing',
      });
    }
  });

  it('unreachable: a network failure or a server error', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await loadReaderConfig(URL_, { fetch: offline, now: NOW })).toEqual({ kind: 'unreachable' });
    const broken = fetchAnswering(() => new Response('', { status: 503 })).fetchFn;
    expect(await loadReaderConfig(URL_, { fetch: broken, now: NOW })).toEqual({ kind: 'unreachable' });
  });

  it('invalid: a malformed file, or a key that does not match, with its code', async () => {
    const malformed = fetchAnswering(() => json('{"certificate_chain": 1}')).fetchFn;
    expect(await loadReaderConfig(URL_, { fetch: malformed, now: NOW })).toEqual({
      kind: 'invalid',
      code: 'ERR_READER_CONFIG_INVALID',
    });
    const other = await createReaderFixture(createNodePlatform(), NOW);
    const mismatched = fetchAnswering(() => json(reader.readerJson({ private_key_jwk: other.privateJwk }))).fetchFn;
    expect(await loadReaderConfig(URL_, { fetch: mismatched, now: NOW })).toMatchObject({ kind: 'invalid' });
    const notUtf8 = fetchAnswering(() => new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).fetchFn;
    expect(await loadReaderConfig(URL_, { fetch: notUtf8, now: NOW })).toEqual({
      kind: 'invalid',
      code: 'ERR_READER_CONFIG_INVALID',
    });
  });

  it('oversized: refused by its declared length, or while streaming when it declares none', async () => {
    const declared = fetchAnswering(() =>
      json('{}', { 'content-length': String(MAX_READER_CONFIG_BYTES + 1) }),
    ).fetchFn;
    expect(await loadReaderConfig(URL_, { fetch: declared, now: NOW })).toEqual({
      kind: 'invalid',
      code: 'ERR_INPUT_TOO_LARGE',
    });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const streamed = fetchAnswering(() => new Response(endless, { status: 200 })).fetchFn;
    expect(await loadReaderConfig(URL_, { fetch: streamed, now: NOW })).toEqual({
      kind: 'invalid',
      code: 'ERR_INPUT_TOO_LARGE',
    });
    expect(pulled).toBeLessThan(10);
  });
});
