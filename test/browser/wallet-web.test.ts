import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSessionData, encodeCertificatePem, SESSION_STATUS, verifyPresentation } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import jsQRModule from 'jsqr';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRelyingParty, type TestRelyingParty } from '../../packages/wallet/src/present/test/relying-party.js';
import { connectTestReader, createSignedDeviceRequest } from '../../packages/wallet/src/present/test/test-reader.js';
import {
  startTestVerifier,
  VERIFIER_HOST,
  ORIGIN as VERIFIER_ORIGIN,
} from '../../packages/wallet/src/present/test/test-verifier.js';
import { launchChromium } from './chromium.js';
import {
  buildWalletForProduction,
  type ClerkSlip,
  initialLoadGzipBytes,
  openWalletPage,
  startWalletPlatform,
  type WalletPlatform,
} from './wallet-web-harness.js';

// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const jsQR = jsQRModule.default;
// ZZ_SCREENSHOTS=1 refreshes the pictures in docs/screenshots; otherwise they go to a temp folder
const SCREENSHOTS = process.env.ZZ_SCREENSHOTS
  ? join(process.cwd(), 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'zz-wallet-shots-'));
const PIN = '314159';
const node = createNodePlatform();

/** Decodes the QR code as it is drawn on screen (an element screenshot), not the data attribute. */
async function visibleQrText(page: Page, selector: string): Promise<string> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    png.width,
    png.height,
  );
  if (!found) throw new Error('no QR code on screen');
  return found.data;
}

/**
 * The holder wallet PWA (Zhengzhao issue 4) in Chromium against a real registry and issuer:
 * first run with PIN and a (virtual) platform authenticator with PRF, activation with the card
 * number and the clerk's one-time code (the offer's tx_code pre-filled), receiving a pasted offer
 * over OpenID4VCI with a typed tx_code, an offline QR that verifies in Node, revocation and re-issue after a change at
 * the registry, lock/unlock, the log, and opening offline.
 */
describe('wallet web app (zh-CN PWA) against the registry and the issuer', () => {
  let dist: string;
  let platform: WalletPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  let activation: ClerkSlip;
  let firstQr = '';
  let hotel: TestRelyingParty;
  let shop: TestRelyingParty;
  const errors: string[] = [];

  beforeAll(async () => {
    dist = await buildWalletForProduction();
    hotel = await createTestRelyingParty({
      platform: node,
      now: new Date(),
      organisation: '广州白云宾馆',
      commonName: '前台核验终端',
    });
    shop = await createTestRelyingParty({
      platform: node,
      now: new Date(),
      host: VERIFIER_HOST,
      organisation: '深圳市网吧管理平台',
      commonName: VERIFIER_HOST,
    });
    platform = await startWalletPlatform({
      distDir: dist,
      relay: true,
      relyingPartyRootsPem: [encodeCertificatePem(hotel.rootDer), encodeCertificatePem(shop.rootDer)],
    });
    browser = await launchChromium();
    ({ context, page, cdp, authenticatorId } = await openWalletPage(browser));
    page.on('pageerror', (error) => errors.push(error.message));
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await platform?.close();
  });

  it('first run: sets a PIN and enrols the platform authenticator (WebAuthn PRF)', async () => {
    await page.goto(platform.walletUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByTestId('first-run').waitFor();
    await expect.poll(() => page.isChecked('#enrol-biometric'), { timeout: 5_000 }).toBe(true);

    // a PIN that is too short is refused before anything is stored
    await page.getByLabel('数字密码', { exact: true }).fill('1234');
    await page.getByLabel('再次输入数字密码').fill('1234');
    await page.getByRole('button', { name: '创建钱包' }).click();
    await page.getByText('数字密码至少需要 6 位。').waitFor();

    await page.getByLabel('数字密码', { exact: true }).fill(PIN);
    await page.getByLabel('再次输入数字密码').fill(PIN);
    await page.getByRole('button', { name: '创建钱包' }).click();
    await page.getByTestId('cards-screen').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('我的证件');

    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
  }, 60_000);

  it('activates with the card number and the clerk’s code: a wrong code is said in words; the tx_code comes pre-filled; the card shows 有效', async () => {
    activation = await platform.clerkSlip();
    await page.getByRole('link', { name: '添加' }).click();
    const form = page.getByTestId('activation-form');
    await page.getByRole('heading', { name: '用身份证激活' }).waitFor();
    // the issuer address comes from wallet-config.json, tucked away under 高级设置
    const advanced = form.locator('details.advanced');
    expect(await advanced.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await form.getByLabel('签发机关地址').inputValue()).toBe(platform.issuerUrl);
    expect(await form.getByRole('button', { name: '激活并领取' }).isDisabled()).toBe(true);

    // typed as on a phone: lower case, spaces; the form makes it the registry's shape
    await form.getByLabel(/证件卡号/).fill(activation.cardNumber.toLowerCase().replace(/(.{4})/g, '$1 '));
    expect(await form.getByLabel(/证件卡号/).inputValue()).toBe(activation.cardNumber);
    const wrongCode = activation.activationCode.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    await form.getByLabel('激活码').fill(wrongCode);
    await form.getByRole('button', { name: '激活并领取' }).click();
    const error = page.getByTestId('activation-error');
    await expect
      .poll(() => error.getAttribute('data-error-code'), { timeout: 20_000 })
      .toBe('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
    expect(await error.textContent()).toBe('证件卡号或激活码不正确。每个激活码只能使用一次，请核对后重试。');
    expect(await form.getByLabel('激活码').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-activate.png'), fullPage: true });

    await form.getByLabel('激活码').fill(activation.activationCode);
    await form.getByRole('button', { name: '激活并领取' }).click();
    await page.getByTestId('offer-preview').waitFor({ timeout: 20_000 });
    expect((await page.getByTestId('offer-issuer').textContent())?.length).toBeGreaterThan(0);
    await page.getByTestId('offer-preview').getByText('居民身份证', { exact: true }).waitFor();
    // the tx_code came from the issuer with the offer: filled in, and said so
    await page.getByTestId('tx-code-prefilled').waitFor();
    const txCode = page.locator('input[name="tx_code"]');
    expect(await txCode.inputValue()).toMatch(/^\d{6}$/);
    expect(await txCode.getAttribute('data-prefilled')).toBe('true');
    await page.getByRole('button', { name: '领取并保存' }).click();

    const card = page.getByTestId('id-card');
    await card.waitFor({ timeout: 30_000 });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('valid');
    expect(await card.locator('.status-badge').textContent()).toMatch(/有效/);
    await card.getByText(/剩余 \d+ 次出示/).waitFor();
    expect(await card.getByTestId('id-number').textContent()).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-cards.png') });

    await card.getByRole('button', { name: '看背面' }).click();
    await card.getByText('签发机关').waitFor();
    await page.waitForTimeout(600); // the flip animation
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-card-back.png') });
    await card.getByRole('button', { name: '看正面' }).click();

    // the code is spent: the same slip again is refused
    await page.getByRole('link', { name: '添加' }).click();
    await form.getByLabel(/证件卡号/).fill(activation.cardNumber);
    await form.getByLabel('激活码').fill(activation.activationCode);
    await form.getByRole('button', { name: '激活并领取' }).click();
    await expect
      .poll(() => error.getAttribute('data-error-code'), { timeout: 20_000 })
      .toBe('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
  }, 90_000);

  it('also receives from a pasted offer link, where the holder types the tx_code (a wrong one is said in words)', async () => {
    const pasted = await platform.activate(); // the offer an issuer's page shows; it replaces the card
    expect(pasted.personId).toBe(activation.personId);
    await page.getByRole('link', { name: '添加' }).click();
    await page.getByLabel('领证链接').fill(pasted.offer);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('offer-preview').waitFor();
    expect(await page.getByTestId('tx-code-prefilled').count()).toBe(0);
    expect(await page.locator('input[name="tx_code"]').inputValue()).toBe('');

    const wrong = pasted.txCode.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await page.locator('input[name="tx_code"]').fill(wrong);
    await page.getByRole('button', { name: '领取并保存' }).click();
    await page.locator('[data-error-code="ERR_OID4VCI_INVALID_GRANT"]').waitFor({ timeout: 20_000 });

    await page.locator('input[name="tx_code"]').fill(pasted.txCode);
    await page.getByRole('button', { name: '领取并保存' }).click();
    const card = page.getByTestId('id-card');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.count()).toBe(1); // the same person's card, replaced by the new batch
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('valid');
  }, 60_000);

  it('presents a hotel check-in QR after the fingerprint; the code on screen verifies in Node', async () => {
    await page.getByRole('button', { name: '出示此证件' }).click();
    await page.getByTestId('qr-choose').waitFor();
    expect(await page.getByRole('radio', { name: /酒店入住登记/ }).isChecked()).toBe(true);
    await page.getByTestId('qr-next').click();
    await page.getByTestId('confirm-biometric').click();
    const canvas = page.getByTestId('qr-code');
    await canvas.waitFor({ timeout: 20_000 });

    const text = (await canvas.getAttribute('data-qr-text')) ?? '';
    expect(text.startsWith('ZZ1:')).toBe(true);
    expect(await visibleQrText(page, '[data-testid="qr-code"]')).toBe(text);
    const confirmToQr = await page.evaluate(
      () => performance.getEntriesByName('zz-confirm-to-qr', 'measure')[0]?.duration ?? -1,
    );
    process.stdout.write(
      `wallet-web: fingerprint confirm → QR on screen ${confirmToQr.toFixed(0)} ms (target ≤ 500)\n`,
    );
    expect(confirmToQr).toBeGreaterThan(0);

    const report = await platform.verify(text);
    expect(report.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
    expect(report.valid).toBe(true);
    const claims = report.claims?.['cn.gov.eid.1'] ?? {};
    expect(Object.keys(claims).sort()).toEqual(
      [
        'birth_date',
        'ethnicity',
        'expiry_date',
        'full_name',
        'id_number',
        'issuing_authority',
        'resident_address',
        'sex',
      ].sort(),
    );
    await page.getByTestId('qr-elements').getByText('公民身份号码').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-qr.png') });
    firstQr = text;
    await page.getByRole('button', { name: '出示完毕' }).last().click();
  }, 60_000);

  it('after a change of address at the registry the old QR is revoked, and the synced wallet presents a new one', async () => {
    await platform.changeAddress(activation.personId, '体育东路 8 号');
    await expect
      .poll(async () => (await platform.verify(firstQr)).checks.find((check) => check.outcome === 'failed')?.code, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe('ERR_STATUS_REVOKED');

    await page.getByRole('link', { name: '证件' }).click();
    await page.getByTestId('sync').click();
    const card = page.getByTestId('id-card');
    await card.getByText(/体育东路 8 号/).waitFor({ timeout: 30_000 });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('valid');

    await card.getByRole('button', { name: '出示此证件' }).click();
    await page.getByTestId('qr-next').click();
    await page.getByTestId('confirm-biometric').click();
    const canvas = page.getByTestId('qr-code');
    await canvas.waitFor({ timeout: 20_000 });
    const text = (await canvas.getAttribute('data-qr-text')) ?? '';
    expect(text).not.toBe(firstQr);
    expect(await visibleQrText(page, '[data-testid="qr-code"]')).toBe(text);
    const report = await platform.verify(text);
    expect(report.valid).toBe(true);
    expect(String(report.claims?.['cn.gov.eid.1']?.resident_address)).toContain('体育东路 8 号');
    await page.getByRole('button', { name: '出示完毕' }).last().click();
  }, 90_000);

  it('proximity: shows who asks for what; the holder unticks the address and the reader gets only the rest', async () => {
    await page.getByRole('link', { name: '出示' }).click();
    await page.getByRole('button', { name: /近场出示/ }).click();
    const engagement = page.getByTestId('engagement-qr');
    await engagement.waitFor({ timeout: 20_000 });
    const text = (await engagement.getAttribute('data-qr-text')) ?? '';
    expect(text.startsWith('mdoc:')).toBe(true);
    expect(await visibleQrText(page, '[data-testid="engagement-qr"]')).toBe(text);

    const reader = await connectTestReader(node, text);
    const request = await createSignedDeviceRequest(
      reader,
      { 'cn.gov.eid.1': { full_name: false, birth_date: false, resident_address: true, portrait: false } },
      hotel,
    );
    reader.send(await reader.session.createSessionEstablishment(request));
    const consent = page.getByTestId('request-consent');
    await consent.waitFor({ timeout: 20_000 });
    expect(await consent.getAttribute('data-trusted')).toBe('true');
    expect(await page.getByTestId('request-organisation').textContent()).toContain('广州白云宾馆');
    await consent.getByText('已在国家信任名录登记').waitFor();
    await consent.getByText('对方将保存此项').waitFor(); // resident_address: intent to retain
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-proximity.png'), fullPage: true });

    await consent.getByLabel(/住址/).uncheck();
    await page.getByTestId('approve-selected').click();
    const reply = decodeSessionData(await reader.next(20_000));
    const responseBytes = await reader.session.cipher.decrypt(reply.data as Uint8Array);
    const report = await verifyPresentation(node, responseBytes, {
      trust: platform.trust,
      now: new Date(),
      sessionTranscript: reader.session.sessionTranscript,
    });
    expect(report.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
    expect(Object.keys(report.claims?.['cn.gov.eid.1'] ?? {}).sort()).toEqual(['birth_date', 'full_name', 'portrait']);
    expect(decodeSessionData(await reader.next(10_000))).toEqual({ status: SESSION_STATUS.terminated });
    await page.getByTestId('proximity-result').waitFor();
    expect(await page.getByTestId('proximity-result').getAttribute('data-outcome')).toBe('sent');
    reader.close();
  }, 90_000);

  it('proximity: an unregistered reader is refused by default; declining sends nothing', async () => {
    const stranger = await createTestRelyingParty({
      platform: node,
      now: new Date(),
      organisation: '某某信息咨询公司',
    });
    await page.getByRole('button', { name: '重新开始' }).click();
    const engagement = page.getByTestId('engagement-qr');
    await engagement.waitFor({ timeout: 20_000 });
    const reader = await connectTestReader(node, (await engagement.getAttribute('data-qr-text')) ?? '');
    const request = await createSignedDeviceRequest(reader, { 'cn.gov.eid.1': { id_number: true } }, stranger);
    reader.send(await reader.session.createSessionEstablishment(request));
    const consent = page.getByTestId('request-consent');
    await consent.waitFor({ timeout: 20_000 });
    expect(await consent.getAttribute('data-trusted')).toBe('false');
    await consent.getByText('未在国家信任名录登记').waitFor();
    expect(await page.getByTestId('approve-selected').isDisabled()).toBe(true);
    expect(await page.getByTestId('approve-all').isDisabled()).toBe(true);
    await page.getByTestId('decline').click();
    expect(decodeSessionData(await reader.next(10_000))).toEqual({ status: SESSION_STATUS.terminated });
    expect(await page.getByTestId('proximity-result').getAttribute('data-outcome')).toBe('declined');
    reader.close();
  }, 60_000);

  it('locks now; a wrong PIN is refused; the fingerprint opens it again', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByTestId('lock-now').click();
    await page.getByTestId('lock-screen').waitFor();
    await page.getByRole('heading', { name: '钱包已锁定' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-lock.png') });

    await page.getByLabel('或者输入数字密码').fill('000001');
    await page.getByRole('button', { name: '用密码解锁' }).click();
    await expect
      .poll(() => page.getByTestId('unlock-error').getAttribute('data-error-code'))
      .toBe('ERR_WALLET_PIN_INVALID');
    await page.getByText('数字密码不正确，请重试。').waitFor();

    await page.getByTestId('unlock-biometric').click();
    await page.getByTestId('settings-screen').waitFor({ timeout: 20_000 });
  }, 60_000);

  it('the log lists what was shown to whom, and exports it as JSON without the values', async () => {
    await page.getByRole('link', { name: '记录' }).click();
    const entries = page.getByTestId('log-list').locator('li.log-entry');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(3);
    await entries.first().getByText('近场').waitFor(); // newest first
    await entries
      .first()
      .getByText(/广州白云宾馆/)
      .waitFor();
    await entries.last().getByText('二维码').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-log.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-log').click()]);
    const exported = readFileSync((await download.path()) as string, 'utf8');
    expect(exported).toContain('full_name');
    expect(exported).not.toContain('体育东路');
    expect(exported).not.toContain(activation.cardNumber);
  }, 60_000);

  it('online, same-device: the site opens the wallet with its request; the holder shares and is sent back', async () => {
    const verifier = await startTestVerifier(node, shop, platform.trust, new Date());
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': '*',
    };
    await page.route(`${VERIFIER_ORIGIN}/**`, async (route) => {
      const request = route.request();
      if (request.isNavigationRequest()) {
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>done</title>' });
      }
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      const body = request.postData();
      const response = await verifier.fetch(request.url(), {
        method: request.method(),
        headers: { 'content-type': request.headers()['content-type'] ?? 'text/plain' },
        ...(body !== null ? { body } : {}),
      });
      return route.fulfill({
        status: response.status,
        headers: { ...cors, 'content-type': response.headers.get('content-type') ?? 'application/json' },
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    try {
      const created = await verifier.createRequest({
        responseMode: 'direct_post',
        dcqlQuery: {
          credentials: [
            {
              id: 'eid',
              format: 'dc+sd-jwt',
              meta: { vct_values: ['cn.gov.eid.1'] },
              claims: [{ path: ['age_over_18'] }, { path: ['full_name'] }],
            },
          ],
        },
      });
      await page.goto(`${platform.walletUrl}${new URL(created.link).search}`);
      await page.getByTestId('lock-screen').waitFor({ timeout: 20_000 });
      expect(page.url()).not.toContain('request_uri'); // the request left the address bar
      await page.getByTestId('unlock-biometric').click();
      const consent = page.getByTestId('request-consent');
      await consent.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('request-organisation').textContent()).toContain('深圳市网吧管理平台');
      await consent.getByLabel('已满18周岁').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'wallet-online.png'), fullPage: true });

      await consent.getByLabel('姓名').uncheck();
      await page.getByTestId('approve-selected').click();
      await page.waitForURL(`${VERIFIER_ORIGIN}/done**`, { timeout: 20_000 });
      const result = verifier.results[0];
      expect(result?.kind).toBe('presentation');
      const reports = result?.kind === 'presentation' ? (result.reports.eid ?? []) : [];
      expect(reports.map((report) => report.valid)).toEqual([true]);
      const claims = reports[0]?.claims?.['cn.gov.eid.1'] ?? {};
      expect(claims.age_over_18).toBe(true);
      expect(Object.keys(claims).filter((name) => !['iss', 'iat', 'exp', 'vct'].includes(name))).toEqual([
        'age_over_18',
      ]); // the unticked name was not disclosed
    } finally {
      await page.unroute(`${VERIFIER_ORIGIN}/**`);
      await verifier.close();
    }
    await page.goto(platform.walletUrl);
    await page.getByTestId('unlock-biometric').click();
    await page.getByTestId('cards-screen').waitFor({ timeout: 20_000 });
  }, 90_000);

  it('switches to English and to large text', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('switch', { name: 'Large text' }).check();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);

    // the activation form in English and large text: labelled fields, nothing cut off
    await page.getByRole('link', { name: 'Add' }).click();
    await page.getByRole('heading', { name: 'Activate with your ID card' }).waitFor();
    const form = page.getByTestId('activation-form');
    await form.getByLabel(/Card number/).waitFor();
    await form.getByLabel('Activation code').waitFor();
    await form.getByText('Advanced').click();
    expect(await form.getByLabel('Issuing authority address').inputValue()).toBe(platform.issuerUrl);
    expect(
      await form.evaluate((element) =>
        [...element.querySelectorAll('input, button')].every((e) => e.scrollWidth <= e.clientWidth + 1),
      ),
    ).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'wallet-activate-en-large.png'), fullPage: true });

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Large text' }).uncheck();
    await page.getByRole('radio', { name: '中文' }).check();
    await page.getByRole('heading', { name: '设置' }).waitFor();
  }, 45_000);

  it('locks itself after the configured inactivity and shows the lock screen', async () => {
    const configPath = join(dist, 'wallet-config.json');
    const original = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, JSON.stringify({ ...JSON.parse(original), autoLockSeconds: 2 }));
    try {
      await page.evaluate(() => {
        window.location.hash = '#/cards';
      });
      await page.reload();
      await page.getByTestId('unlock-biometric').click();
      await page.getByTestId('cards-screen').waitFor({ timeout: 20_000 });
      const opened = Date.now();
      await page.getByTestId('lock-screen').waitFor({ timeout: 10_000 }); // no interaction meanwhile
      expect(Date.now() - opened).toBeGreaterThanOrEqual(1_500);
      await expect.poll(() => page.getByTestId('announce').textContent()).toBe('钱包已锁定。');
    } finally {
      writeFileSync(configPath, original);
    }
    await page.reload();
    await page.getByTestId('unlock-biometric').click();
    await page.getByTestId('cards-screen').waitFor({ timeout: 20_000 });
  }, 60_000);

  it('lost phone: a report with the card number and a fresh code suspends the cards (here, this very wallet)', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    const form = page.getByTestId('lost-phone-form');
    expect(await form.getByLabel('签发机关地址').inputValue()).toBe(platform.issuerUrl);
    await form.getByLabel(/证件卡号/).fill(await platform.cardNumber(activation.personId));
    await form.getByLabel('激活码').fill('12345678');
    await form.getByRole('button', { name: '挂失那部手机' }).click();
    await form.locator('[data-error-code^="ERR_OID4VCI_ACTIVATION"]').waitFor({ timeout: 20_000 });

    await form.getByLabel('激活码').fill(await platform.activationCode(activation.personId));
    await form.getByRole('button', { name: '挂失那部手机' }).click();
    await form.getByText(/已暂停 1 部手机上的 \d+ 份证件。/).waitFor({ timeout: 20_000 });

    await page.getByRole('link', { name: '证件' }).click();
    const card = page.getByTestId('id-card');
    await expect
      .poll(
        async () => {
          await page.getByTestId('sync').click();
          await page.getByTestId('cards-notice').waitFor();
          return card.getAttribute('data-status');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('suspended');
    expect(await page.getByTestId('cards-notice').textContent()).toContain('签发机关已暂停此钱包');
    expect(await card.getByRole('button', { name: '出示此证件' }).count()).toBe(0);
  }, 60_000);

  it('opens offline after the first load (service worker app shell) and unlocks with the PIN', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await platform.stopIssuer(); // the wallet's origin is gone
    await page.reload();
    await page.getByTestId('lock-screen').waitFor({ timeout: 20_000 });
    await page.getByLabel('或者输入数字密码').fill(PIN);
    await page.getByRole('button', { name: '用密码解锁' }).click();
    const card = page.getByTestId('id-card');
    await card.waitFor({ timeout: 20_000 });
    await card.getByText(/体育东路 8 号/).waitFor();
    expect(await card.getAttribute('data-status')).toBe('suspended'); // the last status known
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps the first load small', () => {
    const { total, files } = initialLoadGzipBytes(dist);
    process.stdout.write(
      `wallet-web: initial load ${(total / 1024).toFixed(1)} KiB gzip (target ≤ 400) ${JSON.stringify(files)}\n`,
    );
    expect(Object.keys(files).length).toBeGreaterThan(1);
    expect(total).toBeLessThan(400 * 1024);
  });
});
