import { type ExportableSigner, type SuiteId, ZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createHttpApp, createLogger, type HttpApp } from '@zhengzhao/server-kit';
import { type FixedClock, fixedClock } from '@zhengzhao/test-kit';
import type { Kysely } from 'kysely';
import { type Oid4vciDatabase, registerOid4vciRoutes } from '../../src/modules/oid4vci/index.js';
import type {
  CredentialFormat,
  IssuanceService,
  IssueBatchRequest,
  IssuedCredential,
  PersonDirectory,
  PersonSummary,
  WalletControl,
} from '../../src/modules/ports.js';

export const platform = createNodePlatform();
export const ISSUER = 'https://issuer.gd.example';
export const CLERK_TOKEN = 'clerk-token-0123456789abcdef';
export const CLERK_ORIGIN = 'http://registry.example.test:8710';
export const quiet = createLogger({ name: 'oid4vci-test', level: 'silent' });

const FORMATS: Record<string, CredentialFormat> = {
  eid_mdoc: 'mso_mdoc',
  eid_sd_jwt: 'dc+sd-jwt',
  eid_qr_hotel: 'zz1_qr',
  eid_qr_age_over_18: 'zz1_qr',
};

/** In-memory fakes of the lifecycle ports. */
export function createFakes() {
  const people = new Map<string, PersonSummary & { cardNumber: string }>();
  const requests: IssueBatchRequest[] = [];
  const persons: PersonDirectory = {
    async findByCardNumber(cardNumber) {
      for (const p of people.values())
        if (p.cardNumber === cardNumber) return { personId: p.personId, cardState: p.cardState };
      return undefined;
    },
    async get(personId) {
      const p = people.get(personId);
      return p ? { personId: p.personId, cardState: p.cardState } : undefined;
    },
  };
  const issuance: IssuanceService = {
    async issueBatch(request): Promise<IssuedCredential[]> {
      const person = people.get(request.personId);
      if (person?.cardState !== 'active') throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE');
      requests.push(request);
      return request.deviceKeys.map((_key, i) => ({
        credentialId: `${request.personId}-${requests.length}-${i}`,
        format: FORMATS[request.configurationId] as CredentialFormat,
        credential: `${request.configurationId}.${request.personId}.${i}`,
      }));
    },
  };
  const suspensions: { personId: string; reason: string }[] = [];
  const wallets: WalletControl = {
    async suspendAllWallets(personId, reason) {
      suspensions.push({ personId, reason });
      return { wallets: 1, affected: 3 };
    },
  };
  const addPerson = (cardState: PersonSummary['cardState'] = 'active') => {
    const suffix = Buffer.from(platform.randomBytes(8)).toString('hex').toUpperCase();
    const person = { personId: `p-${suffix}`, cardNumber: `44C${suffix}`, cardState };
    people.set(person.personId, person);
    return person;
  };
  return { persons, issuance, wallets, suspensions, requests, people, addPerson };
}

export type Fakes = ReturnType<typeof createFakes>;

export interface TestIssuer {
  readonly app: HttpApp;
  readonly clock: FixedClock;
  readonly fakes: Fakes;
}

export async function createTestIssuer(
  db: Kysely<Oid4vciDatabase>,
  options: { batchSize?: number; txCodeMaxAttempts?: number; openapi?: boolean; suite?: SuiteId } = {},
): Promise<TestIssuer> {
  const clock = fixedClock('2026-03-01T08:00:00Z');
  const fakes = createFakes();
  const app = await createHttpApp({
    name: 'issuer-test',
    version: '0',
    logger: quiet,
    ...(options.openapi ? {} : { openapi: false }),
  });
  await registerOid4vciRoutes(app, {
    config: {
      credentialIssuer: ISSUER,
      clerkTokens: [CLERK_TOKEN],
      clerkOrigins: [CLERK_ORIGIN],
      secretHashKey: 'test-secret-hash-key',
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
      ...(options.txCodeMaxAttempts !== undefined ? { txCodeMaxAttempts: options.txCodeMaxAttempts } : {}),
      ...(options.suite !== undefined ? { suite: options.suite } : {}),
    },
    database: { db },
    persons: fakes.persons,
    issuance: fakes.issuance,
    wallets: fakes.wallets,
    clock: clock.now,
    random: (n) => platform.randomBytes(n),
    platform,
  });
  await app.ready();
  return { app, clock, fakes };
}

/** A `fetch` that answers from `app.inject()` (no sockets): the wallet client's transport in tests. */
export function injectFetch(app: HttpApp, origin = ISSUER): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.origin !== origin) throw new TypeError(`fetch to an unexpected origin ${url.origin}`);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const response = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: `${url.pathname}${url.search}`,
      headers,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    const out = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) out.set(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    return new Response(response.statusCode === 204 ? null : response.body, {
      status: response.statusCode,
      headers: out,
    });
  }) as typeof fetch;
}

/** Clerk creates a code; the holder activates. Returns the offer response body. */
export async function activate(
  app: HttpApp,
  person: { personId: string; cardNumber: string },
  remoteAddress = '10.0.0.1',
) {
  const created = await app.inject({
    method: 'POST',
    url: '/activation/codes',
    headers: { authorization: `Bearer ${CLERK_TOKEN}` },
    payload: { person_id: person.personId },
  });
  if (created.statusCode !== 201) throw new Error(`activation code: ${created.statusCode} ${created.body}`);
  const { activation_code } = created.json() as { activation_code: string };
  const activated = await app.inject({
    method: 'POST',
    url: '/activation',
    remoteAddress,
    payload: { card_number: person.cardNumber, activation_code },
  });
  if (activated.statusCode !== 201) throw new Error(`activation: ${activated.statusCode} ${activated.body}`);
  return activated.json() as {
    credential_offer: { grants: Record<string, { 'pre-authorized_code': string }> };
    credential_offer_link: string;
    tx_code: string;
    expires_in: number;
  };
}

export const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

export function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

export async function tokenFor(app: HttpApp, person: { personId: string; cardNumber: string }): Promise<string> {
  const offer = await activate(app, person);
  const code = offer.credential_offer.grants[PRE_AUTH]?.['pre-authorized_code'] as string;
  const res = await app.inject({
    method: 'POST',
    url: '/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: offer.tx_code }),
  });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return (res.json() as { access_token: string }).access_token;
}

export async function nonceFrom(app: HttpApp): Promise<string> {
  return ((await app.inject({ method: 'POST', url: '/nonce' })).json() as { c_nonce: string }).c_nonce;
}

export async function deviceSigner(): Promise<ExportableSigner> {
  return platform.suite('ES256').generateSigner();
}
