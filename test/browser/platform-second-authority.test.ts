import { createNodePlatform } from '@zhengzhao/crypto-node';
import type { Browser } from 'playwright-core';
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

const crypto = createNodePlatform();
const SSCARD = 'cn.gov.sscard.1';

/**
 * Zhengzhao issue 7 §1 on the platform `npm start` runs: a second kind of authority — Guangdong's
 * human-resources and social-security department — runs the same issuer code with its own keys
 * and trust-list entry. The browser wallet holds the holder's e-ID and social security card side
 * by side and presents the social security card to the hospital front desk's reader in a
 * proximity session; the reader verifies it with nothing but the national root and trust list.
 */
describe('a second authority’s licence in the wallet, verified at the counter', () => {
  let platform: StartedPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform(10);
    browser = await launchChromium();
  }, 420_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await platform?.stop();
  }, 60_000);

  it('holds the e-ID and the social security card, and presents the card to the hospital desk', async () => {
    const { context, page } = await openWalletPage(browser);
    const watched = await watchContext(context);
    try {
      const citizen = await findCitizenWithCard(platform, '44', 3);
      await setUpWallet(page, platform.urls.wallet, '314159');
      // the e-ID from the public-security authority
      const first = await activateCitizen(platform, citizen, 30_000, '44');
      await receiveCard(page, { personId: citizen.personId, cardNumber: citizen.cardNumber, ...first });
      // the second card, from the social security authority (its own activation at its issuer)
      const second = await activateCitizen(platform, citizen, 30_000, '44-rsj');
      await page.getByRole('link', { name: '添加' }).click();
      await page.getByLabel('领证链接').fill(second.offer);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.locator('input[name="tx_code"]').fill(second.txCode);
      await page.getByRole('button', { name: '领取并保存' }).click();
      await expect
        .poll(() => page.locator('[data-testid="id-card"][data-status="valid"]').count(), { timeout: 30_000 })
        .toBe(2);
      await page.getByText('社会保障卡').first().waitFor();

      // the hospital front desk asks for the social security card in a proximity session
      await page.getByRole('link', { name: '出示' }).click();
      await page.getByRole('button', { name: /近场出示/ }).click();
      const engagement = page.getByTestId('engagement-qr');
      await engagement.waitFor({ timeout: 20_000 });
      const connection = await connectTestReader(crypto, (await engagement.getAttribute('data-qr-text')) ?? '');
      const request = await createSignedDeviceRequest(
        connection,
        { [SSCARD]: { full_name: false, social_security_number: false } },
        await demoCounterReader(platform),
        SSCARD,
      );
      connection.send(await connection.session.createSessionEstablishment(request));
      await page.getByTestId('request-consent').waitFor({ timeout: 20_000 });
      const response = await approveAndReceive(page, connection);
      const counter = await nationalVerifier(platform);
      const result = await counter.verifyDeviceResponse(response, {
        sessionTranscript: connection.session.sessionTranscript,
        expectedTypes: [SSCARD],
      });
      const report = result.reports[0];
      expect(report?.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
      expect(report?.trustedIssuer?.id).toBe('cn-44-rsj');
      expect(report?.claims?.[SSCARD]?.full_name).toBe(citizen.fullName);
      expect(Object.keys(report?.claims?.[SSCARD] ?? {}).sort()).toEqual(['full_name', 'social_security_number']);
      connection.close();
      expect(watched.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
