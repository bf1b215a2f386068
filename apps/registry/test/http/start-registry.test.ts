import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZzError } from '@zhengzhao/core';
import { createLogger } from '@zhengzhao/server-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_PORT, loadRegistryConfig, startRegistry } from '../../src/index.js';
import { CLERK_TOKEN, clerk } from './helpers.js';

describe('startRegistry and loadRegistryConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-registry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the configuration from the environment, with defaults', () => {
    const config = loadRegistryConfig({
      env: {
        ZZ_REGISTRY_CLERK_TOKENS: `${CLERK_TOKEN}, second-clerk-token-0123`,
        ZZ_REGISTRY_ISSUER_TOKENS: 'issuer-token-0123456789abcdef',
        ZZ_REGISTRY_POPULATION: '50',
        ZZ_REGISTRY_WEBHOOK_URL: 'http://127.0.0.1:8720/registry/events',
        ZZ_REGISTRY_WEBHOOK_SECRET: 'webhook-secret-0123456789',
        NATS_URL: 'nats://127.0.0.1:4222',
      },
    });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: DEFAULT_REGISTRY_PORT,
      database: { url: 'sqlite:./data/registry.sqlite' },
      registry: { province: '44', seed: 'zhengzhao-demo', population: 50, withoutCard: 0 },
      clerkTokens: [CLERK_TOKEN, 'second-clerk-token-0123'],
      issuerTokens: ['issuer-token-0123456789abcdef'],
      webhooks: [{ name: 'issuer', url: 'http://127.0.0.1:8720/registry/events' }],
      natsUrl: 'nats://127.0.0.1:4222',
    });
    for (const env of [
      {},
      { ZZ_REGISTRY_CLERK_TOKENS: CLERK_TOKEN, ZZ_REGISTRY_WEBHOOK_URL: 'http://127.0.0.1:1/' },
      { ZZ_REGISTRY_CLERK_TOKENS: CLERK_TOKEN, ZZ_REGISTRY_PROVINCE: '99' },
      { ZZ_REGISTRY_CLERK_TOKENS: CLERK_TOKEN, ZZ_REGISTRY_POPULATION: '-1' },
    ]) {
      expect(() => loadRegistryConfig({ env })).toThrow(expect.toSatisfy((e) => isZzError(e, 'ERR_CONFIG_INVALID')));
    }
  });

  it('serves over HTTP on SQLite, keeps its data across restarts, and closes cleanly', async () => {
    const config = {
      port: 0,
      database: { url: `sqlite:${join(dir, 'registry.sqlite')}` },
      registry: { province: '31', seed: 'start-test', population: 3 },
      clerkTokens: [CLERK_TOKEN],
    };
    const logger = createLogger({ name: 'registry', level: 'silent' });
    const first = await startRegistry(config, { signals: false, logger });
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.app.registryService.seeded).toBe(3);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      const page = await fetch(`${first.url}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const persons = (await (await fetch(`${first.url}/persons`, { headers: clerk })).json()) as {
        persons: unknown[];
      };
      expect(persons.persons.length).toBe(3);
      expect((await fetch(`${first.url}/persons`)).status).toBe(401);
    } finally {
      await first.close();
      await first.close();
    }
    const second = await startRegistry(config, { signals: false, logger });
    try {
      expect(second.app.registryService.seeded).toBe(0);
      expect(await second.app.registryService.store.countPersons()).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('refuses weak or duplicate tokens at start', async () => {
    const base = {
      port: 0,
      database: { url: `sqlite:${join(dir, 'weak.sqlite')}` },
      registry: { province: '31', seed: 'start-test', population: 0 },
    };
    const logger = createLogger({ name: 'registry', level: 'silent' });
    for (const clerkTokens of [['short'], ['has a space in it 0123'], [CLERK_TOKEN, CLERK_TOKEN]]) {
      await expect(startRegistry({ ...base, clerkTokens }, { signals: false, logger })).rejects.toSatisfy((e) =>
        isZzError(e, 'ERR_CONFIG_INVALID'),
      );
    }
  });
});
