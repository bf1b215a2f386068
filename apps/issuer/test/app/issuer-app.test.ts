import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZzError } from '@zhengzhao/core';
import { createDatabase, createFileKeyStore, createLogger } from '@zhengzhao/server-kit';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIssuerApp,
  ISSUER_MIGRATIONS,
  type IssuerDatabase,
  type IssuerServeConfig,
  issuerSettingsOf,
  loadIssuerConfig,
  startIssuer,
} from '../../src/index.js';
import {
  BASE_URL,
  createTestRegistry,
  deviceKey,
  NOW,
  openTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
  testAuthority,
  WEBHOOK_SECRET,
} from '../helpers/fixture.js';

describeEachDatabase<IssuerDatabase>('issuer app', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await openTestIssuer(t.database);
  });
  afterAll(async () => {
    await issuer.app.close();
  });

  it('answers /healthz and /readyz (database)', async () => {
    const health = await issuer.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', service: 'issuer-44', version: '0.1.0' });
    const ready = await issuer.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'ok' });
  });

  it('lets web wallets and counter apps on other origins read status lists, but not the admin API (CORS)', async () => {
    const origin = { origin: 'http://localhost:8740' };
    const status = await issuer.app.inject({ method: 'GET', url: '/status/1', headers: origin });
    expect(status.headers['access-control-allow-origin']).toBe('*');
    const preflight = await issuer.app.inject({
      method: 'OPTIONS',
      url: '/wallets/w1/notifications',
      headers: { ...origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    for (const url of ['/admin/audit', '/events/registry']) {
      const response = await issuer.app.inject({ method: 'GET', url, headers: origin });
      expect(response.headers['access-control-allow-origin'], url).toBeUndefined();
    }
  });

  it('documents every route in OpenAPI with schemas', async () => {
    const doc = (await issuer.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const paths = doc.paths as Record<string, Record<string, { responses?: object; summary?: string }>>;
    const expected: [string, string][] = [
      ['/events/registry', 'post'],
      ['/status/{shard}', 'get'],
      ['/wallets/{walletId}/notifications', 'get'],
      ['/admin/persons/{personId}/suspend', 'post'],
      ['/admin/persons/{personId}/resume', 'post'],
      ['/admin/persons/{personId}/revoke', 'post'],
      ['/admin/wallets/{walletId}/suspend', 'post'],
      ['/admin/wallets/{walletId}/resume', 'post'],
      ['/admin/audit', 'get'],
    ];
    for (const [path, method] of expected) {
      const operation = paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.summary).toBeTruthy();
      expect(Object.keys(operation?.responses ?? {})).toContain('200');
    }
  });

  it('serves wallet notifications and refuses bad wallet ids and queries', async () => {
    const { registry, citizens } = createTestRegistry('app-tests', 1);
    const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    await postEvent(issuer.app, event);
    const device = await deviceKey();
    await issuer.app.issuer.issuance.issueBatch({
      personId: event.personId,
      walletId: 'w-app',
      configurationId: 'eid_mdoc',
      deviceKeys: [device.publicKey],
    });
    await postEvent(issuer.app, await registry.renewCard(event.personId));
    const response = await issuer.app.inject({ method: 'GET', url: '/wallets/w-app/notifications' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.walletId).toBe('w-app');
    expect(body.state).toBe('active');
    expect(body.notifications).toHaveLength(1);
    expect(body.notifications[0]).toMatchObject({ type: 'refresh', createdAt: new Date(NOW).toISOString() });
    const since = await issuer.app.inject({
      method: 'GET',
      url: `/wallets/w-app/notifications?since=${Date.parse(NOW) + 1}`,
    });
    expect(since.json().notifications).toEqual([]);
    expect((await issuer.app.inject({ method: 'GET', url: '/wallets/nope/notifications' })).json().code).toBe(
      'ERR_ISSUER_WALLET_UNKNOWN',
    );
    for (const url of [
      '/wallets/w-app/notifications?limit=0',
      '/wallets/w-app/notifications?x=1',
      '/wallets/a.b/notifications',
    ]) {
      const bad = await issuer.app.inject({ method: 'GET', url });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().code).toBe('ERR_INPUT_INVALID');
    }
  });

  it('PersonDirectory answers by card number and id, and nobody for junk', async () => {
    const directory = issuer.app.issuer.personDirectory;
    expect(await directory.get('nobody')).toBeUndefined();
    expect(await directory.findByCardNumber('')).toBeUndefined();
    expect(await directory.findByCardNumber(7 as unknown as string)).toBeUndefined();
    expect(await directory.get('x'.repeat(10_000))).toBeUndefined();
  });

  it('takes its signing key from a KeyStore', async () => {
    const authority = await testAuthority();
    const dir = mkdtempSync(join(tmpdir(), 'zz-issuer-keys-'));
    try {
      const keyStore = createFileKeyStore({ dir, passphrase: 'correct horse battery', platform });
      await keyStore.putKey('ds-1', authority.documentSigner.signer);
      const app = await createIssuerApp({
        config: { publicBaseUrl: BASE_URL, provinceCode: '44', webhookSecret: WEBHOOK_SECRET, sweepIntervalMs: 0 },
        database: t.database,
        platform,
        clock: () => new Date(NOW),
        logger: createLogger({ name: 'x', level: 'silent' }),
        keyStore,
        keyId: 'ds-1',
        certificateChain: authority.chain,
      });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs extra migrations (the OpenID4VCI tables) in the same migrator run', async () => {
    const authority = await testAuthority();
    const app = await createIssuerApp({
      config: { publicBaseUrl: BASE_URL, provinceCode: '44', webhookSecret: WEBHOOK_SECRET, sweepIntervalMs: 0 },
      database: t.database,
      platform,
      clock: () => new Date(NOW),
      logger: createLogger({ name: 'x', level: 'silent' }),
      signer: authority.documentSigner.signer,
      certificateChain: authority.chain,
      extraMigrations: {
        zz_extra_0001: {
          async up(db) {
            await db.schema
              .createTable('zz_extra')
              .addColumn('id', 'text', (c) => c.primaryKey())
              .execute();
          },
        },
      },
    });
    await app.close();
    const rows = await sql<{ n: number }>`select count(*) as n from zz_extra`.execute(t.database.db);
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });

  it('refuses bad settings with ERR_CONFIG_INVALID', async () => {
    const authority = await testAuthority();
    for (const config of [
      { publicBaseUrl: BASE_URL, provinceCode: '4', webhookSecret: WEBHOOK_SECRET },
      { publicBaseUrl: 'not a url', provinceCode: '44', webhookSecret: WEBHOOK_SECRET },
      { publicBaseUrl: BASE_URL, provinceCode: '44', webhookSecret: 'short' },
    ]) {
      const error = await createIssuerApp({
        config,
        database: t.database,
        platform,
        clock: () => new Date(NOW),
        signer: authority.documentSigner.signer,
        certificateChain: authority.chain,
      }).catch((e: unknown) => e);
      expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
    }
  });
});

describe('startIssuer (production entry point)', () => {
  it('serves from a config (SQLite file, file key store, PEM chain) and shuts down', async () => {
    const authority = await testAuthority();
    const dir = mkdtempSync(join(tmpdir(), 'zz-issuer-start-'));
    try {
      const keyStore = createFileKeyStore({ dir: join(dir, 'keys'), passphrase: 'correct horse battery', platform });
      await keyStore.putKey('gd-ds-1', authority.documentSigner.signer);
      writeFileSync(join(dir, 'ds.pem'), authority.documentSigner.pem);
      const config: IssuerServeConfig = loadIssuerConfig({
        env: {
          ZZ_PUBLIC_URL: BASE_URL,
          ZZ_PROVINCE: '44',
          ZZ_PORT: '0',
          ZZ_SQLITE_FILE: join(dir, 'issuer.sqlite'),
          ZZ_WEBHOOK_SECRET: WEBHOOK_SECRET,
          ZZ_KEY_DIR: join(dir, 'keys'),
          ZZ_KEY_PASSPHRASE: 'correct horse battery',
          ZZ_DS_KEY_ID: 'gd-ds-1',
          ZZ_DS_CERTIFICATE: join(dir, 'ds.pem'),
          ZZ_ADMIN_TOKENS: 'supervisor:sup-1:0123456789abcdef0123',
          ZZ_CLERK_TOKENS: 'clerk-token-0123456789abcdef',
          ZZ_SECRET_HASH_KEY: 'a-secret-hash-key-for-tests',
          ZZ_LOG_LEVEL: 'silent',
        },
      });
      expect(issuerSettingsOf(config).adminTokens).toHaveLength(1);
      const running = await startIssuer(config, { handleSignals: false });
      try {
        const response = await fetch(`${running.url}/readyz`);
        expect(response.status).toBe(200);
        const audit = await fetch(`${running.url}/admin/audit`, {
          headers: { authorization: 'Bearer 0123456789abcdef0123' },
        });
        expect(audit.status).toBe(200);
        // OpenID4VCI is served by the production entry point too
        const metadata = await fetch(`${running.url}/.well-known/openid-credential-issuer`);
        expect(metadata.status).toBe(200);
        expect((await metadata.json()).credential_issuer).toBe(BASE_URL);
      } finally {
        await running.close();
      }
      // the file survives: a second start reads the same database
      const db = createDatabase<IssuerDatabase>({ file: join(dir, 'issuer.sqlite') });
      const rows = await db.db.selectFrom('audit_log').select('action').execute();
      expect(rows.map((r) => r.action)).toEqual(['audit.read']);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing required setting naming the key', () => {
    try {
      loadIssuerConfig({ env: { ZZ_PROVINCE: '44' } });
      expect.unreachable();
    } catch (error) {
      expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
    }
  });
});
