import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeBase64url } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createIssuerApp, type IssuerDatabase, withOid4vci } from '@zhengzhao/issuer';
import { createRegistryApp, type RegistryDatabase } from '@zhengzhao/registry';
import { closeOnSignals, createDatabase, createLogger, writeFileAtomic } from '@zhengzhao/server-kit';
import { parseInteger } from '../args.js';
import { AUTHORITY_FILES, openAuthority } from '../authority-dir.js';
import { DEMO_PASSPHRASE } from '../demo-data.js';
import { readJsonFile } from '../io.js';
import { demoRelyingParties } from '../start/demo-relying-parties.js';
import { startWalletAndVerifier, trustBundleOf } from '../start/start-wallet-and-verifier.js';
import { initAuthority } from './keys-init.js';

export const START_HELP = `zz start — run the platform on this machine (embedded SQLite, demo data)

Usage: zz start [--dir ./data] [--registry-port 8710] [--issuer-port 3100] [--population 200]
                [--relay-port 8720] [--verifier-port 8730] [--counter-port 8740] [--wallet-port 8750]

Starts, in one process:
  registry   the population-registry simulator with synthetic citizens of Guangdong (44) and
             its zh-CN clerk page (card issued, changed, renewed, lost, cancelled)
  issuer-44  the Guangdong issuing authority (ES256): follows the registry's card events,
             activates wallets over OpenID4VCI 1.0, publishes Token Status Lists
  wallet     the holder wallet web app (PWA: fingerprint/face via WebAuthn, or a PIN)
  counter    the counter web app that hotels, stations and hospitals use to check an e-ID
  verifier   POST /verify for back offices, OpenID4VP endpoints and an e-ID login demo page
  relay      the WebSocket relay that carries encrypted proximity sessions
and prints one line per service. Everything lives in --dir (created on first start, reused
after): SQLite databases, the authority's keys (encrypted under ZZ_PASSPHRASE, or the demo
passphrase when it is unset) and demo-secrets.json (the clerk token and the service secrets).
The web apps are built on first start (and after their sources change) into --dir/web.
Open them on localhost (a secure context: WebCrypto, WebAuthn and service workers need it).
Stop with Ctrl-C. 'zz demo' runs the credential formats end to end without services.
`;

interface DemoSecrets {
  readonly clerkToken: string;
  readonly webhookSecret: string;
  readonly secretHashKey: string;
  readonly verifyApiKey: string;
}

export async function startCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      dir: { type: 'string', default: './data' },
      'registry-port': { type: 'string', default: '8710' },
      'issuer-port': { type: 'string', default: '3100' },
      population: { type: 'string', default: '200' },
      'relay-port': { type: 'string', default: '8720' },
      'verifier-port': { type: 'string', default: '8730' },
      'counter-port': { type: 'string', default: '8740' },
      'wallet-port': { type: 'string', default: '8750' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(START_HELP);
    return 0;
  }
  const dir = resolve(values.dir);
  const registryPort = parseInteger(values['registry-port'], 'registry-port', 1, 65535);
  const issuerPort = parseInteger(values['issuer-port'], 'issuer-port', 1, 65535);
  const population = parseInteger(values.population, 'population', 1, 100_000);
  const ports = {
    relay: parseInteger(values['relay-port'], 'relay-port', 1, 65535),
    verifier: parseInteger(values['verifier-port'], 'verifier-port', 1, 65535),
    counter: parseInteger(values['counter-port'], 'counter-port', 1, 65535),
    wallet: parseInteger(values['wallet-port'], 'wallet-port', 1, 65535),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const platform = createNodePlatform();
  const now = () => new Date();
  const logger = createLogger({ name: 'zz-start', level: (process.env.ZZ_LOG_LEVEL ?? 'warn') as 'warn' });
  const passphrase = process.env.ZZ_PASSPHRASE || DEMO_PASSPHRASE;
  const secrets = await demoSecrets(join(dir, 'demo-secrets.json'));
  const authorityDir = join(dir, 'authority-44');
  if (!existsSync(join(authorityDir, AUTHORITY_FILES.manifest))) {
    await initAuthority({
      platform,
      suite: 'ES256',
      name: '广东省公安厅 (demo)',
      provinceCode: '44',
      country: 'CN',
      issuerUri: `http://127.0.0.1:${issuerPort}`,
      rootDays: 3650,
      dsDays: 365,
      now: now(),
      out: authorityDir,
      passphrase,
      force: false,
    });
  }
  const authority = await openAuthority(platform, authorityDir, passphrase);
  const issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const registryUrl = `http://127.0.0.1:${registryPort}`;

  const issuerDb = createDatabase<IssuerDatabase>({ file: join(dir, 'issuer-44.sqlite') });
  const registryDb = createDatabase<RegistryDatabase>({ file: join(dir, 'registry.sqlite') });
  const issuer = await createIssuerApp({
    ...withOid4vci({
      platform,
      clock: now,
      suite: authority.suite,
      clerkTokens: [secrets.clerkToken],
      clerkOrigins: [registryUrl],
      secretHashKey: secrets.secretHashKey,
    }),
    config: { publicBaseUrl: issuerUrl, provinceCode: '44', webhookSecret: secrets.webhookSecret },
    database: issuerDb,
    platform,
    clock: now,
    logger,
    signer: authority.signer,
    certificateChain: [authority.documentSignerDer],
  });
  await issuer.listen({ host: '127.0.0.1', port: issuerPort });
  const registry = await createRegistryApp({
    database: registryDb,
    registry: { province: '44', seed: 20261127, population, withoutCard: Math.min(5, population) },
    clock: { now },
    random: (length) => new Uint8Array(randomBytes(length)),
    logger,
    clerkTokens: [secrets.clerkToken],
    webhooks: [{ name: 'issuer-44', url: `${issuerUrl}/events/registry`, secret: secrets.webhookSecret }],
    issuerUrl,
  });
  await registry.listen({ host: '127.0.0.1', port: registryPort });

  const holderAndVerifier = await startWalletAndVerifier({
    platform,
    logger,
    dir,
    ports,
    issuerUrl,
    trustBundle: trustBundleOf({
      id: 'cn-44',
      name: { 'zh-CN': '广东省公安厅 (演示)', en: 'Guangdong Public Security Department (demo)' },
      suite: authority.suite,
      rootDer: authority.rootDer,
      documentSignerDer: authority.documentSignerDer,
      now,
    }),
    relyingParties: await demoRelyingParties(join(dir, 'demo-relying-parties.json'), now()),
    verifyApiKey: secrets.verifyApiKey,
    onProgress: (line) => process.stdout.write(`${line}\n`),
  });
  const { urls } = holderAndVerifier;

  process.stdout.write(
    [
      `registry   ${registryUrl}/   人口库模拟 population registry (clerk token in ${join(dir, 'demo-secrets.json')})`,
      `issuer-44  ${issuerUrl}/docs   广东 Guangdong issuing authority (ES256), OpenID4VCI + status lists`,
      `wallet     ${urls.wallet}/   证照钱包 holder wallet (PWA)`,
      `counter    ${urls.counter}/   证照核验 counter app (scan a QR or run a proximity session)`,
      `verifier   ${urls.verifier}/   使用电子身份证登录 e-ID login demo; POST /verify (API key in demo-secrets.json)`,
      `relay      ${urls.relay}/   proximity-session relay (sees only ciphertext)`,
      '',
    ].join('\n'),
  );
  closeOnSignals(registry, [
    () => holderAndVerifier.close(),
    () => registryDb.close(),
    () => issuer.close(),
    () => issuerDb.close(),
  ]);
  // runs until SIGINT/SIGTERM: the shutdown handler closes both services and exits
  return await new Promise<number>(() => undefined);
}

/** The demo's service secrets: made once, kept (mode 0600) in the data directory. */
async function demoSecrets(path: string): Promise<DemoSecrets> {
  const secret = () => encodeBase64url(new Uint8Array(randomBytes(24)));
  const stored = existsSync(path) ? (readJsonFile(path) as Partial<DemoSecrets>) : {};
  const secrets: DemoSecrets = {
    clerkToken: stored.clerkToken ?? secret(),
    webhookSecret: stored.webhookSecret ?? secret(),
    secretHashKey: stored.secretHashKey ?? secret(),
    // data directories made before the verifier service existed get its key on their next start
    verifyApiKey: stored.verifyApiKey ?? secret(),
  };
  if (stored.verifyApiKey === undefined) await writeFileAtomic(path, `${JSON.stringify(secrets, null, 2)}\n`);
  return secrets;
}
