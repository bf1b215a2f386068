import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeBase64,
  decodeBase64url,
  decodeCertificatePem,
  encodeBase64url,
  encodeX5c,
  SHARE_AGENCY_CALL_TYP,
  signJwsCompact,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { validateLayoutDocument } from '@zhengzhao/layout';
import { createVerifier } from '@zhengzhao/verifier';
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
import { openWalletPage, receiveCard, setUpWallet } from './wallet-web-harness.js';

const crypto = createNodePlatform();
const EID = 'cn.gov.eid.1';
const ASKED = ['full_name', 'id_number'];

/**
 * Zhengzhao issue 7 §2–3 and §7 on the platform `npm start` runs: the demo bank (registered with
 * the national trust registry) asks through the sharing service for a holder's e-ID; the holder
 * consents in the browser wallet; the bank retrieves and verifies it; the entries show in the
 * wallet's access log, each proven in the signed Merkle tree head. A refused request releases
 * nothing, and a revoked standing consent makes the next request wait for the holder again.
 */
describe('document sharing (文件调用) with consent and a checked access log, on the platform `zz start` runs', () => {
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

  /** The demo bank as `zz start` registered it: it signs its calls with its access certificate key. */
  async function bank() {
    const parties = JSON.parse(readFileSync(join(platform.dir, 'demo-relying-parties.json'), 'utf8')) as {
      bank: { id: string; certificateChainPem: string[]; privateKeyJwk: { d: string } };
    };
    const signer = await crypto.suite('ES256').importSigner(decodeBase64url(parties.bank.privateKeyJwk.d));
    const chain = parties.bank.certificateChainPem.map((pem) => decodeCertificatePem(pem));
    const call = async (path: string, payload: Record<string, unknown>) => {
      const request = await signJwsCompact(
        signer,
        { typ: SHARE_AGENCY_CALL_TYP, x5c: encodeX5c(chain) },
        {
          aud: platform.urls.share,
          iat: Math.floor(Date.now() / 1000),
          jti: encodeBase64url(crypto.randomBytes(16)),
          ...payload,
        },
      );
      const response = await fetch(`${platform.urls.share}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return {
      id: parties.bank.id,
      ask: (handle: string) =>
        call('/agency/requests', { handle, doc_type: EID, elements: ASKED, purpose: 'demo-bank-account' }),
      retrieve: (requestId: string) => call('/agency/retrievals', { request_id: requestId }),
    };
  }

  async function confirm(page: Page): Promise<void> {
    await page.getByTestId('share-confirm').waitFor();
    await page.getByTestId('confirm-biometric').click();
    await page.getByTestId('share-notice').waitFor({ timeout: 30_000 });
  }

  const logTypes = async (page: Page) =>
    page
      .getByTestId('share-log')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));

  it('request → consent in the wallet → retrieval → the entry in the holder’s checked log; refusal and revocation release nothing', async () => {
    const { context, page } = await openWalletPage(browser);
    const watched = await watchContext(context);
    try {
      const citizen = await findCitizenWithCard(platform, '44', 2);
      const activation = await activateCitizen(platform, citizen, 30_000, '44');
      await setUpWallet(page, platform.urls.wallet, '271828');
      await receiveCard(page, { personId: citizen.personId, cardNumber: citizen.cardNumber, ...activation });

      await page.goto(`${platform.urls.wallet}#/share`);
      const code = page.getByTestId('share-code');
      await code.waitFor({ timeout: 20_000 });
      const handle = (await code.textContent()) ?? '';
      expect(handle).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const agency = await bank();

      // 1. a request, allowed once after the fingerprint
      const first = await agency.ask(handle);
      expect(first.status).toBe(201);
      const firstId = String(first.body.request_id);
      expect((await agency.retrieve(firstId)).body.code).toBe('ERR_SHARE_NOT_CONSENTED');
      await page.getByTestId('share-refresh').click();
      const request = page.locator(`[data-request-id="${firstId}"]`);
      await request.getByText('示例银行').waitFor();
      await request.getByText('开立银行账户时核验身份').waitFor();
      await request.getByTestId('share-approve-once').click();
      await confirm(page);

      const got = await agency.retrieve(firstId);
      expect(got.status).toBe(200);
      const root = await (await fetch(`${platform.urls.trustRegistry}/root.pem`)).text();
      const verifier = createVerifier({
        platform: crypto,
        trust: { nationalRoot: root, trustListUrl: `${platform.urls.trustRegistry}/trust-list` },
        fetch: globalThis.fetch,
      });
      await verifier.refresh();
      const report = await verifier.verify(String(got.body.credential), {
        audience: String(got.body.audience),
        nonce: String(got.body.nonce),
        expectedType: EID,
      });
      expect(report.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
      expect(report.claims?.[EID]?.full_name).toBe(citizen.fullName);
      expect(report.claims?.[EID]).not.toHaveProperty('resident_address');
      expect((await agency.retrieve(firstId)).body.code).toBe('ERR_SHARE_ALREADY_RETRIEVED');
      // with the signed layout document (PDF) of the card, which validates against the national trust list
      expect(typeof got.body.layout_document).toBe('string');
      const layout = await validateLayoutDocument(decodeBase64(String(got.body.layout_document)), {
        platform: crypto,
        trust: await verifier.trustSource(),
        now: new Date(),
        verifyCredential: (credential: string) => verifier.verify(credential),
      });
      expect(layout.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
      expect(layout.valid).toBe(true);

      // the holder sees who took what, each entry proven in the signed log
      await page.getByTestId('share-refresh').click();
      await page.getByTestId('share-log-verified').waitFor();
      await expect.poll(() => logTypes(page)).toEqual(expect.arrayContaining(['request', 'approval', 'retrieval']));

      // 2. a refused request releases nothing
      const second = await agency.ask(handle);
      await page.getByTestId('share-refresh').click();
      await page.locator(`[data-request-id="${second.body.request_id}"]`).getByTestId('share-refuse').click();
      await page.getByTestId('share-notice').getByText('已拒绝').waitFor();
      const refused = await agency.retrieve(String(second.body.request_id));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ERR_SHARE_REFUSED');
      expect(refused.body).not.toHaveProperty('credential');

      // 3. a standing consent serves the next request without the holder; revoked, the one after waits
      const third = await agency.ask(handle);
      await page.getByTestId('share-refresh').click();
      await page.locator(`[data-request-id="${third.body.request_id}"]`).getByTestId('share-approve-standing').click();
      await confirm(page);
      expect((await agency.retrieve(String(third.body.request_id))).status).toBe(200);
      const fourth = await agency.ask(handle);
      expect(fourth.body.state).toBe('approved');
      expect((await agency.retrieve(String(fourth.body.request_id))).status).toBe(200);
      await page.getByTestId('share-refresh').click();
      await page.getByTestId('share-revoke').click();
      await page.getByTestId('share-notice').getByText('授权已撤销').waitFor();
      const fifth = await agency.ask(handle);
      expect(fifth.body.state).toBe('pending');
      expect((await agency.retrieve(String(fifth.body.request_id))).body.code).toBe('ERR_SHARE_NOT_CONSENTED');

      await page.getByTestId('share-refresh').click();
      await page.getByTestId('share-log-verified').waitFor();
      await expect
        .poll(() => logTypes(page))
        .toEqual(expect.arrayContaining(['refusal', 'consent_granted', 'consent_revoked', 'rejected']));
      // the wallet's own presentation log lists the releases under 机构调用
      await page.getByRole('link', { name: '记录' }).click();
      await page.getByTestId('log-list').locator('[data-channel="share"]').first().waitFor();
      expect(watched.errors.filter((error) => !/unsafe-eval|Failed to load resource/.test(error))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
