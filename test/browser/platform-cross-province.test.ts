import { decodeBase64url, presentQr, receiveCredentials } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import {
  activateCitizen,
  findCitizenWithCard,
  type StartedPlatform,
  startPlatform,
  watchContext,
} from './platform-helpers.js';

const platformCrypto = createNodePlatform();

/**
 * Zhengzhao issue 6 §3 and §7, mutual recognition on the platform `npm start` runs: the counter
 * app pins nothing but the national root and learns every province from the signed national
 * trust list. A counter in Beijing (its own browser, its own store) verifies a Guangdong e-ID
 * QR code, and a counter in Guangdong a Beijing one — Beijing signs on the SM2 suite. Each
 * citizen is activated at their own province's issuer and receives the hotel QR credential over
 * OpenID4VCI; the holder's phone presents it (a fresh device signature) for the counter to scan.
 */
describe('cross-province recognition at the counter, on the platform that `zz start` runs', () => {
  let platform: StartedPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform(10); // the first start builds the web apps
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    const code = await platform?.stop();
    if (code !== undefined && code !== 0) process.stderr.write(`zz start exited with ${code}\n`);
  }, 60_000);

  /** A citizen of `province` activated at its issuer; the holder presents the hotel QR now. */
  async function hotelQrOf(province: string): Promise<{ text: string; fullName: string }> {
    const citizen = await findCitizenWithCard(platform, province);
    const activation = await activateCitizen(platform, citizen, 30_000, province);
    const device = await platformCrypto.suite('ES256').generateSigner();
    const received = await receiveCredentials(platformCrypto, {
      offer: activation.offer,
      txCode: activation.txCode,
      deviceSigner: device,
      configurationIds: ['eid_qr_hotel'],
      batchSize: 1,
      fetch: globalThis.fetch,
      now: () => new Date(),
    });
    const credential = received.batches[0]?.credentials[0];
    if (!credential) throw new Error(`no QR credential from province ${province}`);
    const text = await presentQr(platformCrypto, {
      credential: decodeBase64url(credential),
      deviceSigner: device,
      now: new Date(),
    });
    return { text, fullName: citizen.fullName };
  }

  /** A counter on its own device (browser context): it loads, downloads the trust list, and is ready. */
  async function openCounter(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    const watched = await watchContext(context);
    const page = await context.newPage();
    await page.goto(platform.urls.counter);
    await page.locator('#refresh-state', { hasText: '已刷新' }).waitFor({ timeout: 30_000 });
    return { page, errors: watched.errors };
  }

  async function scan(page: Page, text: string): Promise<string> {
    await page.fill('#qr-text', text); // a USB scanner types the text and presses Enter
    await page.press('#qr-text', 'Enter');
    await page.locator('#verdict:not([data-verdict="idle"]):not([data-verdict="verifying"])').waitFor();
    return (await page.getAttribute('#verdict', 'data-verdict')) ?? '';
  }

  it('a Beijing counter verifies a Guangdong e-ID, and a Guangdong counter a Beijing (SM2) one', async () => {
    const guangdong = await hotelQrOf('44');
    const beijing = await hotelQrOf('11');
    const beijingCounter = await openCounter();
    const guangdongCounter = await openCounter();
    for (const counter of [beijingCounter, guangdongCounter]) {
      // the counter holds the signed national list and says which one
      expect(await counter.page.textContent('#trust-list-version')).toMatch(/全国信任列表第 \d+ 版/);
    }

    expect(await scan(beijingCounter.page, guangdong.text)).toBe('pass');
    expect(await beijingCounter.page.textContent('#issuer')).toContain('广东省公安厅');
    expect(await beijingCounter.page.textContent('#claims')).toContain(guangdong.fullName);

    expect(await scan(guangdongCounter.page, beijing.text)).toBe('pass');
    expect(await guangdongCounter.page.textContent('#issuer')).toContain('北京市公安局');
    expect(await guangdongCounter.page.textContent('#claims')).toContain(beijing.fullName);

    // a QR from an authority outside the list is refused, in any province
    const forged = `${beijing.text.slice(0, -6)}AAAAAA`;
    expect(await scan(guangdongCounter.page, forged)).toBe('fail');
    for (const counter of [beijingCounter, guangdongCounter]) {
      expect(counter.errors.filter((error) => !/unsafe-eval|Failed to load resource/.test(error))).toEqual([]);
    }
  }, 120_000);
});
