import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import {
  activateCitizen,
  type Citizen,
  type CspViolation,
  findCitizenWithCard,
  loginQrText,
  type StartedPlatform,
  startPlatform,
  watchContext,
} from './platform-helpers.js';
import { openWalletPage, receiveCard, setUpWallet } from './wallet-web-harness.js';

const PIN = '271828';
/**
 * The organisation in the demo website's access certificate, which the national trust registry
 * issued with its zh-CN name (apps/cli/src/start/demo-relying-parties.ts).
 */
const WEBSITE_ORGANISATION = '政务服务网 (演示)';
/** What the `login` purpose asks for (apps/verifier/src/modules/oid4vp/purposes.ts). */
const LOGIN_ELEMENTS = ['age_over_18', 'family_name', 'given_name'];

/**
 * Zhengzhao issue 5 §5, the online login end to end: the real platform as `npm start` runs it
 * (`zz start` in a child process: registry, issuer, verifier service with its demo login page,
 * wallet web app), and one Chromium browser context that plays the holder's phone. A citizen
 * activated at the counter receives the card in the wallet (virtual platform authenticator with
 * PRF), then logs in to the demo government-service site: same-device (the site's link opens
 * the wallet, which sends the browser back), cross-device (the site's QR code read from its
 * pixels and pasted into the wallet), and a declined request.
 */
describe('online login with the wallet on the platform that `zz start` runs', () => {
  let platform: StartedPlatform;
  let browser: Browser;
  let context: BrowserContext;
  /** The holder's wallet tab: it has the virtual authenticator. */
  let page: Page;
  let citizen: Citizen;
  let watched: { csp: CspViolation[]; errors: string[] };

  beforeAll(async () => {
    platform = await startPlatform(10); // the first start builds the wallet and counter apps
    browser = await launchChromium();
    ({ context, page } = await openWalletPage(browser));
    watched = await watchContext(context);
  }, 420_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    const code = await platform?.stop();
    if (code !== undefined && code !== 0) process.stderr.write(`zz start exited with ${code}\n`);
  }, 60_000);

  /** The wallet locks when it is loaded again: the fingerprint (the virtual authenticator) opens it. */
  async function unlock(wallet: Page): Promise<void> {
    await wallet.getByTestId('lock-screen').waitFor({ timeout: 20_000 });
    await wallet.getByTestId('unlock-biometric').click();
  }

  /** Opens the wallet's online screen from a fresh load (so it starts locked and empty). */
  async function openOnlineScreen(wallet: Page): Promise<void> {
    await wallet.goto(`${platform.urls.wallet}#/online`);
    await wallet.reload(); // a goto that changes only the hash would keep the open wallet and its screen
    await unlock(wallet);
    await wallet.getByTestId('online-screen').waitFor({ timeout: 20_000 });
  }

  /** The consent screen of a request from the demo website: who asks, and for which elements. */
  async function expectLoginRequest(wallet: Page): Promise<void> {
    const consent = wallet.getByTestId('request-consent');
    await consent.waitFor({ timeout: 20_000 });
    expect(await consent.getAttribute('data-trusted')).toBe('true');
    const organisation = (await wallet.getByTestId('request-organisation').textContent()) ?? '';
    expect(organisation).toContain(WEBSITE_ORGANISATION);
    expect(organisation).toContain('localhost'); // the x509_san_dns client id's host
    const elements = await consent
      .locator('input[data-element]')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-element')));
    expect([...elements].sort()).toEqual(LOGIN_ELEMENTS);
    for (const label of ['姓', '名', '已满18周岁']) await consent.getByLabel(label, { exact: true }).waitFor();
  }

  /**
   * Shares everything asked for, and confirms with the fingerprint if the wallet asks for it,
   * until `done` holds (the redirect back to the site, or the wallet's result screen).
   */
  async function shareAll(wallet: Page, done: () => Promise<boolean>): Promise<void> {
    await wallet.getByTestId('approve-all').click();
    const deadline = Date.now() + 30_000;
    while (!(await done())) {
      const confirm = wallet.getByTestId('confirm-biometric');
      if (await confirm.isVisible().catch(() => false)) await confirm.click();
      const failure = wallet.getByTestId('request-consent').locator('[data-error-code]');
      if (await failure.isVisible().catch(() => false)) {
        throw new Error(`the wallet could not share: ${await failure.getAttribute('data-error-code')}`);
      }
      if (Date.now() > deadline) throw new Error(`the wallet did not finish sharing (at ${wallet.url()})`);
      await wallet.waitForTimeout(200);
    }
  }

  /** The logged-in view shows the registry's name for the citizen, and nothing else about them. */
  async function expectLoggedIn(site: Page): Promise<void> {
    await site.locator('#done').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await site.textContent('#done-heading')).toBe('已登录');
    expect(await site.textContent('#welcome')).toBe(`欢迎您，${citizen.fullName}`);
    expect(citizen.fullName).toBe(`${citizen.familyName}${citizen.givenName}`);
    expect(await site.isHidden('#login')).toBe(true);
    const text = (await site.textContent('body')) ?? '';
    for (const other of [citizen.idNumber, citizen.cardNumber, citizen.birthDate, citizen.street]) {
      expect(text).not.toContain(other);
    }
    expect(site.url()).not.toContain('response_code');
  }

  it('a citizen with a card is activated at the issuer and receives the card in the wallet (有效)', async () => {
    citizen = await findCitizenWithCard(platform);
    const activation = await activateCitizen(platform, citizen);
    expect(activation.txCode).toMatch(/^\d{4,8}$/);

    await setUpWallet(page, platform.urls.wallet, PIN);
    await receiveCard(page, { personId: citizen.personId, cardNumber: citizen.cardNumber, ...activation });
    const card = page.getByTestId('id-card');
    expect(await card.locator('.status-badge').textContent()).toMatch(/有效/);
    await card.getByText(citizen.fullName).first().waitFor();
  }, 120_000);

  it('same-device: the site’s link opens the wallet; after sharing the browser returns logged in with the name only', async () => {
    await page.goto(platform.urls.verifier);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const link = page.locator('#same-device');
    await link.waitFor({ state: 'visible', timeout: 20_000 });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${platform.urls.wallet}?`)).toBe(true);
    expect(new URL(href).searchParams.get('client_id')).toBe('x509_san_dns:localhost');
    expect(new URL(href).searchParams.get('request_uri')).toMatch(
      new RegExp(`^${platform.urls.verifier}oid4vp/requests/`),
    );

    await link.click();
    await page.waitForURL(`${platform.urls.wallet}**`);
    await unlock(page);
    await expectLoginRequest(page);
    expect(page.url()).not.toContain('request_uri'); // the request left the address bar

    await shareAll(page, async () => page.url().startsWith(platform.urls.verifier));
    await expectLoggedIn(page);
  }, 120_000);

  it('cross-device: the site’s QR code, pasted into the wallet, logs the other tab in by polling', async () => {
    const site = await context.newPage();
    await site.goto(platform.urls.verifier);
    const qr = await loginQrText(site);
    expect(qr).toBe(await site.getAttribute('#qr', 'data-request'));
    expect(new URL(qr).searchParams.get('client_id')).toBe('x509_san_dns:localhost');
    await site.locator('#status').filter({ hasText: '正在等待扫码' }).waitFor();

    await openOnlineScreen(page);
    await page.getByLabel('请求链接').fill(qr);
    await page.getByRole('button', { name: '下一步' }).click();
    await expectLoginRequest(page);
    await site.locator('#status').filter({ hasText: '已扫码' }).waitFor({ timeout: 10_000 });

    await shareAll(page, () => page.getByTestId('online-result').isVisible());
    expect(await page.getByTestId('online-result').getAttribute('data-outcome')).toBe('sent');
    await expectLoggedIn(site);
    await site.close();
  }, 120_000);

  it('declined in the wallet: the site says so and stays logged out', async () => {
    const site = await context.newPage();
    await site.goto(platform.urls.verifier);
    const qr = await loginQrText(site);

    await openOnlineScreen(page);
    await page.getByLabel('请求链接').fill(qr);
    await page.getByRole('button', { name: '下一步' }).click();
    await expectLoginRequest(page);
    await page.getByTestId('decline').click();
    await page.getByTestId('online-result').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('online-result').getAttribute('data-outcome')).toBe('declined');

    await site.locator('#status').filter({ hasText: '您在钱包中取消了登录。' }).waitFor({ timeout: 15_000 });
    expect(await site.isHidden('#done')).toBe(true);
    expect(await site.isVisible('#retry')).toBe(true);
    expect((await site.textContent('body')) ?? '').not.toContain(citizen.fullName);
    await site.close();
  }, 120_000);

  it('the wallet’s log lists the two logins (to the website, name and age only), not the declined one', async () => {
    await page.getByRole('link', { name: '记录' }).click();
    const online = page.getByTestId('log-list').locator('li.log-entry[data-channel="online"]');
    await expect.poll(() => online.count(), { timeout: 10_000 }).toBe(2);
    for (const entry of await online.all()) {
      expect(await entry.locator('.log-verifier').textContent()).toContain(WEBSITE_ORGANISATION);
      expect((await entry.locator('.tag-list li').allTextContents()).sort()).toEqual(['名', '姓', '已满18周岁'].sort());
    }
  });

  it('no page threw, and nothing was blocked by a Content-Security-Policy', () => {
    expect(watched.errors).toEqual([]);
    // cbor-x probes `Function('')` once when the wallet loads and, refused, decodes without it:
    // an expected `script-src` eval report from the wallet's bundle, nothing else
    const wallet = new URL(platform.urls.wallet).origin;
    const unexpected = watched.csp.filter(
      (v) => !(v.page === wallet && v.directive === 'script-src' && v.blocked === 'eval'),
    );
    expect(unexpected).toEqual([]);
    expect(watched.csp.length).toBeGreaterThan(0); // the recorder works (the probe above was seen)
  }, 60_000);
});
