import { validateClaims } from '@zhengzhao/core';
import { renderLayoutDocument, signLayoutDocument } from '@zhengzhao/layout';
import { issueTestPaperCredential, syntheticResidentClaims } from '@zhengzhao/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test/browser/chromium.js';
import { createFixture, type Fixture, platform, STATUS_URI, VALID_IDX } from '../helpers/fixture.js';

/**
 * The validation page (证照校验) in real Chromium: a holder or an agency picks the signed PDF, the
 * page shows the verdict, the signer, the paper marker, the data and every check; a changed file
 * is refused; no script error and no CSP violation.
 */
describe('the validation page in Chromium', () => {
  let f: Fixture;
  let browser: Browser;
  let url = '';
  let pdf: Uint8Array;

  beforeAll(async () => {
    f = await createFixture();
    url = await f.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    const now = f.clock.now();
    const paper = await issueTestPaperCredential(platform, f.authority, {
      issuedAt: now,
      status: { uri: STATUS_URI, idx: VALID_IDX },
    });
    const unsigned = await renderLayoutDocument({
      typeId: 'cn.gov.eid.1',
      claims: validateClaims('cn.gov.eid.1', syntheticResidentClaims()),
      credential: paper.text,
      issuerName: '广东省公安厅 Guangdong Public Security',
      documentNumber: 'pc_browser',
      issuedAt: now,
      now,
    });
    pdf = await signLayoutDocument(
      unsigned,
      { signer: f.authority.documentSigner.signer, certificateChain: [...f.authority.chain] },
      { platform, now },
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await f?.app.close();
  });

  async function validate(page: Page, bytes: Uint8Array, name = 'licence.pdf'): Promise<string> {
    await page.setInputFiles('#file', { name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    await page.click('#submit');
    await page.locator('#result:not([hidden])').waitFor({ timeout: 20_000 });
    return (await page.getAttribute('#result', 'data-verdict')) ?? '';
  }

  it('shows a valid paper credential, then refuses a changed file', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${url}/validate`);
    expect(await validate(page, pdf)).toBe('pass');
    expect(await page.textContent('#verdict')).toContain('核验通过');
    expect(await page.isVisible('#paper')).toBe(true);
    expect(await page.textContent('#facts')).toContain('ES256');
    expect(await page.locator('#checks li.check-failed').count()).toBe(0);

    const changed = pdf.slice();
    const at = Math.floor(changed.length / 2);
    changed.set([(changed[at] ?? 0) ^ 1], at);
    expect(await validate(page, changed, 'changed.pdf')).toBe('fail');
    expect(await page.textContent('#verdict')).toContain('核验未通过');
    expect(await page.locator('#checks li.check-failed').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
