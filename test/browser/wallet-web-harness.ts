import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  createStaticTrustSource,
  createStatusListCache,
  type TrustSource,
  type VerificationReport,
  verifyPresentation,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createIssuerApp, type IssuerApp, type IssuerDatabase, withOid4vci } from '@zhengzhao/issuer';
import { createRegistryApp, type RegistryApp, type RegistryDatabase } from '@zhengzhao/registry';
import { createRelayApp, type RelayApp } from '@zhengzhao/relay';
import { createDatabase, createLogger, registerStaticSite } from '@zhengzhao/server-kit';
import { createTestAuthority, freePort, type TestAuthority } from '@zhengzhao/test-kit';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { buildWebApp } from './build-web-app.js';

/**
 * The platform the wallet web app is tested (and benchmarked) against, in this process: the
 * registry simulator, the Guangdong issuer with OpenID4VCI, and — on the issuer's own origin, so
 * the wallet's calls are same-origin as in a real deployment behind one host — the built wallet
 * under `/wallet/`. Everything listens on `localhost` (WebAuthn refuses IP addresses as RP ids).
 */
export interface WalletPlatform {
  readonly issuerUrl: string;
  readonly walletUrl: string;
  readonly registryUrl: string;
  /** `ws://localhost:<port>` of the proximity relay, when started. */
  readonly relayUrl?: string;
  readonly authority: TestAuthority;
  /** Trusts the authority's root and resolves its document signer by kid (QR codes). */
  readonly trust: TrustSource;
  /**
   * What the registry clerk hands a citizen with a card: the card number and a fresh one-time
   * activation code (the SMS stand-in), for the wallet's activation form.
   */
  clerkSlip(): Promise<ClerkSlip>;
  /**
   * A citizen with a card: the clerk's slip, then — from Node, as an issuer's web page would —
   * `POST /activation` for the offer and tx_code (the pasted-offer and scanned-offer paths).
   */
  activate(): Promise<Activation>;
  /** The person's current card number at the registry (a change of address issues a new card). */
  cardNumber(personId: string): Promise<string>;
  /** A fresh one-time activation code from the clerk (for a lost-phone report). */
  activationCode(personId: string): Promise<string>;
  /** The clerk changes the citizen's address at the registry (→ revocation and re-issue). */
  changeAddress(personId: string, street: string): Promise<void>;
  /** Verifies a presentation as a counter would: trust anchors and freshly fetched status lists. */
  verify(text: string): Promise<VerificationReport>;
  /** Stops the issuer (and with it the wallet's origin): for the offline test. */
  stopIssuer(): Promise<void>;
  close(): Promise<void>;
}

export interface ClerkSlip {
  readonly personId: string;
  readonly cardNumber: string;
  /** 8 digits, valid once (the issuer's default lifetime: 10 minutes). */
  readonly activationCode: string;
}

export interface Activation {
  readonly personId: string;
  readonly cardNumber: string;
  readonly offer: string;
  readonly txCode: string;
}

const CLERK = 'clerk-token-wallet-web-0123456789';
const SECRET = 'webhook-secret-wallet-web-0123456789';
const platform = createNodePlatform();
const quiet = createLogger({ name: 'wallet-web', level: 'silent' });

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface StartWalletPlatformOptions {
  /** The built wallet (`buildWebApp('apps/wallet-web')`); its wallet-config.json is written here. */
  readonly distDir: string;
  /** Also run the proximity relay. */
  readonly relay?: boolean;
  /** Roots (PEM) of the relying parties the wallet trusts (readers, online verifiers). */
  readonly relyingPartyRootsPem?: readonly string[];
}

export async function startWalletPlatform(options: StartWalletPlatformOptions): Promise<WalletPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-wallet-web-'));
  const closers: (() => Promise<unknown>)[] = [];
  const now = () => new Date();
  const authority = await createTestAuthority({ platform, suite: 'ES256', now: new Date() });

  let relay: RelayApp | undefined;
  let relayUrl: string | undefined;
  if (options.relay) {
    relay = await createRelayApp({ logger: quiet });
    const relayPort = await freePort();
    await relay.listen({ host: 'localhost', port: relayPort });
    relayUrl = `ws://localhost:${relayPort}`;
    closers.push(() => (relay as RelayApp).close());
  }

  const port = await freePort();
  const issuerUrl = `http://localhost:${port}`;
  const issuerDb = createDatabase<IssuerDatabase>({ file: join(dir, 'issuer.sqlite') });
  const issuer: IssuerApp = await createIssuerApp({
    ...withOid4vci({ platform, clock: now, suite: 'ES256', clerkTokens: [CLERK], secretHashKey: 'wallet-web-hash' }),
    config: { publicBaseUrl: issuerUrl, provinceCode: '44', webhookSecret: SECRET, statusShardSize: 4096 },
    database: issuerDb,
    platform,
    clock: now,
    logger: quiet,
    signer: authority.documentSigner.signer,
    certificateChain: authority.chain,
  });
  writeFileSync(
    join(options.distDir, 'wallet-config.json'),
    JSON.stringify({
      issuerUrl,
      ...(relayUrl ? { relayUrl } : {}),
      relyingPartyTrustAnchorsPem: options.relyingPartyRootsPem ?? [],
    }),
  );
  // the wallet talks to any issuer and verifier over https (offers, request objects, responses)
  await registerStaticSite(issuer, {
    root: options.distDir,
    prefix: '/wallet/',
    contentSecurityPolicy: `default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; connect-src 'self' https:${relayUrl ? ` ${relayUrl}` : ''}; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'`,
  });
  await issuer.listen({ host: 'localhost', port });
  let issuerOpen = true;
  const stopIssuer = async () => {
    if (!issuerOpen) return;
    issuerOpen = false;
    await issuer.close();
  };
  closers.push(stopIssuer, () => issuerDb.close());

  const registryDb = createDatabase<RegistryDatabase>({ file: join(dir, 'registry.sqlite') });
  const registry: RegistryApp = await createRegistryApp({
    database: registryDb,
    registry: { province: '44', seed: 11, population: 3 },
    clock: { now },
    random: (length) => new Uint8Array(randomBytes(length)),
    logger: quiet,
    clerkTokens: [CLERK],
    webhooks: [{ name: 'issuer-44', url: `${issuerUrl}/events/registry`, secret: SECRET }],
    delivery: { intervalMs: 50 },
  });
  const registryUrl = await registry.listen({ host: '127.0.0.1', port: 0 });
  closers.unshift(() => registry.close());
  closers.push(() => registryDb.close());

  const clerk = { authorization: `Bearer ${CLERK}`, 'content-type': 'application/json' };
  const activationCode = async (personId: string): Promise<string> => {
    const response = await fetch(`${issuerUrl}/activation/codes`, {
      method: 'POST',
      headers: clerk,
      body: JSON.stringify({ person_id: personId }),
    });
    return ((await response.json()) as { activation_code: string }).activation_code;
  };
  const clerkSlip = async (): Promise<ClerkSlip> => {
    const { persons } = (await (await fetch(`${registryUrl}/persons?limit=1`, { headers: clerk })).json()) as {
      persons: { person_id: string; card_number: string }[];
    };
    const person = persons[0] as { person_id: string; card_number: string };
    await eventually(
      async () => (await issuer.issuer.personDirectory.get(person.person_id))?.cardState === 'active' || undefined,
      'the card.issued event at the issuer',
    );
    return {
      personId: person.person_id,
      cardNumber: person.card_number,
      activationCode: await activationCode(person.person_id),
    };
  };
  const trust = createStaticTrustSource({
    platform,
    roots: [authority.root.der],
    documentSigners: [authority.documentSigner.der],
  });

  return {
    issuerUrl,
    walletUrl: `${issuerUrl}/wallet/`,
    registryUrl,
    ...(relayUrl ? { relayUrl } : {}),
    authority,
    trust,
    clerkSlip,
    async activate() {
      const slip = await clerkSlip();
      const activation = (await (
        await fetch(`${issuerUrl}/activation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ card_number: slip.cardNumber, activation_code: slip.activationCode }),
        })
      ).json()) as { credential_offer_link: string; tx_code: string };
      return {
        personId: slip.personId,
        cardNumber: slip.cardNumber,
        offer: activation.credential_offer_link,
        txCode: activation.tx_code,
      };
    },
    async cardNumber(personId) {
      const response = await fetch(`${registryUrl}/persons/${personId}`, { headers: clerk });
      return ((await response.json()) as { card: { card_number: string } }).card.card_number;
    },
    activationCode,
    async changeAddress(personId, street) {
      const response = await fetch(`${registryUrl}/persons/${personId}/address`, {
        method: 'POST',
        headers: clerk,
        body: JSON.stringify({ address: { region_code: '440106', city: '广州市', district: '天河区', street } }),
      });
      if (response.status !== 200) throw new Error(`address change answered ${response.status}`);
    },
    verify(text) {
      const statusResolver = createStatusListCache({
        platform,
        trust,
        fetchToken: async (uri) => {
          const response = await fetch(uri, { headers: { accept: 'application/statuslist+jwt' } });
          return { body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
        },
      });
      return verifyPresentation(platform, text, { trust, now: new Date(), statusResolver });
    },
    stopIssuer,
    async close() {
      for (const close of closers) await close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context and page with Chrome's virtual platform authenticator (PRF, UV). */
export async function openWalletPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; authenticatorId: string }> {
  const context = await browser.newContext({
    viewport: { width: 400, height: 860 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
    },
  });
  return { context, page, cdp, authenticatorId };
}

/**
 * What a phone downloads before the wallet's first screen: index.html and the entry script and
 * stylesheets it links (modulepreloaded chunks included), each gzip-compressed as a server would.
 */
export function initialLoadGzipBytes(distDir: string): { total: number; files: Record<string, number> } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files: Record<string, number> = { 'index.html': gzipSync(html).length };
  for (const file of new Set(linked)) files[file] = gzipSync(readFileSync(join(distDir, file))).length;
  return { total: Object.values(files).reduce((a, b) => a + b, 0), files };
}

/** First run on a fresh page: the PIN twice and the platform authenticator enrolled. */
export async function setUpWallet(page: Page, walletUrl: string, pin: string): Promise<void> {
  await page.goto(walletUrl);
  await page.getByTestId('first-run').waitFor();
  await page.getByLabel('数字密码', { exact: true }).fill(pin);
  await page.getByLabel('再次输入数字密码').fill(pin);
  await page.getByRole('button', { name: '创建钱包' }).click();
  await page.getByTestId('cards-screen').waitFor({ timeout: 30_000 });
}

/** Receives the activation's offer (pasted) with its tx_code, and waits until the card shows 有效. */
export async function receiveCard(page: Page, activation: Activation): Promise<void> {
  await page.getByRole('link', { name: '添加' }).click();
  await page.getByLabel('领证链接').fill(activation.offer);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('input[name="tx_code"]').fill(activation.txCode);
  await page.getByRole('button', { name: '领取并保存' }).click();
  await page.locator('[data-testid="id-card"][data-status="valid"]').waitFor({ timeout: 30_000 });
}

/**
 * From the cards list: present the first card as a hotel check-in QR after the fingerprint;
 * returns the code and the in-page time from the confirm tap to the code drawn on screen.
 */
export async function presentHotelQr(page: Page): Promise<{ text: string; confirmToQrMs: number }> {
  await page.getByRole('button', { name: '出示此证件' }).first().click();
  await page.getByTestId('qr-next').click();
  await page.getByTestId('confirm-biometric').click();
  const canvas = page.getByTestId('qr-code');
  await canvas.waitFor({ timeout: 20_000 });
  const text = (await canvas.getAttribute('data-qr-text')) ?? '';
  const confirmToQrMs = await page.evaluate(
    () => performance.getEntriesByName('zz-confirm-to-qr', 'measure').at(-1)?.duration ?? Number.NaN,
  );
  await page.getByRole('button', { name: '出示完毕' }).last().click();
  await page.getByTestId('cards-screen').waitFor();
  return { text, confirmToQrMs };
}

/**
 * Builds the wallet for production. Vitest sets NODE_ENV=test, and Vite then builds React's
 * development bundle (StrictMode runs effects twice, the bundle is larger): build as a release.
 */
export async function buildWalletForProduction(): Promise<string> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await buildWebApp('apps/wallet-web');
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
