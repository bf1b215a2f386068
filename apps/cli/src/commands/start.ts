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
import { initAuthority } from './keys-init.js';

export const START_HELP = `zz start — run the platform on this machine (embedded SQLite, demo data)

Usage: zz start [--dir ./data] [--registry-port 8710] [--issuer-port 3100] [--population 200]

Starts, in one process:
  registry   the population-registry simulator with synthetic citizens of Guangdong (44) and
             its zh-CN clerk page (card issued, changed, renewed, lost, cancelled)
  issuer-44  the Guangdong issuing authority (ES256): follows the registry's card events,
             activates wallets over OpenID4VCI 1.0, publishes Token Status Lists
and prints one line per service. Everything lives in --dir (created on first start, reused
after): SQLite databases, the authority's keys (encrypted under ZZ_PASSPHRASE, or the demo
passphrase when it is unset) and demo-secrets.json (the clerk token and the service secrets).
Stop with Ctrl-C. 'zz demo' runs the credential formats end to end without services.
`;

interface DemoSecrets {
  readonly clerkToken: string;
  readonly webhookSecret: string;
  readonly secretHashKey: string;
}

export async function startCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      dir: { type: 'string', default: './data' },
      'registry-port': { type: 'string', default: '8710' },
      'issuer-port': { type: 'string', default: '3100' },
      population: { type: 'string', default: '200' },
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

  process.stdout.write(
    [
      `registry   ${registryUrl}/   人口库模拟 population registry (clerk token in ${join(dir, 'demo-secrets.json')})`,
      `issuer-44  ${issuerUrl}/docs   广东 Guangdong issuing authority (ES256), OpenID4VCI + status lists`,
      '',
    ].join('\n'),
  );
  closeOnSignals(registry, [() => registryDb.close(), () => issuer.close(), () => issuerDb.close()]);
  // runs until SIGINT/SIGTERM: the shutdown handler closes both services and exits
  return await new Promise<number>(() => undefined);
}

/** The demo's service secrets: made once, kept (mode 0600) in the data directory. */
async function demoSecrets(path: string): Promise<DemoSecrets> {
  if (existsSync(path)) return readJsonFile(path) as DemoSecrets;
  const secret = () => encodeBase64url(new Uint8Array(randomBytes(24)));
  const secrets: DemoSecrets = { clerkToken: secret(), webhookSecret: secret(), secretHashKey: secret() };
  await writeFileAtomic(path, `${JSON.stringify(secrets, null, 2)}\n`);
  return secrets;
}
