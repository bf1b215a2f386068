import { isZzError } from '@zhengzhao/core';
import { createLogger } from '@zhengzhao/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoRequestSigning,
  createVerifierServiceApp,
  LOGIN_PAGE_CSP,
  startVerifierService,
} from '../../src/index.js';
import { API_KEY, BASE_URL, createFixture, type Fixture, HOST, platform } from '../helpers/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.app.close();
});

async function configCode(change: Record<string, unknown>): Promise<string | undefined> {
  try {
    const app = await createVerifierServiceApp({
      platform,
      clock: () => f.clock.now(),
      trust: f.authority.trustSource,
      apiKeys: [{ id: 'a', key: API_KEY }],
      publicBaseUrl: BASE_URL,
      requestSigning: f.signing,
      ...change,
    });
    await app.close();
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : String(error);
  }
}

describe('the verifier service app', () => {
  it('answers /healthz and documents /verify and the OpenID4VP endpoints in OpenAPI', async () => {
    expect((await f.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({
      status: 'ok',
      service: 'verifier',
    });
    const doc = (await f.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/verify',
        '/oid4vp/sessions',
        '/oid4vp/requests/{requestId}',
        '/oid4vp/responses/{requestId}',
        '/oid4vp/sessions/{sessionId}',
      ]),
    );
  });

  it('refuses bad configuration: http base URL, a certificate for another host, weak or no API keys', async () => {
    expect(await configCode({})).toBeUndefined();
    expect(await configCode({ apiKeys: [] })).toBeUndefined();
    expect(await configCode({ publicBaseUrl: 'http://verifier.zhengzhao.test' })).toBe('ERR_CONFIG_INVALID');
    expect(await configCode({ publicBaseUrl: 'not a url' })).toBe('ERR_CONFIG_INVALID');
    expect(await configCode({ publicBaseUrl: 'https://other.zhengzhao.test' })).toBe('ERR_CONFIG_INVALID');
    expect(await configCode({ clientId: 'x509_san_dns:other.zhengzhao.test' })).toBe('ERR_CONFIG_INVALID');
    expect(await configCode({ requestSigning: { signer: f.signing.signer, certificateChain: [] } })).toBe(
      'ERR_CONFIG_INVALID',
    );
    expect(await configCode({ apiKeys: [{ id: 'a', key: 'short' }] })).toBe('ERR_CONFIG_INVALID');
    expect(await configCode({ verifyRateLimit: { max: 0, windowMs: 1000 } })).toBe('ERR_CONFIG_INVALID');
  });

  it('startVerifierService listens on a port and closes', async () => {
    const signing = await createDemoRequestSigning({ platform, host: HOST, now: f.clock.now() });
    const running = await startVerifierService({
      port: 0,
      trust: f.authority.trustSource,
      apiKeys: [{ id: 'a', key: API_KEY }],
      publicBaseUrl: BASE_URL,
      requestSigning: signing,
      clock: () => f.clock.now(),
      handleSignals: false,
      logger: createLogger({ name: 'verifier', level: 'silent' }),
    });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    await running.close();
    expect(signing.clientId).toBe(`x509_san_dns:${HOST}`);
    await expect(createDemoRequestSigning({ platform, host: 'bad host!', now: f.clock.now() })).rejects.toThrow();
  });
});

describe('the demo login page', () => {
  it('serves zh-CN by default and English with ?lang=en, with a strict CSP and no external resources', async () => {
    const zh = await f.app.inject({ method: 'GET', url: '/' });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toMatch(/^text\/html/);
    expect(zh.headers['content-security-policy']).toBe(LOGIN_PAGE_CSP);
    expect(LOGIN_PAGE_CSP).toContain("script-src 'self'");
    expect(LOGIN_PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(zh.headers['x-content-type-options']).toBe('nosniff');
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('使用电子身份证登录');
    const en = await f.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Log in with your e-ID');
    for (const page of [zh.body, en.body]) {
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(page).not.toMatch(/<script>(?!\s*$)|\son[a-z]+=/);
    }
    const script = await f.app.inject({ method: 'GET', url: '/login.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain('/oid4vp/sessions');
    expect(script.body).not.toContain('innerHTML');
    expect((await f.app.inject({ method: 'GET', url: '/login.css' })).headers['content-type']).toMatch(/^text\/css/);
  });

  it('can be turned off', async () => {
    const local = await createFixture({ loginPage: false });
    expect((await local.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    await local.app.close();
  });
});
