import { decodeBase64url, decodeSessionData, presentQr, receiveCredentials, SESSION_STATUS } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestReader, createSignedDeviceRequest } from '../../packages/wallet/src/present/test/test-reader.js';
import { launchChromium } from './chromium.js';
import {
  activateCitizen,
  approveAndReceive,
  demoCounterReader,
  findCitizenWithCard,
  nationalVerifier,
  type StartedPlatform,
  startPlatform,
  watchContext,
} from './platform-helpers.js';
import { openWalletPage, receiveCard, setUpWallet } from './wallet-web-harness.js';

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
  }, 420_000);

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

  it('the wallet holds a Beijing (SM2) e-ID, refuses a reader asking beyond its registration, and presents within it', async () => {
    const { context, page } = await openWalletPage(browser);
    const watched = await watchContext(context);
    try {
      const citizen = await findCitizenWithCard(platform, '11', 1);
      const activation = await activateCitizen(platform, citizen, 30_000, '11');
      await setUpWallet(page, platform.urls.wallet, '161803');
      await receiveCard(page, { personId: citizen.personId, cardNumber: citizen.cardNumber, ...activation });
      await page.getByTestId('id-card').getByText(citizen.fullName).first().waitFor();

      const reader = await demoCounterReader(platform);
      const session = async (nameSpaces: Record<string, Record<string, boolean>>) => {
        await page.getByRole('link', { name: '出示' }).click();
        await page.getByRole('button', { name: /近场出示/ }).click();
        const engagement = page.getByTestId('engagement-qr');
        await engagement.waitFor({ timeout: 20_000 });
        const connection = await connectTestReader(
          platformCrypto,
          (await engagement.getAttribute('data-qr-text')) ?? '',
        );
        const request = await createSignedDeviceRequest(
          connection,
          { 'cn.gov.eid.1': nameSpaces['cn.gov.eid.1'] ?? {} },
          reader,
        );
        connection.send(await connection.session.createSessionEstablishment(request));
        await page.getByTestId('request-consent').waitFor({ timeout: 20_000 });
        return connection;
      };

      // beyond its registration (the front desk is not registered for age_over_60): refused, no override
      const overAsking = await session({ 'cn.gov.eid.1': { family_name: false, age_over_60: false } });
      const refusal = page.getByTestId('request-refused');
      await refusal.waitFor();
      expect(await refusal.getAttribute('data-code')).toBe('ERR_READER_SCOPE');
      expect(await refusal.textContent()).toContain('超出了其在国家信任名录中登记的范围');
      expect(await page.getByTestId('approve-all').isDisabled()).toBe(true);
      await page.getByTestId('decline').click();
      expect(decodeSessionData(await overAsking.next(10_000))).toEqual({ status: SESSION_STATUS.terminated });
      overAsking.close();

      // within it: the registered purpose is shown, the holder shares, the counter verifies with the national root only
      await page.getByRole('button', { name: '重新开始' }).click();
      const within = await session({ 'cn.gov.eid.1': { family_name: false, given_name: false } });
      const consent = page.getByTestId('request-consent');
      expect(await consent.getAttribute('data-trusted')).toBe('true');
      await consent.getByText('旅馆住宿登记、乘车及寄递实名登记、年龄核验').waitFor();
      const response = await approveAndReceive(page, within);
      const counter = await nationalVerifier(platform);
      const result = await counter.verifyDeviceResponse(response, {
        sessionTranscript: within.session.sessionTranscript,
      });
      const report = result.reports[0];
      expect(report?.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
      expect(report?.issuer?.suite).toBe('SM2');
      expect(report?.trustedIssuer?.id).toBe('cn-11-gat');
      expect(Object.keys(report?.claims?.['cn.gov.eid.1'] ?? {}).sort()).toEqual(['family_name', 'given_name']);
      within.close();
      expect(watched.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
