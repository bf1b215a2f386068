import { describe, expect, it } from 'vitest';
import { API_KEY, createFixture, type Fixture, STATUS_URI, VALID_IDX } from '../helpers/fixture.js';
import { AUDIENCE, NONCE, qrPresentation, sdJwtPresentation } from '../helpers/presentations.js';

interface Report {
  valid: boolean;
  claims?: Record<string, Record<string, unknown>>;
  checks: { id: string; outcome: string; code?: string }[];
  cache: { stale: boolean; trust_age_seconds?: number; status_age_seconds?: number };
  trusted_issuer?: { id: string; name: { 'zh-CN': string; en: string } };
}

async function verifyQr(f: Fixture): Promise<Report> {
  const response = await f.app.inject({
    method: 'POST',
    url: '/verify',
    headers: { authorization: `Bearer ${API_KEY}` },
    payload: { presentation: await qrPresentation(f.credentials, f.clock.now()) },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as Report;
}

const failed = (report: Report) => report.checks.find((check) => check.outcome === 'failed');

describe('verification through the SDK cache (trust and status lists)', () => {
  it('fetches the whole status list once and reports its age', async () => {
    const f = await createFixture();
    expect((await verifyQr(f)).cache).toEqual({ stale: false, status_age_seconds: 0 });
    f.clock.advance(120);
    const second = await verifyQr(f);
    expect(second.valid).toBe(true);
    expect(second.cache.status_age_seconds).toBe(120);
    expect(f.origin.requests).toEqual([STATUS_URI]);
    await f.app.close();
  });

  it('a revocation published later applies after refresh()', async () => {
    const f = await createFixture();
    expect((await verifyQr(f)).valid).toBe(true);
    f.clock.advance(60);
    await f.origin.publish([VALID_IDX]);
    const result = await f.app.verifier.engine.refresh();
    expect(result.statusLists).toEqual([{ uri: STATUS_URI, outcome: 'updated' }]);
    const report = await verifyQr(f);
    expect(report.valid).toBe(false);
    expect(failed(report)).toMatchObject({ id: 'status', code: 'ERR_STATUS_REVOKED' });
    await f.app.close();
  });

  it('offline with no cached list: status fails ERR_STATUS_UNAVAILABLE', async () => {
    const f = await createFixture();
    f.origin.down = true;
    const report = await verifyQr(f);
    expect(report.valid).toBe(false);
    expect(failed(report)).toMatchObject({ id: 'status', code: 'ERR_STATUS_UNAVAILABLE' });
    await f.app.close();
  });

  it('data older than maxCacheAgeSeconds makes the report invalid (ERR_VERIFIER_CACHE_STALE), no claims', async () => {
    const f = await createFixture({ maxCacheAgeSeconds: 3600 });
    expect((await verifyQr(f)).valid).toBe(true);
    f.origin.down = true;
    f.clock.advance(2 * 3600);
    const report = await verifyQr(f);
    expect(report.valid).toBe(false);
    expect(report.cache.stale).toBe(true);
    expect(report.claims).toBeUndefined();
    expect(failed(report)).toMatchObject({ id: 'freshness', code: 'ERR_VERIFIER_CACHE_STALE' });
    await f.app.close();
  });

  it('accepts a trust bundle: reports name the trusted issuer and the age of the bundle', async () => {
    const f = await createFixture({}, { trustBundle: true });
    f.clock.advance(30);
    const sd = await sdJwtPresentation(f.credentials, f.clock.now());
    const response = await f.app.inject({
      method: 'POST',
      url: '/verify',
      headers: { authorization: `Bearer ${API_KEY}` },
      payload: { presentation: sd, nonce: NONCE, audience: AUDIENCE },
    });
    const report = response.json() as Report;
    expect(report.valid).toBe(true);
    expect(report.trusted_issuer).toEqual({
      id: 'cn-44',
      name: { 'zh-CN': '广东省公安厅', en: 'Guangdong Public Security Department' },
    });
    expect(report.cache).toEqual({ stale: false, trust_age_seconds: 30, status_age_seconds: 0 });
    // a credential of an authority outside the bundle is not trusted
    const stranger = await createFixture();
    const foreign = await sdJwtPresentation(stranger.credentials, f.clock.now());
    const refused = (
      await f.app.inject({
        method: 'POST',
        url: '/verify',
        headers: { authorization: `Bearer ${API_KEY}` },
        payload: { presentation: foreign, nonce: NONCE, audience: AUDIENCE },
      })
    ).json() as Report;
    expect(refused.valid).toBe(false);
    expect(failed(refused)?.code).toMatch(/^ERR_TRUST_/);
    await stranger.app.close();
    await f.app.close();
  });

  it('answers /readyz once the cache is loaded', async () => {
    const f = await createFixture();
    const ready = await f.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ 'verifier-cache': 'ok' });
    await f.app.close();
  });
});
