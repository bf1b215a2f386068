import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@zhengzhao/test-kit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';

const ZZ = fileURLToPath(new URL('../../apps/cli/bin/zz.js', import.meta.url));

/**
 * `npm start` in a real browser: the registry clerk page (zh-CN) finds a citizen, and asks the
 * Guangdong issuer for a wallet activation code across origins (CORS, CSP connect-src); the
 * clerk then changes the address and the page shows the new event.
 */
describe('the registry clerk page against a running platform (zz start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-clerk-'));
  let browser: Browser;
  let child: ReturnType<typeof spawn>;
  let registryUrl = '';

  beforeAll(async () => {
    const [registryPort, issuerPort] = [await freePort(), await freePort()];
    child = spawn(
      process.execPath,
      [
        ZZ,
        'start',
        '--dir',
        dir,
        '--registry-port',
        `${registryPort}`,
        '--issuer-port',
        `${issuerPort}`,
        '--population',
        '8',
      ],
      { env: { ...process.env, ZZ_PASSPHRASE: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 30_000;
    while (!output.includes('issuer-44') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    registryUrl = `http://127.0.0.1:${registryPort}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a citizen, gets an 8-digit activation code from the issuer, and records a change of address', async () => {
    const { clerkToken } = JSON.parse(readFileSync(join(dir, 'demo-secrets.json'), 'utf8')) as { clerkToken: string };
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    await page.goto(`${registryUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    await page.fill('#token', clerkToken);
    await page.press('#token', 'Enter');
    await page.click('#search-form button[type="submit"]');
    await page.locator('#results button').first().click();
    await page.locator('#p-card-number').filter({ hasText: /44C/ }).waitFor();

    await page.click('#activation-button');
    await expect
      .poll(async () => (await page.textContent('#activation-code'))?.trim(), { timeout: 10_000 })
      .toMatch(/^\d{8}$/);

    const sequenceBefore = Number(await page.textContent('#p-sequence'));
    await page.fill('form[data-op="address"] [name="street"]', '体育东路 8 号');
    await page.click('form[data-op="address"] button[type="submit"]');
    await expect
      .poll(async () => Number(await page.textContent('#p-sequence')), { timeout: 10_000 })
      .toBe(sequenceBefore + 1);
    expect(errors).toEqual([]);
  }, 60_000);
});
