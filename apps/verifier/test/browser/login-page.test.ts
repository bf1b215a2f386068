import jsQRModule from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test/browser/chromium.js';
import { createFixture, type Fixture, PERSON } from '../helpers/fixture.js';
import { pathOf, postResponse, walletAnswer, walletReadRequest } from '../helpers/wallet.js';

// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object,
// while Vite's interop hands over the function itself.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ??
  jsQRModule) as unknown as typeof jsQRModule.default;

/**
 * The demo login page in real Chromium: it shows a QR code (decoded here from the rendered
 * pixels) and a same-device link, polls, and shows "已登录" with the verified name only, once a
 * wallet (in Node, with the core holder functions) has answered.
 */
describe('the demo login page in Chromium', () => {
  let f: Fixture;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    f = await createFixture();
    url = await f.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await f?.app.close();
  });

  function watch(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return errors;
  }

  async function qrText(page: Page): Promise<string> {
    await page.locator('#qr').waitFor({ state: 'visible' });
    const size = 256;
    const base64 = await page.evaluate(async (side) => {
      const img = document.getElementById('qr') as HTMLImageElement;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, side, side);
      context.drawImage(img, 0, 0, side, side);
      const pixels = context.getImageData(0, 0, side, side).data;
      let binary = '';
      for (let i = 0; i < pixels.length; i += 8192) binary += String.fromCharCode(...pixels.subarray(i, i + 8192));
      return btoa(binary);
    }, size);
    const data = new Uint8ClampedArray(Buffer.from(base64, 'base64'));
    const decoded = jsQR(data, size, size);
    if (!decoded) throw new Error('no QR code found in the rendered image');
    return decoded.data;
  }

  it('cross-device: QR code → wallet answers → the page shows 已登录 and the name only', async () => {
    const page = await browser.newPage();
    const errors = watch(page);
    await page.goto(`${url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const link = await qrText(page);
    expect(link).toMatch(/^openid4vp:\/\/\?client_id=x509_san_dns%3A/);
    expect(link).toBe(await page.getAttribute('#qr', 'data-request'));
    expect(await page.getAttribute('#same-device', 'href')).toMatch(/^openid4vp:\/\//);

    const request = await walletReadRequest(f, link);
    await page.locator('#status').filter({ hasText: '已扫码' }).waitFor();
    const answer = await walletAnswer(f, request);
    expect((await postResponse(f, answer.uri, answer.body)).statusCode).toBe(200);

    await page.locator('#done').waitFor({ state: 'visible' });
    expect(await page.textContent('#done-heading')).toBe('已登录');
    expect(await page.textContent('#welcome')).toBe(`欢迎您，${PERSON.family_name}${PERSON.given_name}`);
    expect(await page.isHidden('#login')).toBe(true);
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toContain(PERSON.id_number as string);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('same-device: the link, the redirect back with response_code, and the English page', async () => {
    const page = await browser.newPage();
    const errors = watch(page);
    await page.goto(`${url}/?lang=en`);
    await page.locator('#same-device').waitFor({ state: 'visible' });
    const link = (await page.getAttribute('#same-device', 'href')) as string;
    // what the click does besides opening the wallet: remember the session for the way back
    await page.evaluate(() => {
      const a = document.getElementById('same-device') as HTMLAnchorElement;
      a.addEventListener('click', (event) => event.preventDefault());
      a.click();
    });
    const request = await walletReadRequest(f, link);
    const answer = await walletAnswer(f, request);
    const posted = await postResponse(f, answer.uri, answer.body);
    const redirect = new URL(posted.json().redirect_uri as string);
    // the redirect goes to the zh-CN page; it returns to English, where the person started
    await page.goto(`${url}${pathOf(redirect.toString())}`);
    await page.locator('#done').waitFor({ state: 'visible' });
    expect(await page.textContent('#welcome')).toBe(`Welcome, ${PERSON.family_name}${PERSON.given_name}`);
    expect(page.url()).not.toContain('response_code');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
