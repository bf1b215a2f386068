import { describe, expect, it } from 'vitest';
import {
  createStatusListCache,
  issueStatusListCwt,
  issueStatusListJwt,
  isZzError,
  type Signer,
  STATUS_INVALID,
  STATUS_SUSPENDED,
  StatusList,
  type StatusListFetchResult,
  utf8Encode,
} from '../../src/index.js';
import { codeOf, FAKE_DS_CERT, fakeTrust, LIST_URI, newSigner, platform } from './fixtures.js';

const T0 = Date.parse('2025-03-01T00:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** An issuer that re-signs its current list on every fetch; the fetch can be made to fail. */
function fakeIssuer(signer: Signer, options: { ttl?: number; expIn?: number; form?: 'jwt' | 'cwt' } = {}) {
  const list = new StatusList(1024, 2);
  const state = { fetches: 0, failing: false, clock: 0, iatOverride: undefined as number | undefined };
  const fetchToken = async (uri: string): Promise<StatusListFetchResult> => {
    state.fetches++;
    if (state.failing) throw new Error('network down');
    const issuedAt = at(state.iatOverride ?? state.clock);
    const common = {
      uri,
      list,
      issuedAt,
      certificateChain: [FAKE_DS_CERT],
      ...(options.ttl === undefined ? {} : { ttlSeconds: options.ttl }),
      ...(options.expIn === undefined ? {} : { expiresAt: new Date(issuedAt.getTime() + options.expIn * 1000) }),
    };
    if (options.form === 'cwt') {
      return { body: await issueStatusListCwt(platform, signer, common), contentType: 'application/statuslist+cwt' };
    }
    return { body: await issueStatusListJwt(platform, signer, common), contentType: 'application/statuslist+jwt' };
  };
  return { list, state, fetchToken };
}

describe('createStatusListCache', () => {
  it('fetches a whole list once, answers from the cache within ttl, refetches after ttl', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 300, expIn: 86_400 });
    const cache = createStatusListCache({
      platform,
      trust: fakeTrust(signer.publicKey),
      fetchToken: issuer.fetchToken,
    });
    issuer.list.set(5, STATUS_INVALID);
    expect(await cache.resolveStatus({ idx: 5, uri: LIST_URI }, { now: at(0) })).toBe(STATUS_INVALID);
    expect(await cache.resolveStatus({ idx: 6, uri: LIST_URI }, { now: at(10) })).toBe(0);
    expect(await cache.resolveStatus({ idx: 7, uri: LIST_URI }, { now: at(299) })).toBe(0);
    expect(issuer.state.fetches).toBe(1);

    issuer.list.set(6, STATUS_SUSPENDED);
    expect(await cache.resolveStatus({ idx: 6, uri: LIST_URI }, { now: at(299) })).toBe(0); // still cached
    issuer.state.clock = 300;
    expect(await cache.resolveStatus({ idx: 6, uri: LIST_URI }, { now: at(300) })).toBe(STATUS_SUSPENDED);
    expect(issuer.state.fetches).toBe(2);
  });

  it('shares one fetch among concurrent queries for the same list', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, idx) => cache.resolveStatus({ idx, uri: LIST_URI }, { now: at(0) })),
    );
    expect(answers.every((v) => v === 0)).toBe(true);
    expect(issuer.state.fetches).toBe(1);
  });

  it('keeps answering from a stale list while the issuer is down, until the maximum age', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    const cache = createStatusListCache({
      platform,
      trust: fakeTrust(signer.publicKey),
      fetchToken: issuer.fetchToken,
      maxAgeSeconds: 3600,
      retryAfterSeconds: 0,
    });
    issuer.list.set(1, STATUS_INVALID);
    expect(await cache.resolveStatus({ idx: 1, uri: LIST_URI }, { now: at(0) })).toBe(STATUS_INVALID);
    issuer.state.failing = true;
    expect(await cache.resolveStatus({ idx: 1, uri: LIST_URI }, { now: at(61) })).toBe(STATUS_INVALID);
    expect(await cache.resolveStatus({ idx: 1, uri: LIST_URI }, { now: at(3599) })).toBe(STATUS_INVALID);
    expect(issuer.state.fetches).toBe(3);
    const error = await cache.resolveStatus({ idx: 1, uri: LIST_URI }, { now: at(3600) }).catch((e: unknown) => e);
    expect(isZzError(error, 'ERR_STATUS_UNAVAILABLE')).toBe(true);
    issuer.state.failing = false;
    issuer.state.clock = 3700;
    expect(await cache.resolveStatus({ idx: 1, uri: LIST_URI }, { now: at(3700) })).toBe(STATUS_INVALID);
  });

  it('never uses a list past its exp, even within the maximum age', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60, expIn: 120 });
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
      retryAfterSeconds: 0,
    });
    expect(await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) })).toBe(0);
    issuer.state.failing = true;
    expect(await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(119) })).toBe(0);
    expect(await codeOf(cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(120) }))).toBe(
      'ERR_STATUS_UNAVAILABLE',
    );
  });

  it('without ttl, refetches at the maximum age', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer);
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
      maxAgeSeconds: 600,
    });
    await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) });
    await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(599) });
    expect(issuer.state.fetches).toBe(1);
    await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(600) });
    expect(issuer.state.fetches).toBe(2);
  });

  it('with no list at all: ERR_STATUS_UNAVAILABLE, and backs off before fetching again', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    issuer.state.failing = true;
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
      retryAfterSeconds: 30,
    });
    expect(await codeOf(cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) }))).toBe('ERR_STATUS_UNAVAILABLE');
    expect(await codeOf(cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(29) }))).toBe(
      'ERR_STATUS_UNAVAILABLE',
    );
    expect(issuer.state.fetches).toBe(1);
    issuer.state.failing = false;
    expect(await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(30) })).toBe(0);
    expect(issuer.state.fetches).toBe(2);
  });

  it('reports an index outside the list as ERR_STATUS_INDEX_OUT_OF_RANGE', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
    });
    expect(await codeOf(cache.resolveStatus({ idx: 1024, uri: LIST_URI }, { now: at(0) }))).toBe(
      'ERR_STATUS_INDEX_OUT_OF_RANGE',
    );
    expect(await codeOf(cache.resolveStatus({ idx: -1, uri: LIST_URI }, { now: at(0) }))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: new Date(Number.NaN) }))).toBe(
      'ERR_INPUT_INVALID',
    );
  });

  it('refuses a list for another URI, a list it cannot verify, an unknown Content-Type', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    const wrongUri = async () => issuer.fetchToken(`${LIST_URI}/other`);
    const cache = createStatusListCache({ platform, trust: { publicKey: signer.publicKey }, fetchToken: wrongUri });
    const error = await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) }).catch((e: unknown) => e);
    expect(isZzError(error, 'ERR_STATUS_UNAVAILABLE')).toBe(true);
    expect(isZzError((error as Error).cause, 'ERR_STATUS_LIST_URI_MISMATCH')).toBe(true);

    const otherKey = (await newSigner()).publicKey;
    const untrusted = createStatusListCache({
      platform,
      trust: { publicKey: otherKey },
      fetchToken: issuer.fetchToken,
    });
    const bad = await untrusted.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) }).catch((e: unknown) => e);
    expect(isZzError((bad as Error).cause, 'ERR_JWS_SIGNATURE_INVALID')).toBe(true);

    const html = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: async (uri) => ({ ...(await issuer.fetchToken(uri)), contentType: 'text/html' }),
    });
    expect(await codeOf(html.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) }))).toBe('ERR_STATUS_UNAVAILABLE');
  });

  it('reads CWT lists and JWT bodies given as bytes with Content-Type parameters', async () => {
    const signer = await newSigner();
    const cwtIssuer = fakeIssuer(signer, { ttl: 60, form: 'cwt' });
    cwtIssuer.list.set(3, STATUS_SUSPENDED);
    const cwtCache = createStatusListCache({
      platform,
      trust: fakeTrust(signer.publicKey),
      fetchToken: cwtIssuer.fetchToken,
    });
    expect(await cwtCache.resolveStatus({ idx: 3, uri: LIST_URI }, { now: at(0) })).toBe(STATUS_SUSPENDED);

    const jwtIssuer = fakeIssuer(signer, { ttl: 60 });
    jwtIssuer.list.set(4, STATUS_INVALID);
    const bytesCache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: async (uri) => {
        const { body } = await jwtIssuer.fetchToken(uri);
        return { body: utf8Encode(`${body as string}\n`), contentType: 'Application/StatusList+JWT; charset=utf-8' };
      },
    });
    expect(await bytesCache.resolveStatus({ idx: 4, uri: LIST_URI }, { now: at(0) })).toBe(STATUS_INVALID);
  });

  it('refuses to roll back to an older list and keeps the newer one', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
      retryAfterSeconds: 0,
    });
    issuer.state.clock = 100;
    issuer.list.set(9, STATUS_INVALID);
    expect(await cache.resolveStatus({ idx: 9, uri: LIST_URI }, { now: at(100) })).toBe(STATUS_INVALID);
    issuer.list.set(9, 0);
    issuer.state.iatOverride = 50; // a replayed, older (but still signed) list
    expect(await cache.resolveStatus({ idx: 9, uri: LIST_URI }, { now: at(200) })).toBe(STATUS_INVALID);
    expect(issuer.state.fetches).toBe(2);
  });

  it('clear() forgets every list', async () => {
    const signer = await newSigner();
    const issuer = fakeIssuer(signer, { ttl: 60 });
    const cache = createStatusListCache({
      platform,
      trust: { publicKey: signer.publicKey },
      fetchToken: issuer.fetchToken,
    });
    await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(0) });
    cache.clear();
    await cache.resolveStatus({ idx: 0, uri: LIST_URI }, { now: at(1) });
    expect(issuer.state.fetches).toBe(2);
  });
});
