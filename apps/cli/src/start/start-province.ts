import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '@zhengzhao/core';
import { createIssuerApp, type IssuerDatabase, withOid4vci } from '@zhengzhao/issuer';
import { createRegistryApp, type RegistryDatabase } from '@zhengzhao/registry';
import { createDatabase, type Logger } from '@zhengzhao/server-kit';
import { AUTHORITY_FILES, type OpenedAuthority, openAuthority } from '../authority-dir.js';
import { initAuthority } from '../commands/keys-init.js';
import type { DemoAgency, DemoProvince } from './demo-provinces.js';

/** The secrets the province services share with each other (demo-secrets.json). */
export interface ProvinceSecrets {
  readonly clerkToken: string;
  readonly webhookSecret: string;
  readonly secretHashKey: string;
}

export interface StartProvinceOptions {
  readonly platform: Platform;
  readonly logger: Logger;
  readonly dir: string;
  readonly province: DemoProvince;
  /** Ports of the registry, the public-security issuer and each agency's issuer (by agency id). */
  readonly ports: {
    readonly registry: number;
    readonly issuer: number;
    readonly agencies?: Readonly<Record<string, number>>;
  };
  readonly population: number;
  readonly passphrase: string;
  readonly secrets: ProvinceSecrets;
  readonly clock: () => Date;
}

/** One running province: its population registry simulator and its issuing authority. */
export interface RunningProvince {
  readonly province: DemoProvince;
  readonly registryUrl: string;
  readonly issuerUrl: string;
  readonly authority: OpenedAuthority;
  /** The province's other authorities (social security…), on the same registry events. */
  readonly agencies: readonly RunningAgency[];
  close(): Promise<void>;
}

/** Another authority of a province, issuing another credential type with its own keys. */
export interface RunningAgency {
  readonly agency: DemoAgency;
  readonly issuerUrl: string;
  readonly authority: OpenedAuthority;
  close(): Promise<void>;
}

/**
 * Starts one province of the demo: its authority keys (made on first start in
 * `dir/authority-<code>`, encrypted under the passphrase), its issuer on SQLite
 * (`issuer-<code>.sqlite`) and its population-registry simulator (`registry-<code>.sqlite`, the
 * Guangdong one keeps its old name `registry.sqlite`) sending card events to the issuer.
 */
export async function startProvince(options: StartProvinceOptions): Promise<RunningProvince> {
  const { logger, dir, province, ports, secrets, clock } = options;
  const { code } = province;
  const registryUrl = `http://127.0.0.1:${ports.registry}`;
  const main = await startAuthority(options, {
    key: code,
    name: province.name,
    suite: province.suite,
    port: ports.issuer,
    registryUrl,
  });
  const agencies: RunningAgency[] = [];
  for (const agency of province.agencies ?? []) {
    const port = ports.agencies?.[agency.id];
    if (port === undefined) continue;
    const started = await startAuthority(options, {
      key: `${code}-${agency.id}`,
      name: agency.name,
      suite: province.suite,
      port,
      registryUrl,
      credentialType: agency.credentialType,
    });
    agencies.push({ agency, issuerUrl: started.issuerUrl, authority: started.authority, close: started.close });
  }
  const { issuerUrl, authority } = main;
  const registryDb = createDatabase<RegistryDatabase>({
    file: join(dir, code === '44' ? 'registry.sqlite' : `registry-${code}.sqlite`),
  });
  const registry = await createRegistryApp({
    database: registryDb,
    registry: {
      province: code,
      seed: province.seed,
      population: options.population,
      withoutCard: Math.min(5, options.population),
    },
    clock: { now: clock },
    random: (length) => new Uint8Array(randomBytes(length)),
    logger,
    clerkTokens: [secrets.clerkToken],
    // every authority of the province follows the same population record
    webhooks: [
      { name: `issuer-${code}`, url: `${issuerUrl}/events/registry`, secret: secrets.webhookSecret },
      ...agencies.map((running) => ({
        name: `issuer-${code}-${running.agency.id}`,
        url: `${running.issuerUrl}/events/registry`,
        secret: secrets.webhookSecret,
      })),
    ],
    issuerUrl,
    otherIssuers: agencies.map((running) => ({ name: running.agency.name, url: running.issuerUrl })),
  });
  await registry.listen({ host: '127.0.0.1', port: ports.registry });
  return {
    province,
    registryUrl,
    issuerUrl,
    authority,
    agencies,
    async close() {
      await registry.close();
      await registryDb.close();
      for (const running of agencies) await running.close();
      await main.close();
    },
  };
}

/**
 * One issuing authority of a province: its keys (made on first start in `dir/authority-<key>`,
 * encrypted under the passphrase) and its issuer on SQLite (`issuer-<key>.sqlite`), issuing
 * `credentialType` (default the e-ID) from the province's registry events.
 */
async function startAuthority(
  options: StartProvinceOptions,
  spec: {
    key: string;
    name: { readonly 'zh-CN': string; readonly en: string };
    suite: DemoProvince['suite'];
    port: number;
    registryUrl: string;
    credentialType?: string;
  },
): Promise<{ issuerUrl: string; authority: OpenedAuthority; close(): Promise<void> }> {
  const { platform, logger, dir, province, secrets, clock } = options;
  const issuerUrl = `http://127.0.0.1:${spec.port}`;
  const authorityDir = join(dir, `authority-${spec.key}`);
  if (!existsSync(join(authorityDir, AUTHORITY_FILES.manifest))) {
    await initAuthority({
      platform,
      suite: spec.suite,
      name: `${spec.name['zh-CN']} (demo)`,
      provinceCode: province.code,
      country: 'CN',
      issuerUri: issuerUrl,
      rootDays: 3650,
      dsDays: 365,
      now: clock(),
      out: authorityDir,
      passphrase: options.passphrase,
      force: false,
    });
  }
  const authority = await openAuthority(platform, authorityDir, options.passphrase);
  const issuerDb = createDatabase<IssuerDatabase>({ file: join(dir, `issuer-${spec.key}.sqlite`) });
  const issuer = await createIssuerApp({
    ...withOid4vci({
      platform,
      clock,
      suite: authority.suite,
      clerkTokens: [secrets.clerkToken],
      clerkOrigins: [spec.registryUrl],
      secretHashKey: secrets.secretHashKey,
    }),
    config: {
      publicBaseUrl: issuerUrl,
      provinceCode: province.code,
      authorityName: spec.name,
      ...(spec.credentialType ? { credentialType: spec.credentialType } : {}),
      webhookSecret: secrets.webhookSecret,
    },
    database: issuerDb,
    platform,
    clock,
    logger,
    signer: authority.signer,
    certificateChain: [authority.documentSignerDer],
  });
  await issuer.listen({ host: '127.0.0.1', port: spec.port });
  return {
    issuerUrl,
    authority,
    async close() {
      await issuer.close();
      await issuerDb.close();
    },
  };
}
