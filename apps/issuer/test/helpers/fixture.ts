import { randomBytes } from 'node:crypto';
import type { Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  type CardEvent,
  createInMemoryRegistryStore,
  createRegistry,
  encodeCardEvent,
  generateCitizens,
  type Registry,
  type SyntheticCitizen,
  signWebhookBody,
} from '@zhengzhao/registry';
import { createLogger, type Database } from '@zhengzhao/server-kit';
import { createTestAuthority, type FixedClock, fixedClock, type TestAuthority } from '@zhengzhao/test-kit';
import {
  type CreateIssuerAppOptions,
  createIssuerApp,
  type IssuerApp,
  type IssuerDatabase,
  type IssuerSettings,
  withOid4vci,
} from '../../src/index.js';

export const NOW = '2026-03-01T08:00:00Z';
export const WEBHOOK_SECRET = 'issuer-test-webhook-secret-0001';
export const PROVINCE = '44';
export const BASE_URL = 'https://issuer-44.zhengzhao.test';
/** A minimal JPEG (SOI … EOI) standing in for a portrait in fast tests. */
export const STUB_PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9);

export const TOKENS = {
  clerk: 'clerk-token-0123456789abcdef',
  supervisor: 'supervisor-token-0123456789abcdef',
  auditor: 'auditor-token-0123456789abcdef',
} as const;

export const platform: Platform = createNodePlatform();
const random = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

/**
 * A simulated registry with synthetic citizens of Guangdong, on a fixed clock; portraits are an
 * 8-byte stub unless `generated` (real synthetic JPEGs, for tests that lay portraits out).
 */
export function createTestRegistry(
  seed: string,
  count = 20,
  clock: FixedClock = fixedClock(NOW),
  portraits: 'stub' | 'generated' = 'stub',
) {
  const registry: Registry = createRegistry({
    store: createInMemoryRegistryStore(),
    clock,
    random,
    ...(portraits === 'stub' ? { portraitOf: () => STUB_PORTRAIT } : {}),
  });
  const citizens: SyntheticCitizen[] = generateCitizens({ seed, province: PROVINCE, count });
  return { registry, citizens, clock };
}

let authority: Promise<TestAuthority> | undefined;
/** One ES256 test authority per test file. */
export function testAuthority(): Promise<TestAuthority> {
  authority ??= createTestAuthority({ platform, suite: 'ES256', now: new Date(NOW) });
  return authority;
}

export interface TestIssuer {
  readonly app: IssuerApp;
  readonly authority: TestAuthority;
  readonly clock: FixedClock;
}

/** An issuer app on `database` with test settings (small shards unless told otherwise). */
export async function openTestIssuer(
  database: Database<IssuerDatabase>,
  overrides: Partial<IssuerSettings> & { clock?: FixedClock; extra?: Partial<CreateIssuerAppOptions> } = {},
): Promise<TestIssuer> {
  const { clock: givenClock, extra, ...settings } = overrides;
  const clock = givenClock ?? fixedClock(NOW);
  const auth = await testAuthority();
  const config: IssuerSettings = {
    publicBaseUrl: BASE_URL,
    provinceCode: PROVINCE,
    webhookSecret: WEBHOOK_SECRET,
    statusShardSize: 4096,
    sweepIntervalMs: 0,
    adminTokens: [
      { token: TOKENS.clerk, actor: 'clerk-7', role: 'clerk' },
      { token: TOKENS.supervisor, actor: 'sup-1', role: 'supervisor' },
      { token: TOKENS.auditor, actor: 'aud-3', role: 'auditor' },
    ],
    ...settings,
  };
  const app = await createIssuerApp({
    config,
    database,
    platform,
    clock: () => clock.now(),
    logger: createLogger({ name: 'issuer-test', level: 'silent' }),
    signer: auth.documentSigner.signer,
    certificateChain: auth.chain,
    ...(extra as object),
  } as CreateIssuerAppOptions);
  return { app, authority: auth, clock };
}

/** Posts an event to the webhook, signed at the clock's time unless told otherwise. */
export function postEvent(
  app: IssuerApp,
  event: CardEvent | string,
  options: { at?: Date; secret?: string; signature?: string | null } = {},
) {
  const body = typeof event === 'string' ? event : encodeCardEvent(event);
  const at = options.at ?? app.issuer.context.clock();
  const signature =
    options.signature === undefined ? signWebhookBody(options.secret ?? WEBHOOK_SECRET, body, at) : options.signature;
  return app.inject({
    method: 'POST',
    url: '/events/registry',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'zz-signature': signature }) },
    payload: body,
  });
}

/** A device key pair for a test wallet. */
export async function deviceKey() {
  return platform.suite('ES256').generateSigner();
}

/**
 * An issuer app with the OpenID4VCI endpoints (clerk token `clerkToken`, ES256 device keys) on
 * `database`, on its own fixed clock unless one is given.
 */
export async function openOid4vciTestIssuer(
  database: Database<IssuerDatabase>,
  options: { clerkToken: string; secretHashKey: string } & Partial<IssuerSettings> & { clock?: FixedClock },
): Promise<TestIssuer> {
  const { clerkToken, secretHashKey, clock: givenClock, ...settings } = options;
  const clock = givenClock ?? fixedClock(NOW);
  return openTestIssuer(database, {
    ...settings,
    clock,
    extra: withOid4vci({
      platform,
      clock: () => clock.now(),
      suite: 'ES256',
      clerkTokens: [clerkToken],
      secretHashKey,
    }),
  });
}
