import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderClerkPage } from '../../src/http/render-clerk-page.js';
import { clerkPageCsp, type RegistryApp, type RegistryDatabase, registryMigrations } from '../../src/index.js';
import { CLERK_TOKEN, citizens, ISSUER_TOKEN, openApp } from './helpers.js';

describeEachDatabase<RegistryDatabase>('registry clerk page', registryMigrations, (t) => {
  let app: RegistryApp;
  let withIssuer: RegistryApp;
  beforeAll(async () => {
    app = await openApp(t.database);
    withIssuer = await openApp(t.database, { issuerUrl: 'http://127.0.0.1:8720/' });
  });
  afterAll(async () => {
    await app?.close();
    await withIssuer?.close();
  });

  it('renders in zh-CN by default, with a CSP and no inline code', async () => {
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-language']).toBe('zh-CN');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).toContain('<html lang="zh-CN">');
    expect(r.body).toContain('居民身份证 · 窗口办理');
    expect(r.body).toContain('挂失证件');
    expect(r.body).toContain('href="/?lang=en"');
    // no inline handlers, and the only inline script is a JSON data block
    expect(r.body).not.toMatch(/\son[a-z]+\s*=/i);
    expect(r.body).not.toMatch(/javascript:/i);
    const scripts = [...r.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const [, attributes, content] of scripts) {
      if (content?.trim()) expect(attributes).toContain('type="application/json"');
      else expect(attributes).toContain('src="/clerk.js"');
    }
    // the address form offers the province's counties
    expect(r.body).toContain('value="440106"');
    // without an issuer URL, no activation box
    expect(r.body).not.toContain('id="activation"');
  });

  it('renders in English with ?lang=en (and falls back to zh-CN for other values)', async () => {
    const r = await app.inject({ url: '/?lang=en' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-language']).toBe('en');
    expect(r.body).toContain('<html lang="en">');
    expect(r.body).toContain('Resident ID card · clerk desk');
    expect(r.body).toContain('Report card lost');
    expect(r.body).toContain('href="/?lang=zh-CN"');
    expect(r.body).not.toContain('挂失证件');
    const other = await app.inject({ url: '/?lang=fr' });
    expect(other.body).toContain('<html lang="zh-CN">');
  });

  it('contains no personal data and no tokens: persons are loaded only on request with a token', async () => {
    for (const url of ['/', '/?lang=en', '/clerk.js']) {
      const body = (await withIssuer.inject({ url })).body;
      for (const c of citizens) {
        for (const value of [c.fullName, c.idNumber, c.card.cardNumber, c.personId, c.address.street]) {
          expect(body).not.toContain(value);
        }
      }
      expect(body).not.toContain(CLERK_TOKEN);
      expect(body).not.toContain(ISSUER_TOKEN);
    }
  });

  it('shows the activation-code placeholder only when an issuer URL is configured, and allows that origin', async () => {
    const r = await withIssuer.inject({ url: '/' });
    expect(r.body).toContain('id="activation"');
    expect(r.body).toContain('电子证照激活码（占位）');
    expect(r.body).toContain('data-issuer-url="http://127.0.0.1:8720/"');
    expect(r.headers['content-security-policy']).toBe(clerkPageCsp('http://127.0.0.1:8720/'));
    expect(String(r.headers['content-security-policy'])).toContain("connect-src 'self' http://127.0.0.1:8720");
    expect((await withIssuer.inject({ url: '/?lang=en' })).body).toContain('e-ID activation code (placeholder)');
  });

  it('offers activation codes from the province’s other authorities too, and allows their origins', () => {
    const page = renderClerkPage({
      lang: 'zh-CN',
      counties: [],
      issuerUrl: 'http://127.0.0.1:8720/',
      otherIssuers: [{ name: { 'zh-CN': '广东省人力资源和社会保障厅', en: 'HRSS' }, url: 'http://127.0.0.1:3103' }],
    });
    expect(page).toContain('class="activation-other" data-issuer-url="http://127.0.0.1:3103"');
    expect(page).toContain('生成激活码：广东省人力资源和社会保障厅');
    const csp = clerkPageCsp('http://127.0.0.1:8720/', [
      { name: { 'zh-CN': 'x', en: 'x' }, url: 'http://127.0.0.1:3103/' },
    ]);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8720 http://127.0.0.1:3103");
  });

  it('serves its script and style sheet from its own origin', async () => {
    const js = await app.inject({ url: '/clerk.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('sessionStorage');
    expect(js.body).not.toContain('innerHTML');
    expect(js.body).toContain("'/activation/codes'");
    // it parses as a script (no build step: what is served is what runs)
    expect(() => new Function(js.body)).not.toThrow();
    const css = await app.inject({ url: '/clerk.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('font-size: 20px');
  });
});
