import { describe, expect, it } from 'vitest';
import { createApiKeyAuthenticator, parseApiKeys } from '../../src/index.js';
import { API_KEY, createFixture, OTHER_API_KEY } from '../helpers/fixture.js';
import { qrPresentation } from '../helpers/presentations.js';

describe('POST /verify authentication', () => {
  it('401 with WWW-Authenticate for a missing, malformed or unknown API key; the body is not read', async () => {
    const f = await createFixture();
    const presentation = await qrPresentation(f.credentials, f.clock.now());
    for (const authorization of [
      undefined,
      '',
      'Basic aG90ZWw6a2V5',
      `Bearer ${API_KEY}x`,
      `Bearer ${API_KEY.slice(1)}`,
      'Bearer',
    ]) {
      const response = await f.app.inject({
        method: 'POST',
        url: '/verify',
        headers: authorization === undefined ? {} : { authorization },
        payload: { presentation },
      });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.json().code).toBe('ERR_VERIFIER_UNAUTHENTICATED');
    }
    // unauthenticated oversized body: refused before the body limit is reached
    const big = await f.app.inject({
      method: 'POST',
      url: '/verify',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ presentation: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(401);
    const ok = await f.app.inject({
      method: 'POST',
      url: '/verify',
      headers: { authorization: `bearer ${API_KEY}` },
      payload: { presentation },
    });
    expect(ok.statusCode).toBe(200);
    await f.app.close();
  });

  it('parses id:key lists and refuses short, duplicate or malformed keys without echoing them', () => {
    expect(parseApiKeys(`hotel-1:${API_KEY}, bank-2:${OTHER_API_KEY}`)).toEqual([
      { id: 'hotel-1', key: API_KEY },
      { id: 'bank-2', key: OTHER_API_KEY },
    ]);
    expect(parseApiKeys(undefined)).toEqual([]);
    for (const text of ['hotel:short', 'no-colon', `bad id:${API_KEY}`, `:${API_KEY}`]) {
      let message = '';
      try {
        parseApiKeys(text);
      } catch (error) {
        message = (error as Error).message;
        expect((error as { code: string }).code).toBe('ERR_CONFIG_INVALID');
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('short');
    }
    expect(() =>
      createApiKeyAuthenticator([
        { id: 'a', key: API_KEY },
        { id: 'b', key: API_KEY },
      ]),
    ).toThrow(/unique/);
    const authenticator = createApiKeyAuthenticator([{ id: 'a', key: API_KEY }]);
    expect(authenticator.identify(`Bearer ${API_KEY}`)).toBe('a');
    expect(authenticator.identify(`Bearer ${OTHER_API_KEY}`)).toBeUndefined();
  });
});

describe('POST /verify rate limit per API key', () => {
  it('429 problem with Retry-After once a key spends its budget; another key is not affected', async () => {
    const f = await createFixture({ verifyRateLimit: { max: 2, windowMs: 60_000 } });
    const presentation = await qrPresentation(f.credentials, f.clock.now());
    const call = (key: string) =>
      f.app.inject({
        method: 'POST',
        url: '/verify',
        headers: { authorization: `Bearer ${key}` },
        payload: { presentation },
      });
    const first = await call(API_KEY);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect((await call(API_KEY)).statusCode).toBe(200);
    const limited = await call(API_KEY);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'ERR_HTTP_TOO_MANY_REQUESTS' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await call(OTHER_API_KEY)).statusCode).toBe(200);
    await f.app.close();
  });
});
