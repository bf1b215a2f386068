import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp, registerStaticSite } from '../../src/index.js';
import { createLogger } from '../../src/logging/index.js';

describe('registerStaticSite', () => {
  const root = mkdtempSync(join(tmpdir(), 'zz-site-'));
  const outside = mkdtempSync(join(tmpdir(), 'zz-outside-'));
  let app: HttpApp;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(root, 'manifest.webmanifest'), '{}');
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
    app = await createHttpApp({ name: 'site', version: '0', logger: createLogger({ name: 'site', level: 'silent' }) });
    await registerStaticSite(app, { root });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('serves hashed assets as immutable and the HTML with a CSP, revalidated', async () => {
    const asset = await app.inject({ url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<title>app</title>');
  });

  it('serves the service worker and manifest without long caching', async () => {
    const sw = await app.inject({ url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['service-worker-allowed']).toBe('/');
    const manifest = await app.inject({ url: '/manifest.webmanifest' });
    expect(manifest.headers['content-type']).toBe('application/manifest+json');
  });

  it('answers client-side routes with index.html', async () => {
    const route = await app.inject({ url: '/cards/123?x=1' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>app</title>');
  });

  it('never serves a file outside the root (traversal, encoded traversal, symlink, NUL)', async () => {
    for (const url of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/link.txt', '/assets/%00x', '/%E0%A4%A']) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('secret');
      expect(response.body, url).not.toContain('root:');
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });
});
