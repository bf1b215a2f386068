import { fileURLToPath } from 'node:url';
import { STATUS_LIST_JWT_MEDIA_TYPE } from '@zhengzhao/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../../test/browser/bundle.js';
import { launchChromium } from '../../../test/browser/chromium.js';
import { serveFiles } from '../../../test/browser/serve.js';
import type { VerifierSelfTestInput, VerifierSelfTestResult } from './browser/verifier-selftest.entry.js';
import { createWorld } from './fixtures.js';

/**
 * The verifier SDK in real Chromium: its main entry and `/browser` subpath bundle without Node
 * built-ins, the IndexedDB store keeps records across store instances, and a verifier on the
 * WebCrypto platform downloads a status list once, persists it in IndexedDB, and a second
 * verifier on the same database verifies the Node-issued QR offline.
 */
describe('@zhengzhao/verifier in Chromium (IndexedDB store)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFiles>>;
  let result: VerifierSelfTestResult;
  const files: Record<string, { type: string; body: string | Uint8Array }> = {};

  beforeAll(async () => {
    const script = await bundleForBrowser(
      fileURLToPath(new URL('./browser/verifier-selftest.entry.ts', import.meta.url)),
    );
    files['/'] = {
      type: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>',
    };
    files['/app.js'] = { type: 'text/javascript', body: script };
    server = await serveFiles(files);
    const world = await createWorld();
    const statusUri = `${server.url}/status/1`;
    const token = await world.publish(statusUri);
    files['/status/1'] = { type: STATUS_LIST_JWT_MEDIA_TYPE, body: token };
    const input: VerifierSelfTestInput = {
      bundle: world.bundle,
      qr: await world.qr({ statusUri, idx: 3 }),
      now: world.clock.now().toISOString(),
    };
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'runVerifierSelfTest' in globalThis, undefined, { timeout: 20_000 });
    result = await page.evaluate(
      (arg) =>
        (
          globalThis as unknown as {
            runVerifierSelfTest: (i: VerifierSelfTestInput) => Promise<VerifierSelfTestResult>;
          }
        ).runVerifierSelfTest(arg),
      input,
    );
    expect(errors).toEqual([]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stores, lists and deletes bytes and JSON records, across store instances', () => {
    expect(result.stored).toEqual({ uri: 'https://x', n: 1 });
    expect(result.storedBytes).toEqual([7, 8, 9]);
    expect(result.namesAfterDelete).toEqual(['a.meta', 'b.token']);
    expect(result.reopened).toEqual({ uri: 'https://x', n: 1 });
    expect(result.badName).toBe('ERR_INPUT_INVALID');
  });

  it('verifies a QR online, then offline from the status list persisted in IndexedDB', () => {
    expect(result.online).toEqual({ valid: true, status: 0, stale: false });
    expect(result.offline).toEqual({ valid: true, statusAge: 30, lists: 1 });
  });
});
