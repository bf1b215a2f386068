import { decodeJwsCompact, verifyStatusListCwt, verifyStatusListJwt } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUER_MIGRATIONS, type IssuerDatabase, listCredentials } from '../../src/index.js';
import { statusListFormOf } from '../../src/modules/status/routes.js';
import {
  BASE_URL,
  createTestRegistry,
  deviceKey,
  openTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
  TOKENS,
} from '../helpers/fixture.js';

describe('statusListFormOf (Accept negotiation)', () => {
  it('defaults to JWT and picks CWT only when asked first', () => {
    expect(statusListFormOf(undefined)).toBe('jwt');
    expect(statusListFormOf('*/*')).toBe('jwt');
    expect(statusListFormOf('application/statuslist+cwt')).toBe('cwt');
    expect(statusListFormOf('application/statuslist+cwt;q=0.9, text/html')).toBe('cwt');
    expect(statusListFormOf('application/statuslist+jwt, application/statuslist+cwt')).toBe('jwt');
    expect(statusListFormOf('application/statuslist+cwt, application/statuslist+jwt')).toBe('cwt');
  });
});

describeEachDatabase<IssuerDatabase>('GET /status/:shard', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  let personId: string;
  const uri = `${BASE_URL}/status/1`;
  beforeAll(async () => {
    issuer = await openTestIssuer(t.database, { statusListTtlSeconds: 60, statusListLifetimeSeconds: 3600 });
    const { registry, citizens } = createTestRegistry('status-tests', 2);
    const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    await postEvent(issuer.app, event);
    personId = event.personId;
    const device = await deviceKey();
    await issuer.app.issuer.issuance.issueBatch({
      personId,
      walletId: 'w-status',
      configurationId: 'eid_mdoc',
      deviceKeys: Array.from({ length: 5 }, () => device.publicKey),
    });
  });
  afterAll(async () => {
    await issuer.app.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => issuer.app.inject({ method: 'GET', url, headers });

  it('publishes a signed JWT by default: sub = its exact URI, iat, exp, ttl, cache headers', async () => {
    const response = await get('/status/1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/statuslist+jwt');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers.etag).toMatch(/^"1-jwt-\d+-\d+"$/);
    const now = issuer.clock.now();
    const verified = await verifyStatusListJwt(platform, response.body, {
      trust: issuer.authority.trustSource,
      expectedUri: uri,
      now,
    });
    expect(verified.bits).toBe(2);
    expect(verified.list.size).toBe(4096);
    expect(verified.ttl).toBe(60);
    expect(verified.iat.getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000);
    expect(verified.exp?.getTime()).toBe(verified.iat.getTime() + 3600_000);
    const header = decodeJwsCompact(response.body).header as Record<string, unknown>;
    expect(header.typ).toBe('statuslist+jwt');
    expect(Array.isArray(header.x5c)).toBe(true);
  });

  it('publishes a CWT on Accept: application/statuslist+cwt', async () => {
    const response = await get('/status/1', { accept: 'application/statuslist+cwt' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/statuslist+cwt');
    expect(response.headers.etag).toMatch(/^"1-cwt-/);
    const verified = await verifyStatusListCwt(platform, new Uint8Array(response.rawPayload), {
      trust: issuer.authority.trustSource,
      expectedUri: uri,
      now: issuer.clock.now(),
    });
    expect(verified.list.size).toBe(4096);
  });

  it('answers 304 to a matching If-None-Match and serves the cached token until the shard changes', async () => {
    const first = await get('/status/1');
    const etag = first.headers.etag as string;
    issuer.clock.advance(5);
    const again = await get('/status/1');
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(etag);
    const notModified = await get('/status/1', { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    // a change re-signs: new token, new ETag, the entry flipped
    const suspend = await issuer.app.inject({
      method: 'POST',
      url: `/admin/persons/${personId}/suspend`,
      headers: { authorization: `Bearer ${TOKENS.clerk}` },
      payload: { reason: 'fraud check' },
    });
    expect(suspend.json().affected).toBe(5);
    const changed = await get('/status/1', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const verified = await verifyStatusListJwt(platform, changed.body, {
      trust: issuer.authority.trustSource,
      expectedUri: uri,
      now: issuer.clock.now(),
    });
    const rows = await listCredentials(t.database.db, { personId });
    expect(rows.map((r) => verified.list.get(r.statusIndex as number))).toEqual([2, 2, 2, 2, 2]);
    // the other entries stay VALID
    const set = new Set(rows.map((r) => r.statusIndex));
    let others = 0;
    for (let i = 0; i < verified.list.size; i++) if (!set.has(i)) others += verified.list.get(i);
    expect(others).toBe(0);
  });

  it('re-signs an unchanged list once half its lifetime has passed', async () => {
    const first = await get('/status/1');
    issuer.clock.advance(1801);
    const later = await get('/status/1');
    expect(later.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers problems for unknown shards and bad parameters', async () => {
    const unknown = await get('/status/99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ERR_ISSUER_STATUS_SHARD_UNKNOWN');
    for (const bad of ['/status/abc', '/status/0', '/status/-1', '/status/1.5', '/status/99999999999']) {
      const response = await get(bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().code).toBe('ERR_INPUT_INVALID');
    }
  });
});
