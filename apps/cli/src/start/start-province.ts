import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '@zhengzhao/core';
import { createIssuerApp, type IssuerDatabase, withOid4vci } from '@zhengzhao/issuer';
import { createRegistryApp, type RegistryDatabase } from '@zhengzhao/registry';
import { createDatabase, type Logger } from '@zhengzhao/server-kit';
import { AUTHORITY_FILES, type OpenedAuthority, openAuthority } from '../authority-dir.js';
import { initAuthority } from '../commands/keys-init.js';
import type { DemoProvince } from './demo-provinces.js';

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
  readonly ports: { readonly registry: number; readonly issuer: number };
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
  close(): Promise<void>;
}

/**
 * Starts one province of the demo: its authority keys (made on first start in
 * `dir/authority-<code>`, encrypted under the passphrase), its issuer on SQLite
 * (`issuer-<code>.sqlite`) and its population-registry simulator (`registry-<code>.sqlite`, the
 * Guangdong one keeps its old name `registry.sqlite`) sending card events to the issuer.
 */
export async function startProvince(options: StartProvinceOptions): Promise<RunningProvince> {
  const { platform, logger, dir, province, ports, secrets, clock } = options;
  const { code } = province;
  const issuerUrl = `http://127.0.0.1:${ports.issuer}`;
  const registryUrl = `http://127.0.0.1:${ports.registry}`;
  const authorityDir = join(dir, `authority-${code}`);
  if (!existsSync(join(authorityDir, AUTHORITY_FILES.manifest))) {
    await initAuthority({
      platform,
      suite: province.suite,
      name: `${province.name['zh-CN']} (demo)`,
      provinceCode: code,
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
  const issuerDb = createDatabase<IssuerDatabase>({ file: join(dir, `issuer-${code}.sqlite`) });
  const registryDb = createDatabase<RegistryDatabase>({
    file: join(dir, code === '44' ? 'registry.sqlite' : `registry-${code}.sqlite`),
  });
  const issuer = await createIssuerApp({
    ...withOid4vci({
      platform,
      clock,
      suite: authority.suite,
      clerkTokens: [secrets.clerkToken],
      clerkOrigins: [registryUrl],
      secretHashKey: secrets.secretHashKey,
    }),
    config: {
      publicBaseUrl: issuerUrl,
      provinceCode: code,
      authorityName: province.name,
      webhookSecret: secrets.webhookSecret,
    },
    database: issuerDb,
    platform,
    clock,
    logger,
    signer: authority.signer,
    certificateChain: [authority.documentSignerDer],
  });
  await issuer.listen({ host: '127.0.0.1', port: ports.issuer });
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
    webhooks: [{ name: `issuer-${code}`, url: `${issuerUrl}/events/registry`, secret: secrets.webhookSecret }],
    issuerUrl,
  });
  await registry.listen({ host: '127.0.0.1', port: ports.registry });
  return {
    province,
    registryUrl,
    issuerUrl,
    authority,
    async close() {
      await registry.close();
      await registryDb.close();
      await issuer.close();
      await issuerDb.close();
    },
  };
}
