import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createIssuerApp, type IssuerApp, type IssuerDatabase, withOid4vci } from '@zhengzhao/issuer';
import { createRegistryApp, type RegistryApp, type RegistryDatabase } from '@zhengzhao/registry';
import { createDatabase, createLogger } from '@zhengzhao/server-kit';
import { createTestAuthority, freePort, type TestAuthority } from '@zhengzhao/test-kit';

const platform = createNodePlatform();
const quiet = createLogger({ name: 'wallet-e2e', level: 'silent' });
const CLERK = 'clerk-token-0123456789abcdef';
const SECRET = 'webhook-secret-0123456789abcdef';

export interface PersonDetail {
  person_id: string;
  id_number: string;
  full_name: string;
  address: { line: string };
  card: { card_number: string } | null;
}

/**
 * The REAL registry and Guangdong issuer (with OpenID4VCI) in this process, on SQLite in a temp
 * dir and real HTTP on 127.0.0.1, for the wallet engine's end-to-end tests; and the clerk's side
 * (activation codes) that a holder gets on paper or by SMS.
 */
export interface IssuerPlatform {
  readonly issuerUrl: string;
  readonly registryUrl: string;
  readonly issuer: IssuerApp;
  readonly authority: TestAuthority;
  /** Headers of the clerk (registry and `POST /activation/codes`). */
  readonly clerk: Readonly<Record<string, string>>;
  /** The registry's record of a person (card number, name, address). */
  personDetail(personId: string): Promise<PersonDetail>;
  /** The `index`-th person of the registry, once the issuer has their card as active. */
  person(index?: number): Promise<PersonDetail>;
  /** The clerk asks the issuer for a fresh one-time activation code (replaces an unused one). */
  activationCode(personId: string): Promise<string>;
  /** Moves the OpenID4VCI module's clock (activation codes, offers) by `seconds`; issuance keeps real time. */
  shiftActivationClock(seconds: number): void;
  close(): Promise<void>;
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { eventually };

export async function startIssuerPlatform(options: { batchSize?: number } = {}): Promise<IssuerPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-wallet-e2e-'));
  const closers: (() => Promise<unknown>)[] = [];
  const now = () => new Date();
  let shiftMs = 0;
  const authority = await createTestAuthority({ platform, suite: 'ES256', now: new Date() });
  const port = await freePort();
  const issuerUrl = `http://127.0.0.1:${port}`;
  const issuerDb = createDatabase<IssuerDatabase>({ file: join(dir, 'issuer.sqlite') });
  closers.push(() => issuerDb.close());
  const issuer = await createIssuerApp({
    ...withOid4vci({
      platform,
      clock: () => new Date(Date.now() + shiftMs),
      suite: 'ES256',
      clerkTokens: [CLERK],
      secretHashKey: 'wallet-e2e-secret',
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    }),
    config: { publicBaseUrl: issuerUrl, provinceCode: '44', webhookSecret: SECRET, statusShardSize: 4096 },
    database: issuerDb,
    platform,
    clock: now,
    logger: quiet,
    signer: authority.documentSigner.signer,
    certificateChain: authority.chain,
  });
  await issuer.listen({ host: '127.0.0.1', port });
  closers.unshift(() => issuer.close());
  const registryDb = createDatabase<RegistryDatabase>({ file: join(dir, 'registry.sqlite') });
  closers.push(() => registryDb.close());
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
  const clerk = { authorization: `Bearer ${CLERK}`, 'content-type': 'application/json' };

  const personDetail = async (personId: string): Promise<PersonDetail> =>
    (await (await fetch(`${registryUrl}/persons/${personId}`, { headers: clerk })).json()) as PersonDetail;
  return {
    issuerUrl,
    registryUrl,
    issuer,
    authority,
    clerk,
    personDetail,
    async person(index = 0) {
      const { persons } = (await (await fetch(`${registryUrl}/persons?limit=3`, { headers: clerk })).json()) as {
        persons: { person_id: string }[];
      };
      const personId = persons[index]?.person_id;
      if (!personId) throw new Error(`no person #${index} in the registry`);
      await eventually(
        async () => (await issuer.issuer.personDirectory.get(personId))?.cardState === 'active' || undefined,
        'the card at the issuer',
      );
      return personDetail(personId);
    },
    async activationCode(personId) {
      const response = await fetch(`${issuerUrl}/activation/codes`, {
        method: 'POST',
        headers: clerk,
        body: JSON.stringify({ person_id: personId }),
      });
      if (response.status !== 201) throw new Error(`activation code answered ${response.status}`);
      return ((await response.json()) as { activation_code: string }).activation_code;
    },
    shiftActivationClock(seconds) {
      shiftMs += seconds * 1000;
    },
    async close() {
      for (const close of closers) await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
