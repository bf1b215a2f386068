import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from './bundle.js';
import { launchChromium } from './chromium.js';
import type { SelfTestCase } from './core-selftest.entry.js';
import { serveFiles } from './serve.js';

/**
 * The core is isomorphic: bundled with `platform: 'browser'` (a Node built-in anywhere in its
 * import graph fails the build) and run in real Chromium on the WebCrypto platform.
 */
describe('@zhengzhao/core in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFiles>>;
  let results: SelfTestCase[] = [];

  beforeAll(async () => {
    const script = await bundleForBrowser(fileURLToPath(new URL('./core-selftest.entry.ts', import.meta.url)));
    server = await serveFiles({
      '/': {
        type: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>',
      },
      '/app.js': { type: 'text/javascript', body: script },
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'runSelfTest' in globalThis, undefined, { timeout: 20_000 });
    results = await page.evaluate(() =>
      (globalThis as unknown as { runSelfTest: () => Promise<SelfTestCase[]> }).runSelfTest(),
    );
    expect(errors).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ran every case', () => {
    expect(results.length).toBeGreaterThanOrEqual(12);
  });

  it('passes every case', () => {
    const failed = results.filter((result) => !result.ok);
    expect(failed).toEqual([]);
  });
});
