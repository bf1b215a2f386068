import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeBase64url, encodeCertificatePem } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { closeOnSignals, createLogger, writeFileAtomic } from '@zhengzhao/server-kit';
import { startShare } from '@zhengzhao/share';
import { parseInteger } from '../args.js';
import { DEMO_PASSPHRASE } from '../demo-data.js';
import { readJsonFile } from '../io.js';
import { DEMO_PROVINCES } from '../start/demo-provinces.js';
import { demoRelyingParties } from '../start/demo-relying-parties.js';
import { enrolProvince } from '../start/enrol-demo-provinces.js';
import { startNationalRegistry } from '../start/start-national-registry.js';
import { startProvince } from '../start/start-province.js';
import { startWalletAndVerifier } from '../start/start-wallet-and-verifier.js';

export const START_HELP = `zz start — run the platform on this machine (embedded SQLite, demo data)

Usage: zz start [--dir ./data] [--population 200] [--trust-port 8700]
                [--registry-port 8710] [--issuer-port 3100]          (Guangdong, 44)
                [--registry-port-33 8711] [--issuer-port-33 3101]    (Zhejiang, 33)
                [--registry-port-11 8712] [--issuer-port-11 3102]    (Beijing, 11, SM2)
                [--relay-port 8720] [--verifier-port 8730] [--counter-port 8740] [--wallet-port 8750]
                [--share-port 8760] [--sscard-port 3103]   (Guangdong social security)

Starts, in one process:
  trust      the national trust registry: the national root, the signed trust list (every
             province's authority, the credential catalog, registered relying parties)
  registry   per province, the population-registry simulator with synthetic citizens and
             its zh-CN clerk page (card issued, changed, renewed, lost, cancelled)
  issuer     per province, the issuing authority: follows its registry's card events,
             activates wallets over OpenID4VCI 1.0, publishes Token Status Lists —
             Guangdong (44) and Zhejiang (33) on ES256, Beijing (11) on SM2
  wallet     the holder wallet web app (PWA: fingerprint/face via WebAuthn, or a PIN)
  counter    the counter web app that hotels, stations and hospitals use to check an e-ID;
             it pins only the national root and verifies every province's credentials
  verifier   POST /verify for back offices, OpenID4VP endpoints and an e-ID login demo page
  relay      the WebSocket relay that carries encrypted proximity sessions
  share      the e-licence sharing service (文件调用): a registered agency (the demo bank) asks
             for a licence, the holder consents in the wallet, every step goes into a Merkle
             access log the wallet checks
and prints one line per service. Everything lives in --dir (created on first start, reused
after): SQLite databases, the authorities' and the national registry's keys (encrypted under
ZZ_PASSPHRASE, or the demo passphrase when it is unset) and demo-secrets.json (the clerk and
registry admin tokens and the service secrets). The web apps are built on first start (and
after their sources change) into --dir/web. Open them on localhost (a secure context:
WebCrypto, WebAuthn and service workers need it). Stop with Ctrl-C.
'zz demo' runs the credential formats end to end without services.
`;

interface DemoSecrets {
  readonly clerkToken: string;
  readonly webhookSecret: string;
  readonly secretHashKey: string;
  readonly verifyApiKey: string;
  readonly registryAdminToken: string;
}

/** Ports of one province's registry simulator and issuer, by flag. */
const PROVINCE_PORT_FLAGS: Record<string, { registry: string; issuer: string }> = {
  '44': { registry: 'registry-port', issuer: 'issuer-port' },
  '33': { registry: 'registry-port-33', issuer: 'issuer-port-33' },
  '11': { registry: 'registry-port-11', issuer: 'issuer-port-11' },
};

export async function startCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      dir: { type: 'string', default: './data' },
      'trust-port': { type: 'string', default: '8700' },
      'registry-port': { type: 'string', default: '8710' },
      'issuer-port': { type: 'string', default: '3100' },
      'registry-port-33': { type: 'string', default: '8711' },
      'issuer-port-33': { type: 'string', default: '3101' },
      'registry-port-11': { type: 'string', default: '8712' },
      'issuer-port-11': { type: 'string', default: '3102' },
      population: { type: 'string', default: '200' },
      'relay-port': { type: 'string', default: '8720' },
      'verifier-port': { type: 'string', default: '8730' },
      'counter-port': { type: 'string', default: '8740' },
      'wallet-port': { type: 'string', default: '8750' },
      'share-port': { type: 'string', default: '8760' },
      'sscard-port': { type: 'string', default: '3103' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(START_HELP);
    return 0;
  }
  const dir = resolve(values.dir);
  const port = (flag: keyof typeof values) => parseInteger(values[flag] as string, flag, 1, 65535);
  const population = parseInteger(values.population, 'population', 1, 100_000);
  const ports = {
    relay: port('relay-port'),
    verifier: port('verifier-port'),
    counter: port('counter-port'),
    wallet: port('wallet-port'),
    share: port('share-port'),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const platform = createNodePlatform();
  const now = () => new Date();
  const logger = createLogger({ name: 'zz-start', level: (process.env.ZZ_LOG_LEVEL ?? 'warn') as 'warn' });
  const passphrase = process.env.ZZ_PASSPHRASE || DEMO_PASSPHRASE;
  const secrets = await demoSecrets(join(dir, 'demo-secrets.json'));
  const national = await startNationalRegistry({
    platform,
    logger,
    dir,
    port: port('trust-port'),
    passphrase,
    adminToken: secrets.registryAdminToken,
    clock: now,
  });
  const provinces = [];
  for (const province of DEMO_PROVINCES) {
    const flags = PROVINCE_PORT_FLAGS[province.code] as { registry: string; issuer: string };
    const running = await startProvince({
      platform,
      logger,
      dir,
      province,
      ports: {
        registry: port(flags.registry as keyof typeof values),
        issuer: port(flags.issuer as keyof typeof values),
        ...(province.code === '44' ? { agencies: { rsj: port('sscard-port') } } : {}),
      },
      population,
      passphrase,
      secrets,
      clock: now,
    });
    await enrolProvince(national, running);
    provinces.push(running);
  }
  const relyingParties = await demoRelyingParties(join(dir, 'demo-relying-parties.json'), national);
  const trustList = await national.get('/trust-list');
  const share = await startShare({
    port: ports.share,
    publicUrl: `http://localhost:${ports.share}`,
    dir: join(dir, 'share'),
    keyPassphrase: passphrase,
    trust: { nationalRoot: national.rootPem, trustListUrl: national.trustListUrl, trustList: trustList.body },
    platform,
    logger,
    clock: now,
    handleSignals: false,
  });

  const holderAndVerifier = await startWalletAndVerifier({
    platform,
    logger,
    dir,
    ports,
    issuers: provinces.flatMap(({ province, issuerUrl, authority, agencies }) => [
      { code: province.code, name: province.name, url: issuerUrl, iacaPem: encodeCertificatePem(authority.rootDer) },
      ...agencies.map((running) => ({
        code: `${province.code}-${running.agency.id}`,
        name: running.agency.name,
        url: running.issuerUrl,
        iacaPem: encodeCertificatePem(running.authority.rootDer),
      })),
    ]),
    national: { rootPem: national.rootPem, trustListUrl: national.trustListUrl, trustList: trustList.body },
    relyingParties,
    shareUrl: `http://localhost:${ports.share}`,
    verifyApiKey: secrets.verifyApiKey,
    onProgress: (line) => process.stdout.write(`${line}\n`),
  });
  const { urls } = holderAndVerifier;

  const provinceLines = provinces.flatMap(({ province, registryUrl, issuerUrl, authority, agencies }) => [
    `registry${province.code === '44' ? '  ' : `-${province.code}`} ${registryUrl}/   ${province.name['zh-CN']}人口库模拟 population registry`,
    `issuer-${province.code}  ${issuerUrl}/docs   ${province.name['zh-CN']} ${province.name.en} (${authority.suite}), OpenID4VCI + status lists`,
    ...agencies.map(
      (running) =>
        `issuer-${province.code}-${running.agency.id} ${running.issuerUrl}/docs   ${running.agency.name['zh-CN']} (${running.agency.credentialType}, ${running.authority.suite})`,
    ),
  ]);
  process.stdout.write(
    [
      `trust      ${national.url}/docs   国家证照信任注册中心 national trust registry (root: ${national.url}/root.pem)`,
      ...provinceLines,
      `           clerk and registry admin tokens in ${join(dir, 'demo-secrets.json')}`,
      `wallet     ${urls.wallet}/   证照钱包 holder wallet (PWA)`,
      `counter    ${urls.counter}/   证照核验 counter app (scan a QR or run a proximity session)`,
      `verifier   ${urls.verifier}/   使用电子身份证登录 e-ID login demo; POST /verify (API key in demo-secrets.json)`,
      `relay      ${urls.relay}/   proximity-session relay (sees only ciphertext)`,
      `share      http://localhost:${ports.share}/docs   证照共享文件调用 sharing service (demo agency: ${relyingParties.bank.id})`,
      '',
    ].join('\n'),
  );
  // the trust registry's HTTP server drains first, then the apps, the provinces and its database
  closeOnSignals(national.app, [
    () => holderAndVerifier.close(),
    () => share.close(),
    ...provinces.map((running) => () => running.close()),
    () => national.closeDatabase(),
  ]);
  // runs until SIGINT/SIGTERM: the shutdown handler closes every service and exits
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
    registryAdminToken: stored.registryAdminToken ?? secret(),
  };
  if (stored.verifyApiKey === undefined || stored.registryAdminToken === undefined)
    await writeFileAtomic(path, `${JSON.stringify(secrets, null, 2)}\n`);
  return secrets;
}
