import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticTrustSource, decodeBase64url, decodeCertificatePem, decodeSessionData } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createVerifier, type Verifier } from '@zhengzhao/verifier';
import jsQRModule from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { type RunningZzStart, spawnZzStart } from '../../apps/cli/test/spawn-zz-start.js';
import type { TestRelyingParty } from '../../packages/wallet/src/present/test/relying-party.js';
import type { TestReader } from '../../packages/wallet/src/present/test/test-reader.js';

// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object,
// while other loaders hand over the function itself.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ??
  jsQRModule) as unknown as typeof jsQRModule.default;

/**
 * The platform as `npm start` runs it (`zz start`, the real CLI in a child process) in a fresh
 * data directory, with the URLs a browser uses and the demo secrets `zz start` wrote there.
 */
export interface StartedPlatform {
  readonly process: RunningZzStart;
  readonly urls: {
    /** Guangdong's (44) registry simulator and issuer. */
    readonly registry: string;
    readonly issuer: string;
    readonly wallet: string;
    readonly verifier: string;
    readonly counter: string;
    /** The sharing service (no trailing slash: it is the `aud` of signed calls). */
    readonly share: string;
    readonly trustRegistry: string;
  };
  /** Each province's registry simulator and issuer, by province code (44, 33, 11). */
  readonly provinces: Readonly<Record<string, { readonly registry: string; readonly issuer: string }>>;
  readonly clerkToken: string;
  /** The data directory (`--dir`): demo secrets and the demo relying parties' keys live there. */
  readonly dir: string;
  /** Stops `zz start` (SIGTERM; its exit code) and removes the data directory. */
  stop(): Promise<number | null>;
}

export async function startPlatform(population: number): Promise<StartedPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-platform-'));
  // generous: each platform test builds the two web apps in its own data directory, and several
  // run at once on a loaded two-core CI machine
  const running = await spawnZzStart(dir, population, 360_000);
  const stop = async () => {
    const code = await running.stop();
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  if (!running.output().includes('relay      ')) {
    const output = running.output();
    await stop();
    throw new Error(`zz start did not come up; it printed:\n${output}`);
  }
  const { clerkToken } = JSON.parse(readFileSync(join(dir, 'demo-secrets.json'), 'utf8')) as { clerkToken: string };
  const { ports } = running;
  return {
    process: running,
    urls: {
      registry: `http://127.0.0.1:${ports.registry}`,
      issuer: `http://127.0.0.1:${ports.issuer}`,
      wallet: `http://localhost:${ports.wallet}/`,
      verifier: `http://localhost:${ports.verifier}/`,
      counter: `http://localhost:${ports.counter}/`,
      share: `http://localhost:${ports.share}`,
      trustRegistry: `http://127.0.0.1:${ports.trust}`,
    },
    provinces: {
      '44': { registry: `http://127.0.0.1:${ports.registry}`, issuer: `http://127.0.0.1:${ports.issuer}` },
      '33': { registry: `http://127.0.0.1:${ports['registry-33']}`, issuer: `http://127.0.0.1:${ports['issuer-33']}` },
      '11': { registry: `http://127.0.0.1:${ports['registry-11']}`, issuer: `http://127.0.0.1:${ports['issuer-11']}` },
      // Guangdong's social security authority: another issuer on the Guangdong registry's events
      '44-rsj': { registry: `http://127.0.0.1:${ports.registry}`, issuer: `http://127.0.0.1:${ports.sscard}` },
    },
    clerkToken,
    dir,
    stop,
  };
}

/** What the registry holds about a citizen (the clerk's view), as far as these tests compare it. */
export interface Citizen {
  readonly personId: string;
  readonly cardNumber: string;
  readonly fullName: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly idNumber: string;
  readonly birthDate: string;
  readonly street: string;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The first citizen with a valid card, found through the registry's clerk API. */
export async function findCitizenWithCard(platform: StartedPlatform, province = '44', nth = 0): Promise<Citizen> {
  const headers = { authorization: `Bearer ${platform.clerkToken}` };
  const registry = platform.provinces[province]?.registry ?? platform.urls.registry;
  const { persons } = await json<{ persons: { person_id: string; card_state: string; card_number: string | null }[] }>(
    await fetch(`${registry}/persons?limit=100`, { headers }),
    'GET /persons',
  );
  const summary = persons.filter((person) => person.card_state === 'valid' && person.card_number !== null)[nth];
  if (!summary) throw new Error('no citizen with a valid card in the demo population');
  const detail = await json<{
    person_id: string;
    id_number: string;
    family_name: string;
    given_name: string;
    full_name: string;
    birth_date: string;
    address: { street: string };
    card: { card_number: string } | null;
  }>(await fetch(`${registry}/persons/${summary.person_id}`, { headers }), 'GET /persons/:id');
  if (!detail.card) throw new Error('the chosen citizen has no card');
  return {
    personId: detail.person_id,
    cardNumber: detail.card.card_number,
    fullName: detail.full_name,
    familyName: detail.family_name,
    givenName: detail.given_name,
    idNumber: detail.id_number,
    birthDate: detail.birth_date,
    street: detail.address.street,
  };
}

/**
 * The activation a citizen goes through at the counter: the clerk asks the issuer for a one-time
 * activation code (retried until the registry's card.issued event has reached the issuer), and the
 * holder trades card number + code for a credential offer and its tx_code (`POST /activation`).
 */
export async function activateCitizen(
  platform: StartedPlatform,
  citizen: Citizen,
  timeoutMs = 30_000,
  province = '44',
): Promise<{ offer: string; txCode: string }> {
  const issuer = platform.provinces[province]?.issuer ?? platform.urls.issuer;
  const clerk = { authorization: `Bearer ${platform.clerkToken}`, 'content-type': 'application/json' };
  const deadline = Date.now() + timeoutMs;
  let code: string | undefined;
  let lastStatus = 0;
  while (code === undefined) {
    const response = await fetch(`${issuer}/activation/codes`, {
      method: 'POST',
      headers: clerk,
      body: JSON.stringify({ person_id: citizen.personId }),
    });
    lastStatus = response.status;
    if (response.status === 201) code = ((await response.json()) as { activation_code: string }).activation_code;
    else if (Date.now() > deadline) throw new Error(`POST /activation/codes kept answering HTTP ${lastStatus}`);
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const activation = await json<{ credential_offer_link: string; tx_code: string }>(
    await fetch(`${issuer}/activation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card_number: citizen.cardNumber, activation_code: code }),
    }),
    'POST /activation',
  );
  return { offer: activation.credential_offer_link, txCode: activation.tx_code };
}

/**
 * Decodes the login page's cross-device QR code from its rendered pixels (the `<img>` drawn onto a
 * canvas in the page, read back, decoded here with jsQR), not from an attribute.
 */
export async function loginQrText(page: Page): Promise<string> {
  await page.locator('#qr').waitFor({ state: 'visible' });
  const side = 320;
  const base64 = await page.evaluate(async (size) => {
    const img = document.getElementById('qr') as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.drawImage(img, 0, 0, size, size);
    const pixels = context.getImageData(0, 0, size, size).data;
    let binary = '';
    for (let i = 0; i < pixels.length; i += 8192) binary += String.fromCharCode(...pixels.subarray(i, i + 8192));
    return btoa(binary);
  }, side);
  const found = jsQR(new Uint8ClampedArray(Buffer.from(base64, 'base64')), side, side);
  if (!found) throw new Error('no QR code found in the login page image');
  return found.data;
}

/** A Content-Security-Policy violation a page reported (`securitypolicyviolation`). */
export interface CspViolation {
  readonly page: string;
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
}

const CSP_MARK = 'zz-csp-violation ';

/**
 * Records every CSP violation and uncaught error in every page of the context: an init script
 * reports `securitypolicyviolation` events on the console, which this reads back. A blocked fetch
 * (connect-src), script or image shows up here even when the page handles the failure quietly.
 */
export async function watchContext(context: BrowserContext): Promise<{ csp: CspViolation[]; errors: string[] }> {
  const csp: CspViolation[] = [];
  const errors: string[] = [];
  await context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const { violatedDirective: directive, blockedURI: blocked, sourceFile: source } = event;
      console.info(mark + JSON.stringify({ directive, blocked, source }));
    });
  }, CSP_MARK);
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`${new URL(page.url()).origin}: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (!text.startsWith(CSP_MARK)) return;
      csp.push({
        page: new URL(page.url()).origin,
        ...(JSON.parse(text.slice(CSP_MARK.length)) as Omit<CspViolation, 'page'>),
      });
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return { csp, errors };
}

/**
 * The demo counter's reader identity as `zz start` registered it (key and certificate in the data
 * directory), to sign ISO 18013-5 device requests from a test reader.
 */
export async function demoCounterReader(platform: StartedPlatform): Promise<TestRelyingParty> {
  const crypto = createNodePlatform();
  const parties = JSON.parse(readFileSync(join(platform.dir, 'demo-relying-parties.json'), 'utf8')) as {
    rootPem: string;
    counter: { certificateChainPem: string[]; privateKeyJwk: { d: string } };
  };
  const rootDer = decodeCertificatePem(parties.rootPem);
  return {
    signer: await crypto.suite('ES256').importSigner(decodeBase64url(parties.counter.privateKeyJwk.d)),
    chain: parties.counter.certificateChainPem.map((pem) => decodeCertificatePem(pem)),
    rootDer,
    trust: createStaticTrustSource({ platform: crypto, roots: [rootDer] }),
  };
}

/**
 * The holder approves everything asked in the wallet (confirming with the fingerprint when asked),
 * and the test reader decrypts the DeviceResponse the wallet sent.
 */
export async function approveAndReceive(page: Page, connection: TestReader): Promise<Uint8Array> {
  await page.getByTestId('approve-all').click();
  const deadline = Date.now() + 30_000;
  while (connection.pending === 0 && Date.now() < deadline) {
    const confirm = page.getByTestId('confirm-biometric');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page.waitForTimeout(200);
  }
  const reply = decodeSessionData(await connection.next(20_000));
  return connection.session.cipher.decrypt(reply.data as Uint8Array);
}

/** A counter's verifier SDK with nothing but the platform's national root and trust list, refreshed. */
export async function nationalVerifier(platform: StartedPlatform): Promise<Verifier> {
  const root = await (await fetch(`${platform.urls.trustRegistry}/root.pem`)).text();
  const verifier = createVerifier({
    platform: createNodePlatform(),
    trust: { nationalRoot: root, trustListUrl: `${platform.urls.trustRegistry}/trust-list` },
    fetch: globalThis.fetch,
  });
  await verifier.refresh();
  return verifier;
}
