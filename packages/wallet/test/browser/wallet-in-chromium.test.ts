import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../../../test/browser/bundle.js';
import { launchChromium } from '../../../../test/browser/chromium.js';
import { serveFiles } from '../../../../test/browser/serve.js';
import type { WalletSelfTestCase } from './wallet-selftest.entry.js';

/**
 * The wallet engine in real Chromium: bundled for the browser, on WebCrypto (wrapKey/unwrapKey,
 * PBKDF2, HKDF, non-extractable ECDSA) and IndexedDB through `idb`.
 */
describe('@zhengzhao/wallet in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFiles>>;
  let result: { cases: WalletSelfTestCase[]; defaultSetUpMs: number };

  beforeAll(async () => {
    const script = await bundleForBrowser(fileURLToPath(new URL('./wallet-selftest.entry.ts', import.meta.url)));
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
    await page.waitForFunction(() => 'runWalletSelfTest' in globalThis, undefined, { timeout: 20_000 });
    result = await page.evaluate(() =>
      (
        globalThis as unknown as {
          runWalletSelfTest: () => Promise<{ cases: WalletSelfTestCase[]; defaultSetUpMs: number }>;
        }
      ).runWalletSelfTest(),
    );
    expect(errors).toEqual([]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ran every case', () => {
    expect(result.cases.length).toBeGreaterThanOrEqual(9);
  });

  it('passes every case', () => {
    expect(result.cases.filter((c) => !c.ok)).toEqual([]);
  });

  it('sets up with 600,000 PBKDF2 iterations in well under the test timeout', () => {
    const unlock = result.cases.find((c) => c.name.startsWith('default PIN unlock'))?.name;
    console.info(`Chromium: set-up with the default PIN cost took ${Math.round(result.defaultSetUpMs)} ms; ${unlock}`);
    expect(result.defaultSetUpMs).toBeGreaterThan(0);
    expect(result.defaultSetUpMs).toBeLessThan(20_000);
  });
});
