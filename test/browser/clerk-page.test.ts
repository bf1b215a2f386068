import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningZzStart, spawnZzStart } from '../../apps/cli/test/spawn-zz-start.js';
import { launchChromium } from './chromium.js';

/**
 * `npm start` in a real browser: the registry clerk page (zh-CN) finds a citizen, and asks the
 * Guangdong issuer for a wallet activation code across origins (CORS, CSP connect-src); the
 * clerk then changes the address and the page shows the new event.
 */
describe('the registry clerk page against a running platform (zz start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-clerk-'));
  let browser: Browser;
  let platform: RunningZzStart;
  let registryUrl = '';

  beforeAll(async () => {
    platform = await spawnZzStart(dir, 8);
    registryUrl = `http://127.0.0.1:${platform.ports.registry}`;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform.stop();
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
