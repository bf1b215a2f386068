import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCertificatePem, TRUST_LIST_COSE_MEDIA_TYPE, verifyTrustList } from '@zhengzhao/core';
import { createLogger } from '@zhengzhao/server-kit';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DISCOVERY_PATH,
  loadTrustRegistryConfig,
  type RunningTrustRegistry,
  startTrustRegistry,
} from '../../src/index.js';
import { platform } from '../helpers/fixture.js';

/** `startTrustRegistry` over real HTTP: SQLite file, encrypted key files, config from the environment. */
describe('startTrustRegistry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-trust-registry-start-'));
  const env = {
    ZZ_PORT: '0',
    ZZ_PUBLIC_URL: 'https://trust.zhengzhao.test',
    ZZ_SQLITE_FILE: join(dir, 'registry.sqlite'),
    ZZ_KEY_DIR: join(dir, 'keys'),
    ZZ_KEY_PASSPHRASE: 'start-test-passphrase',
    ZZ_ADMIN_TOKENS: 'ops-1:start-test-admin-token-0123',
  };
  const running: RunningTrustRegistry[] = [];
  afterAll(async () => {
    for (const r of running) await r.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async () => {
    const registry = await startTrustRegistry(loadTrustRegistryConfig({ env }), {
      handleSignals: false,
      republishIntervalMs: 0,
      logger: createLogger({ name: 'trust-registry-test', level: 'silent' }),
    });
    running.push(registry);
    return registry;
  };

  it('serves the root, the list in both forms, discovery and the admin API; a restart keeps the root', async () => {
    const registry = await start();
    const rootPem = await (await fetch(`${registry.url}/root.pem`)).text();
    const root = decodeCertificatePem(rootPem);
    const jwsRes = await fetch(`${registry.url}/trust-list`, { headers: { origin: 'https://wallet.example' } });
    expect(jwsRes.headers.get('access-control-allow-origin')).toBe('*');
    const jws = await verifyTrustList(platform, await jwsRes.text(), { roots: [root], now: new Date() });
    const coseRes = await fetch(`${registry.url}/trust-list`, { headers: { accept: TRUST_LIST_COSE_MEDIA_TYPE } });
    const cose = await verifyTrustList(platform, new Uint8Array(await coseRes.arrayBuffer()), {
      roots: [root],
      now: new Date(),
    });
    expect(cose.list).toEqual(jws.list);
    const discovery = await (await fetch(`${registry.url}${DISCOVERY_PATH}`)).json();
    expect(discovery.root_certificate).toBe('https://trust.zhengzhao.test/root.pem');
    expect(discovery.root_certificate_sha256).toBe(
      Buffer.from(await platform.digest('SHA-256', root)).toString('base64url'),
    );
    const unauthenticated = await fetch(`${registry.url}/admin/audit`);
    expect(unauthenticated.status).toBe(401);
    const audit = await fetch(`${registry.url}/admin/audit`, {
      headers: { authorization: 'Bearer start-test-admin-token-0123' },
    });
    expect(audit.status).toBe(200);
    expect((await fetch(`${registry.url}/docs/json`)).status).toBe(200);
    await registry.close();
    running.pop();

    const again = await start();
    expect(await (await fetch(`${again.url}/root.pem`)).text()).toBe(rootPem);
    const list = await verifyTrustList(platform, await (await fetch(`${again.url}/trust-list`)).text(), {
      roots: [root],
      now: new Date(),
    });
    expect(list.list.sequence).toBe(jws.list.sequence);
  }, 60_000);
});
