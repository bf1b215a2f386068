import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deviceEngagementQr,
  encodeDeviceEngagement,
  getQrPurpose,
  RESIDENT_ID_TYPE_ID,
  websocketRelayRetrievalMethod,
} from '@zhengzhao/core';
import { type RunningRelay, startRelay } from '@zhengzhao/relay';
import { createLogger } from '@zhengzhao/server-kit';
import { createTestAuthority, freePort } from '@zhengzhao/test-kit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from './build-web-app.js';
import { launchChromium } from './chromium.js';
import { type CounterFixture, createCounterFixture, STATUS_INDEX } from './verifier-web-fixtures.js';
import {
  approveAll,
  createProximityHolder,
  createReaderFixture,
  type ProximityHolder,
  READER_ORGANISATION,
  type ReaderFixture,
  startTestHolder,
  type TestHolderSession,
} from './verifier-web-proximity-fixtures.js';
import { type CounterServer, serveCounterApp } from './verifier-web-server.js';
import { qrVideoY4m } from './verifier-web-y4m.js';

/** server-kit's default CSP, with WebSocket connections to relays on this host (any port). */
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://127.0.0.1:*; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The counter app's proximity mode (Zhengzhao issue 5 §2) in Chromium: a real relay
 * (`@zhengzhao/relay`), the holder's side run in Node by the wallet engine
 * (`startProximitySession` over `ws`), an mdoc with a portrait issued by the same test authority
 * as the counter's trust bundle, and the counter's reader key from reader.json served next to the
 * app. The holder's engagement QR text goes into the scanner field (and once in front of the
 * fake camera); the holder approves or declines in Node.
 */
describe('counter app: proximity sessions over the relay, in Chromium', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'zz-counter-proximity-'));
  const platformNow = new Date();
  let dist: string;
  let relay: RunningRelay;
  let fixture: CounterFixture;
  let reader: ReaderFixture;
  let holder: ProximityHolder;
  let server: CounterServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sessions: TestHolderSession[] = [];
  const browsers: Browser[] = [];

  beforeAll(async () => {
    dist = await buildWebApp('apps/verifier-web');
    relay = await startRelay({ port: 0, logger: createLogger({ name: 'relay', level: 'silent' }) });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    fixture = await createCounterFixture(origin);
    reader = await createReaderFixture(fixture.platform, platformNow);
    holder = await createProximityHolder(fixture.platform, fixture.authority, {
      now: platformNow,
      status: { idx: STATUS_INDEX.valid, uri: `${origin}${fixture.statusPath}` },
    });
    server = await serveCounterApp({
      dist,
      port,
      contentSecurityPolicy: CSP,
      files: {
        '/trust.json': { type: 'application/json', body: fixture.trustBundle },
        [fixture.statusPath]: { type: 'application/statuslist+jwt', body: fixture.statusToken },
        '/reader.json': { type: 'application/json', body: reader.readerJson() },
        '/bad-reader.json': {
          type: 'application/json',
          body: reader.readerJson({ private_key_jwk: { ...reader.privateJwk, kty: 'RSA' } }),
        },
      },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const test of sessions) test.session.close();
    for (const context of contexts) await context.close().catch(() => undefined);
    for (const extra of browsers) await extra.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await relay?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A fresh profile on the app with page errors collected; waits for the trust list and the reader config. */
  async function openApp(path = '/', errors: string[] = [], on: Browser = browser): Promise<Page> {
    const context = await on.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      const cspEvalProbe = /unsafe-eval|'script-src' was not explicitly set/.test(text);
      if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !cspEvalProbe) errors.push(text);
    });
    await page.goto(`${server.url}${path}`);
    await page.locator('#refresh-state', { hasText: '已刷新' }).waitFor({ timeout: 20_000 });
    await page.locator('#reader-status:not([data-reader="loading"])').waitFor();
    return page;
  }

  async function holderSession(trust = reader.holderTrust): Promise<TestHolderSession> {
    const test = await startTestHolder(fixture.platform, relay.wsUrl, trust);
    sessions.push(test);
    return test;
  }

  async function typeIntoScanner(page: Page, text: string): Promise<void> {
    await page.fill('#qr-text', text);
    await page.press('#qr-text', 'Enter');
  }

  async function finalVerdict(page: Page): Promise<string> {
    await page
      .locator('#verdict[data-verdict="pass"], #verdict[data-verdict="fail"], #verdict[data-verdict="insufficient"]')
      .waitFor({
        timeout: 20_000,
      });
    return (await page.getAttribute('#verdict', 'data-verdict')) ?? '';
  }

  it('text field: a signed request, the wallet trusts the counter, the holder approves → green with the large portrait and the data', async () => {
    const errors: string[] = [];
    const page = await openApp('/', errors);
    expect(await page.getAttribute('#reader-status', 'data-reader')).toBe('ready');
    expect(await page.textContent('#reader-status')).toContain('正照测试酒店');
    const test = await holderSession();
    await typeIntoScanner(page, test.engagementQr);

    // the wallet sees who asks (reader authentication) and exactly what: the hotel set and the portrait, none retained
    const request = await test.request;
    expect(request.reader).toMatchObject({ trusted: true, organisation: reader.certificateOrganisation });
    expect(request.reader.errorCode).toBeUndefined();
    const asked = request.documents[0]?.elements[RESIDENT_ID_TYPE_ID] ?? [];
    expect(asked.map((element) => element.identifier).sort()).toEqual(
      [...getQrPurpose(RESIDENT_ID_TYPE_ID, 'hotel').elements, 'portrait'].sort(),
    );
    expect(asked.every((element) => element.intentToRetain === false)).toBe(true);
    // meanwhile the counter says it waits for the holder's approval
    await page.locator('#verdict[data-verdict="waiting"]').waitFor();
    expect(await page.textContent('#verdict')).toContain('请持证人在手机上查看并同意');
    expect(await page.textContent('#proximity-progress li[aria-current="step"]')).toContain(
      '请持证人在手机上查看并同意',
    );
    expect(await page.textContent('#proximity-requested')).toContain('照片');

    await approveAll(holder, test);
    expect(await finalVerdict(page)).toBe('pass');
    expect(await page.textContent('#verdict')).toContain('核验通过');
    const size = await page.$eval('#portrait', (img) => {
      const image = img as HTMLImageElement;
      return { natural: image.naturalWidth, shown: image.getBoundingClientRect().width };
    });
    expect(size.natural).toBe(240);
    expect(size.shown).toBeGreaterThanOrEqual(300);
    expect(await page.textContent('[data-element="full_name"] dd')).toBe('陈小红');
    expect(await page.textContent('[data-element="id_number"] dd')).toMatch(/^44010619900307124[\dX]$/);
    expect(await page.textContent('[data-element="resident_address"] dd')).toContain('广州市');
    expect(await page.textContent('#issuer')).toBe('广东省公安厅（测试）');
    expect(await page.textContent('#reader-auth')).toBe(`已签名（${READER_ORGANISATION['zh-CN']}）`);
    expect(await page.textContent('#facts')).toContain('mdoc 设备响应');
    for (const check of ['trust_chain', 'issuer_signature', 'digests', 'status', 'device_binding']) {
      expect(await page.getAttribute(`[data-check="${check}"]`, 'data-outcome'), check).toBe('ok');
    }
    expect(await test.ended).toEqual({ reason: 'responded' });

    // the same engagement code again is refused at once (one session per code)
    await typeIntoScanner(page, test.engagementQr);
    await page.locator('#error-code', { hasText: 'ERR_SESSION_STATE' }).waitFor();
    expect(await page.textContent('#verdict-reason')).toContain('已经用过');
    expect(errors).toEqual([]);
  }, 60_000);

  it('the holder declines → red with a clear reason (zh-CN and English); cancel ends a waiting session', async () => {
    const page = await openApp();
    const declined = await holderSession();
    await typeIntoScanner(page, declined.engagementQr);
    await declined.request;
    await declined.session.decline();
    expect(await finalVerdict(page)).toBe('fail');
    expect(await page.textContent('#verdict-reason')).toContain('持证人在手机上拒绝了本次近距离核验请求');
    expect(await page.textContent('#error-code')).toContain('ERR_PROXIMITY_HOLDER_ENDED');
    expect(await page.locator('#claims').count()).toBe(0);

    await page.click('#language');
    const again = await holderSession();
    await typeIntoScanner(page, again.engagementQr);
    await again.request;
    await again.session.decline();
    await page.locator('#verdict-reason', { hasText: 'The holder declined the request on the phone' }).waitFor();
    expect(await page.textContent('#verdict')).toContain('Not verified');

    // the clerk gives up while the holder is still reading: the session ends on both sides
    const abandoned = await holderSession();
    await typeIntoScanner(page, abandoned.engagementQr);
    await abandoned.request;
    await page.locator('#verdict[data-verdict="waiting"]').waitFor();
    expect(await page.textContent('#verdict')).toContain('Waiting for the holder');
    await page.click('#proximity-cancel');
    await page.locator('#verdict[data-verdict="idle"]').waitFor();
    expect((await abandoned.ended).reason).toBe('failed');
    expect(await page.locator('#proximity-progress').count()).toBe(0);
  }, 60_000);

  it('image upload of the engagement QR; an issuer outside the trust list → red, “not trusted”; a relay that is gone → red', async () => {
    const page = await openApp();
    const stranger = await createTestAuthority({ platform: fixture.platform, suite: 'ES256', now: platformNow });
    const strangersCredential = await createProximityHolder(fixture.platform, stranger, { now: platformNow });
    const test = await holderSession();
    // a screenshot of the holder's engagement QR (byte mode: `mdoc:` is lower case)
    const png = await QRCode.toBuffer([{ data: Buffer.from(test.engagementQr), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
      scale: 4,
    });
    await page.setInputFiles('#qr-image', { name: 'engagement.png', mimeType: 'image/png', buffer: png });
    await approveAll(strangersCredential, test);
    expect(await finalVerdict(page)).toBe('fail');
    expect(await page.getAttribute('[data-check="trust_chain"]', 'data-outcome')).toBe('failed');
    expect(await page.textContent('#verdict-reason')).toMatch(/签发机构(不可信|不在本机的信任列表中)/);
    expect(await page.locator('#claims').count()).toBe(0);
    expect(await page.locator('#portrait').count()).toBe(0);

    const { publicKey } = await (
      fixture.platform.session as NonNullable<typeof fixture.platform.session>
    ).generateEcdhKeyPair();
    const deadRelay = deviceEngagementQr(
      encodeDeviceEngagement({
        eDeviceKey: { suite: 'ES256', point: publicKey },
        retrievalMethods: [
          websocketRelayRetrievalMethod(`ws://127.0.0.1:${await freePort()}/s/AAAAAAAAAAAAAAAAAAAAAA`),
        ],
      }),
    );
    await typeIntoScanner(page, deadRelay);
    await page.locator('#error-code', { hasText: 'ERR_PROXIMITY_RELAY_CLOSED' }).waitFor({ timeout: 20_000 });
    expect(await page.textContent('#verdict-reason')).toContain('与中继服务的连接断开了');
  }, 60_000);

  it('without reader.json the clerk is told the wallet will likely refuse, and the request goes unsigned; a bad one is named', async () => {
    const page = await openApp('/?reader=absent.json');
    expect(await page.getAttribute('#reader-status', 'data-reader')).toBe('missing');
    expect(await page.textContent('#reader-status')).toContain('持证人手机很可能会拒绝');
    const test = await holderSession();
    await typeIntoScanner(page, test.engagementQr);
    expect((await test.request).reader).toEqual({ trusted: false, errorCode: 'ERR_SESSION_READER_AUTH_MISSING' });
    // this test holder agrees anyway
    await approveAll(holder, test);
    expect(await finalVerdict(page)).toBe('pass');
    expect(await page.textContent('#reader-auth')).toBe('未签名');

    const bad = await openApp('/?reader=bad-reader.json');
    expect(await bad.getAttribute('#reader-status', 'data-reader')).toBe('invalid');
    expect(await bad.textContent('#reader-status')).toContain('ERR_READER_CONFIG_INVALID');
    expect(server.hits.get('/bad-reader.json')).toBe(1);
  }, 60_000);

  it('camera: the engagement QR in front of the camera starts the session; the code still in view does not start another', async () => {
    const test = await holderSession();
    const video = join(workDir, 'engagement.y4m');
    writeFileSync(
      video,
      qrVideoY4m([{ frames: 2 }, { text: test.engagementQr, frames: 20, mode: 'byte' }], { framesPerSecond: 5 }),
    );
    const cameraBrowser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    browsers.push(cameraBrowser);
    const errors: string[] = [];
    const page = await openApp('/', errors, cameraBrowser);
    await page.click('#camera-start', { timeout: 2000 }).catch(() => undefined);
    await page.locator('#camera-stop').waitFor();
    expect((await test.request).reader.trusted).toBe(true);
    await approveAll(holder, test);
    expect(await finalVerdict(page)).toBe('pass');
    await page.locator('#portrait').waitFor();
    // the looped video keeps showing the used code: after the same-code gap (3 s) nothing new starts
    await page.waitForTimeout(4000);
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('pass');
    expect(await page.evaluate(() => performance.getEntriesByName('zz:scan-to-verdict').length)).toBe(1);
    expect(errors).toEqual([]);
  }, 90_000);
});
