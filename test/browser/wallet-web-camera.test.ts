import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import {
  type Activation,
  buildWalletForProduction,
  startWalletPlatform,
  type WalletPlatform,
} from './wallet-web-harness.js';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A YUV4MPEG2 clip (Chromium's fake camera) showing `text` as a QR code: black modules on white
 * in the luma plane, neutral chroma (DEPENDENCIES.md: no ffmpeg needed).
 */
function qrVideo(text: string): Buffer {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = code.modules.size + 8;
  const scale = Math.floor(440 / size);
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  for (let row = 0; row < code.modules.size; row++) {
    for (let col = 0; col < code.modules.size; col++) {
      if (!code.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const offset = (top + (row + 4) * scale + y) * WIDTH + left + (col + 4) * scale;
        luma.fill(0, offset, offset + scale);
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]);
}

/**
 * A phone without a platform authenticator: the wallet is set up with the PIN only, the offer is
 * read from the camera (Chromium's fake device playing a QR clip), and presenting asks for the
 * PIN — a wrong one is refused, the right one shows a code that verifies.
 */
describe('wallet web app on a phone without fingerprint: PIN only, offer scanned with the camera', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-wallet-camera-'));
  let platform: WalletPlatform;
  let browser: Browser;
  let page: Page;
  let activation: Activation;

  beforeAll(async () => {
    const dist = await buildWalletForProduction();
    platform = await startWalletPlatform({ distDir: dist });
    activation = await platform.activate();
    const video = join(dir, 'offer.y4m');
    writeFileSync(video, qrVideo(activation.offer));
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const context = await browser.newContext({ viewport: { width: 400, height: 860 }, locale: 'zh-CN' });
    await context.grantPermissions(['camera'], { origin: new URL(platform.walletUrl).origin });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets up with the PIN only and says why there is no fingerprint unlock', async () => {
    await page.goto(platform.walletUrl);
    await page.getByText('此设备不支持指纹或面容解锁，您可以用数字密码打开钱包。').waitFor();
    expect(await page.locator('#enrol-biometric').count()).toBe(0);
    await page.getByLabel('数字密码', { exact: true }).fill('271828');
    await page.getByLabel('再次输入数字密码').fill('271829');
    await page.getByRole('button', { name: '创建钱包' }).click();
    await page.getByText('两次输入的数字密码不一致。').waitFor();
    await page.getByLabel('再次输入数字密码').fill('271828');
    await page.getByRole('button', { name: '创建钱包' }).click();
    await page.getByTestId('cards-screen').waitFor({ timeout: 30_000 });
  }, 60_000);

  it('reads the offer from the camera, then stores the card with the tx_code', async () => {
    await page.getByRole('link', { name: '添加' }).click();
    await page.getByRole('button', { name: '用相机扫描' }).click();
    await expect.poll(() => page.getByLabel('领证链接').inputValue(), { timeout: 20_000 }).toBe(activation.offer);
    expect(await page.locator('video').count()).toBe(0); // the camera is off once the code is read
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('input[name="tx_code"]').fill(activation.txCode);
    await page.getByRole('button', { name: '领取并保存' }).click();
    await page.locator('[data-testid="id-card"][data-status="valid"]').waitFor({ timeout: 30_000 });
  }, 60_000);

  it('presents an age-check QR after the PIN; a wrong PIN is refused first', async () => {
    await page.getByRole('button', { name: '出示此证件' }).click();
    await page.getByRole('radio', { name: /年龄核验/ }).check();
    await page.getByTestId('qr-next').click();
    await page.getByLabel('数字密码', { exact: true }).fill('000000');
    await page.getByRole('button', { name: '输入数字密码并出示' }).click();
    await page.locator('[data-error-code="ERR_WALLET_PIN_INVALID"]').waitFor({ timeout: 20_000 });

    await page.getByLabel('数字密码', { exact: true }).fill('271828');
    await page.getByRole('button', { name: '输入数字密码并出示' }).click();
    const canvas = page.getByTestId('qr-code');
    await canvas.waitFor({ timeout: 20_000 });
    const report = await platform.verify((await canvas.getAttribute('data-qr-text')) ?? '');
    expect(report.valid).toBe(true);
    expect(report.claims?.['cn.gov.eid.1']).toEqual({ age_over_18: expect.any(Boolean) });
  }, 60_000);
});
