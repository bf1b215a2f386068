import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@zhengzhao/test-kit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from './build-web-app.js';
import { launchChromium } from './chromium.js';
import { type CounterFixture, createCounterFixture, STATUS_INDEX } from './verifier-web-fixtures.js';
import { type CounterServer, serveCounterApp } from './verifier-web-server.js';
import { qrVideoY4m } from './verifier-web-y4m.js';

/**
 * The counter app (apps/verifier-web) built with Vite and driven in Chromium through its real
 * UI: a fake camera showing a QR code drawn into a YUV4MPEG2 file, an image upload, and the
 * text field a USB scanner types into. The credentials are real: issued by a test authority,
 * presented as ZZ1 QR codes, checked against the trust bundle and a signed status list that the
 * same server serves next to the app.
 */
describe('counter app (apps/verifier-web) in Chromium', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'zz-counter-'));
  let dist: string;
  let fixture: CounterFixture;
  let server: CounterServer;
  /** With the fake camera (which the app starts by itself, as permission is granted). */
  let cameraBrowser: Browser;
  /** Without a camera, so no code from the fake camera mixes into the other cases. */
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const filesFor = (f: CounterFixture) => ({
    '/trust.json': { type: 'application/json', body: f.trustBundle },
    [f.statusPath]: { type: 'application/statuslist+jwt', body: f.statusToken },
  });

  beforeAll(async () => {
    dist = await buildWebApp('apps/verifier-web');
    const port = await freePort();
    fixture = await createCounterFixture(`http://127.0.0.1:${port}`);
    server = await serveCounterApp({ dist, port, files: filesFor(fixture) });
    // The fake camera shows two holders' valid hotel QR codes made now, one after the other (their
    // freshness window, 120 s, covers the test): the first scan runs cold, the second warm.
    const video = join(workDir, 'qr.y4m');
    const [first, second] = [
      await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid }),
      await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid }),
    ];
    writeFileSync(
      video,
      qrVideoY4m(
        [{ frames: 2 }, { text: first, frames: 10 }, { frames: 5 }, { text: second, frames: 10 }, { frames: 5 }],
        { framesPerSecond: 5 },
      ),
    );
    cameraBrowser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await cameraBrowser?.close();
    await server?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A fresh browser profile on the app, with page errors collected; waits until the trust list is loaded. */
  async function openApp(url: string, errors: string[] = [], on: Browser = browser): Promise<Page> {
    const context = await on.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      // cbor-x probes `Function('')` once and falls back when the CSP (no 'unsafe-eval') refuses it.
      const cspEvalProbe = /unsafe-eval|'script-src' was not explicitly set/.test(text);
      if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !cspEvalProbe) errors.push(text);
    });
    await page.goto(url);
    await page.locator('#refresh-state', { hasText: '已刷新' }).waitFor({ timeout: 20_000 });
    return page;
  }

  async function verdictOf(page: Page): Promise<string> {
    await page.locator('#verdict:not([data-verdict="idle"]):not([data-verdict="verifying"])').waitFor();
    return (await page.getAttribute('#verdict', 'data-verdict')) ?? '';
  }

  async function typeIntoScanner(page: Page, text: string): Promise<void> {
    // A USB scanner is a keyboard: it types the text and presses Enter.
    await page.fill('#qr-text', text);
    await page.press('#qr-text', 'Enter');
  }

  it('camera: a valid hotel QR in front of the camera turns the verdict green, with the data and the issuer', async () => {
    const errors: string[] = [];
    const page = await openApp(server.url, errors, cameraBrowser);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('证照核验');
    // The app starts the camera by itself once permission is granted; otherwise the button does.
    await page.click('#camera-start', { timeout: 2000 }).catch(() => undefined);
    await page.locator('#camera-stop').waitFor();
    expect(await verdictOf(page)).toBe('pass');
    expect(await page.textContent('#verdict')).toContain('核验通过');
    expect(await page.textContent('#coverage')).toContain('酒店入住登记');
    expect(await page.textContent('[data-element="full_name"] dd')).toBe('陈小红');
    expect(await page.textContent('[data-element="sex"] dd')).toBe('女');
    expect(await page.textContent('[data-element="ethnicity"] dd')).toBe('汉族');
    expect(await page.textContent('#issuer')).toBe('广东省公安厅（测试）');
    expect(await page.textContent('#credential-type')).toBe('居民身份证');
    const outcomes = await page.$$eval('#checks [data-check]', (items) =>
      items.map((item) => `${item.getAttribute('data-check')}:${item.getAttribute('data-outcome')}`),
    );
    expect(outcomes).toEqual([
      'trust_chain:ok',
      'issuer_signature:ok',
      'doc_type:ok',
      'validity:ok',
      'status:ok',
      'device_binding:ok',
      'freshness:ok',
    ]);
    expect(await page.textContent('#result-cache')).toMatch(/信任列表：\d+秒前更新/);

    // the second holder's code follows: measured on the warm path (decoder, trust chain, status list)
    await page.waitForFunction(() => performance.getEntriesByName('zz:scan-to-verdict').length >= 2, undefined, {
      timeout: 20_000,
    });
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('pass');
    const timings = await page.evaluate(() =>
      Object.fromEntries(
        ['zz:scan-to-verdict', 'zz:frame-to-decoded', 'zz:verify'].map((name) => [
          name,
          performance.getEntriesByName(name).map((entry) => Math.round(entry.duration * 10) / 10),
        ]),
      ),
    );
    const [cold, warm] = timings['zz:scan-to-verdict'] ?? [];
    process.stdout.write(
      `counter app: camera frame holding the code → verdict on screen: first holder ${cold} ms (cold: first status list download), next holder ${warm} ms (target ≤ 300 ms) ${JSON.stringify(timings)}\n`,
    );
    expect(cold).toBeGreaterThan(0);
    expect(warm).toBeGreaterThan(0);
    // generous bounds: this machine is shared; the figures above are what to read
    expect(cold).toBeLessThan(5000);
    expect(warm).toBeLessThan(2000);
    expect(errors).toEqual([]);
  }, 60_000);

  it('image upload: a revoked credential is red with its status code and plain reason', async () => {
    const page = await openApp(server.url);
    const text = await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.revoked });
    const png = await QRCode.toBuffer([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', scale: 4 });
    await page.setInputFiles('#qr-image', { name: 'qr.png', mimeType: 'image/png', buffer: png });
    expect(await verdictOf(page)).toBe('fail');
    expect(await page.textContent('#verdict')).toContain('证照已被注销');
    expect(await page.textContent('#error-code')).toContain('ERR_STATUS_REVOKED');
    expect(await page.getAttribute('[data-check="status"]', 'data-outcome')).toBe('failed');
    expect(await page.locator('#claims').count()).toBe(0);

    // a suspended one (phone reported lost) has its own reason
    await typeIntoScanner(page, await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.suspended }));
    await page.locator('#error-code', { hasText: 'ERR_STATUS_SUSPENDED' }).waitFor();
    expect(await page.textContent('#verdict')).toContain('暂停使用');
  }, 60_000);

  it('text field: a QR older than the freshness window is red (ERR_FRESHNESS_STALE), no data shown', async () => {
    const page = await openApp(server.url);
    const old = await fixture.present({
      purpose: 'hotel',
      statusIndex: STATUS_INDEX.valid,
      at: new Date(Date.now() - 10 * 60_000),
    });
    await typeIntoScanner(page, old);
    expect(await verdictOf(page)).toBe('fail');
    expect(await page.textContent('#error-code')).toContain('ERR_FRESHNESS_STALE');
    expect(await page.textContent('#verdict')).toContain('二维码已过期');
    expect(await page.getAttribute('[data-check="freshness"]', 'data-outcome')).toBe('failed');
    expect(await page.locator('#claims').count()).toBe(0);
    // the scanner field is cleared and keeps the focus for the next code
    expect(await page.inputValue('#qr-text')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('qr-text');
  }, 60_000);

  it('text field and purposes: boarding accepts name + number; hotel says what is missing; age check; portrait', async () => {
    const page = await openApp(server.url);
    await page.check('#purpose-boarding');
    await typeIntoScanner(page, await fixture.present({ purpose: 'identity_basic', statusIndex: STATUS_INDEX.valid }));
    expect(await verdictOf(page)).toBe('pass');
    expect(await page.textContent('[data-element="id_number"] dd')).toMatch(/^44010619900307124[\dX]$/);

    // the same presentation does not cover the hotel register: the verdict changes with the preset
    await page.check('#purpose-hotel');
    await page.locator('#verdict[data-verdict="insufficient"]').waitFor();
    const reason = await page.textContent('#verdict-reason');
    expect(reason).toContain('缺少「酒店入住登记」所需信息');
    expect(reason).toContain('住址');

    // internet café: name + number + adulthood, which the number's birth date proves
    await page.check('#purpose-internet_cafe');
    await page.locator('#verdict[data-verdict="pass"]').waitFor();

    // age check with the minimal age_over_18 QR (no name, no number, no status reference)
    await page.check('#purpose-age');
    await typeIntoScanner(page, await fixture.present({ purpose: 'age_over_18' }));
    expect(await verdictOf(page)).toBe('pass');
    expect(await page.textContent('[data-element="age_over_18"] dd')).toBe('是');
    expect(await page.locator('[data-element="full_name"]').count()).toBe(0);
    expect(await page.getAttribute('[data-check="status"]', 'data-outcome')).toBe('skipped');

    // hotel with portrait: the signed thumbnail is shown large
    await page.check('#purpose-hotel');
    await typeIntoScanner(
      page,
      await fixture.present({ purpose: 'hotel_with_portrait', statusIndex: STATUS_INDEX.valid }),
    );
    await page.locator('#portrait').waitFor();
    const size = await page.$eval('#portrait', (img) => {
      const image = img as HTMLImageElement;
      return { natural: image.naturalWidth, shown: image.getBoundingClientRect().width };
    });
    expect(size.natural).toBe(96);
    expect(size.shown).toBeGreaterThanOrEqual(192);
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('pass');
  }, 60_000);

  it('foreign QR codes (a link, a payment code, a proximity code, garbage) are red with a clear reason, no crash', async () => {
    const errors: string[] = [];
    const page = await openApp(server.url, errors);
    const cases: [string, string][] = [
      ['https://example.com/menu?table=12', '网址二维码'],
      ['wxp://f2f0abcdefghijklmnopqrstuvwxyz', '付款码'],
      ['134567890123456789', '付款码'],
      ['mdoc:owBjMS4wAYIB2BhYS6QBAiABIVggAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '近距离核验'],
      ['hello world', '不是电子证照二维码'],
      ['ZZ1:THIS IS NOT BASE45 AT ALL', '二维码内容损坏'],
    ];
    for (const [text, expected] of cases) {
      await typeIntoScanner(page, text);
      await page.locator('#verdict-reason', { hasText: expected }).waitFor({ timeout: 10_000 });
      expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('fail');
    }
    // a real one still works afterwards
    await typeIntoScanner(page, await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid }));
    await page.locator('#verdict[data-verdict="pass"]').waitFor();
    // a picture without a QR code, and a file that is no picture at all
    const white = new PNG({ width: 120, height: 90 });
    white.data.fill(255);
    await page.setInputFiles('#qr-image', { name: 'white.png', mimeType: 'image/png', buffer: PNG.sync.write(white) });
    await page.locator('#verdict-reason', { hasText: '图片中未找到二维码' }).waitFor();
    await page.setInputFiles('#qr-image', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('no picture'),
    });
    await page.locator('#verdict-reason', { hasText: '无法读取这张图片' }).waitFor();
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('fail');
    expect(errors).toEqual([]);
  }, 60_000);

  it('English and large text: the switch changes every label and the document language', async () => {
    const page = await openApp(server.url);
    await page.click('#language');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('E-ID check');
    await page.check('#large-text');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    const rootSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootSize).toBeGreaterThanOrEqual(22);
    await typeIntoScanner(page, await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.revoked }));
    await page.locator('#verdict-reason', { hasText: 'revoked' }).waitFor();
    expect(await page.textContent('#verdict')).toContain('Not verified');
    // the choice is kept on the device
    await page.reload();
    expect(await page.textContent('h1')).toBe('E-ID check');
    expect(await page.isChecked('#large-text')).toBe(true);
  }, 60_000);

  it('stale data: a day later without a refresh the verdict is red and says why; “refresh” makes it green again', async () => {
    const page = await openApp(server.url);
    // The counter was left a day and an hour without a refresh (the SDK's limit is one day).
    const later = new Date(Date.now() + 25 * 3_600_000);
    await page.clock.setFixedTime(later);
    await typeIntoScanner(
      page,
      await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid, at: later }),
    );
    expect(await verdictOf(page)).toBe('fail');
    expect(await page.textContent('#error-code')).toContain('ERR_VERIFIER_CACHE_STALE');
    expect(await page.textContent('#verdict-reason')).toContain('太旧');
    expect(await page.textContent('#result-cache')).toContain('数据已过期');
    expect(await page.locator('#claims').count()).toBe(0);
    expect(await page.textContent('#stale-warning')).toContain('数据已过期');

    await page.click('#refresh');
    await page.locator('#refresh-state', { hasText: '已刷新' }).waitFor();
    expect(await page.locator('#stale-warning').count()).toBe(0);
    await typeIntoScanner(
      page,
      await fixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid, at: later }),
    );
    await page.locator('#verdict[data-verdict="pass"]').waitFor();
  }, 60_000);

  it('offline: after one visit the service worker opens the app with the network cut, and it verifies from its cache', async () => {
    // A server of its own (its own origin: a new service worker and IndexedDB), stopped below.
    const port = await freePort();
    const offlineFixture = await createCounterFixture(`http://127.0.0.1:${port}`);
    const own = await serveCounterApp({ dist, port, files: filesFor(offlineFixture) });
    const errors: string[] = [];
    try {
      const page = await openApp(`${own.url}/?trust=trust.json`, errors);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
      // first verification online: the status list is downloaded and stored
      await typeIntoScanner(page, await offlineFixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid }));
      expect(await verdictOf(page)).toBe('pass');
      expect(own.hits.get(offlineFixture.statusPath)).toBeGreaterThanOrEqual(1);

      // cut the network: the browser is offline and the server is gone
      await page.context().setOffline(true);
      await own.close();
      await page.reload();
      await page.locator('h1', { hasText: '证照核验' }).waitFor();
      await page.locator('#refresh-state', { hasText: '刷新失败' }).waitFor({ timeout: 20_000 });
      expect(await page.textContent('#network-state')).toBe('离线');
      expect(await page.textContent('#trust-age')).toMatch(/\d+(秒|分钟)前更新/);

      await typeIntoScanner(page, await offlineFixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.valid }));
      expect(await verdictOf(page)).toBe('pass');
      expect(await page.getAttribute('[data-check="status"]', 'data-outcome')).toBe('ok');
      await typeIntoScanner(
        page,
        await offlineFixture.present({ purpose: 'hotel', statusIndex: STATUS_INDEX.revoked }),
      );
      await page.locator('#error-code', { hasText: 'ERR_STATUS_REVOKED' }).waitFor();
      expect(errors.filter((error) => !/Failed to fetch|NetworkError|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual(
        [],
      );
    } finally {
      await own.close().catch(() => undefined);
    }
  }, 90_000);
});
