import { isZzError, verifyTrustList } from '@zhengzhao/core';
import { describeEachDatabase, openTestDatabase } from '@zhengzhao/server-kit/testing';
import { createTestAuthority, fixedClock } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRUST_REGISTRY_MIGRATIONS, type TrustRegistryApp, type TrustRegistryDatabase } from '../../src/index.js';
import {
  admin,
  createKeyDirectory,
  currentSequence,
  DAY,
  enrolment,
  fetchVerifiedList,
  NOW,
  openTestRegistry,
  pinnedRoot,
  platform,
} from '../helpers/fixture.js';

/**
 * Restarts: a new app on the same database and key directory keeps the national root, the
 * trust-list signer and the sequence; nothing is regenerated, nothing republished before it is
 * due; a list older than half its validity is republished on start or by `republishIfDue`.
 */
describeEachDatabase<TrustRegistryDatabase>('trust registry restarts', TRUST_REGISTRY_MIGRATIONS, (t) => {
  const keyDirectory = createKeyDirectory();
  const clock = fixedClock(NOW);
  const apps: TrustRegistryApp[] = [];
  const open = async (extra: Parameters<typeof openTestRegistry>[3] = {}) => {
    const app = await openTestRegistry(t.database, keyDirectory.store(), clock, extra);
    apps.push(app);
    return app;
  };
  let root: Uint8Array;

  beforeAll(async () => {
    const first = await open();
    root = await pinnedRoot(first);
    const authority = await createTestAuthority({ platform, suite: 'SM2', now: clock.now() });
    expect((await admin(first, 'POST', '/admin/authorities', enrolment(authority, 'cn-11-gaj'))).statusCode).toBe(201);
    await first.close();
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    keyDirectory.remove();
  });

  const keyRows = () => t.database.db.selectFrom('registry_keys').selectAll().execute();

  it('keeps the root, the signer and the sequence; regenerates and republishes nothing', async () => {
    const before = await keyRows();
    const app = await open();
    expect(Buffer.compare(await pinnedRoot(app), root)).toBe(0);
    expect(await keyRows()).toEqual(before);
    expect((await keyDirectory.store().listKeys()).map((k) => k.keyId)).toEqual(['national-root', 'trust-list-signer']);
    const { list, signer } = await fetchVerifiedList(app, clock.now());
    expect(list.sequence).toBe(2);
    expect(list.authorities.map((a) => a.id)).toEqual(['cn-11-gaj']);
    expect(signer.der).toEqual(before.find((row) => row.role === 'trust-list-signer')?.certificate);

    const res = await admin(app, 'POST', '/admin/authorities/cn-11-gaj/withdraw', {});
    expect(res.json().sequence).toBe(3);
    // a verifier that pinned the root before the restart accepts the new list
    const jws = (await app.inject({ method: 'GET', url: '/trust-list.jwt' })).body;
    const verified = await verifyTrustList(platform, jws, { roots: [root], now: clock.now(), minSequence: 2 });
    expect(verified.list.sequence).toBe(3);
    await app.close();
  });

  it('republishes a list older than half its validity: through republishIfDue, and on start', async () => {
    const app = await open();
    expect(await app.trustRegistry.republishIfDue()).toBeUndefined();
    clock.advance(3.5 * 86_400 - 1);
    expect(await app.trustRegistry.republishIfDue()).toBeUndefined();
    clock.advance(1);
    expect(await app.trustRegistry.republishIfDue()).toBe(4);
    expect(await app.trustRegistry.republishIfDue()).toBeUndefined();
    const republished = await fetchVerifiedList(app, clock.now(), 'cose');
    expect(republished.list.sequence).toBe(4);
    expect(republished.list.issued_at).toBe(clock.now().toISOString());
    expect(republished.list.authorities[0]?.withdrawn_at).toBe(NOW.replace('Z', '.000Z'));
    await app.close();

    clock.advance(4 * 86_400);
    const restarted = await open();
    expect(await currentSequence(restarted, clock.now())).toBe(5);
    const audit = await admin(restarted, 'GET', '/admin/audit?limit=10');
    expect(audit.json().entries).toContainEqual(
      expect.objectContaining({ action: 'trust_list.publish', actor: 'system', sequence: 5 }),
    );
    await restarted.close();
  });

  it('lists live as long as configured', async () => {
    const app = await open({ listValidityDays: 2 });
    const res = await admin(app, 'PUT', '/admin/catalog/cn.gov.eid.1', { authority_kinds: ['public_security'] });
    expect(res.statusCode).toBe(200);
    const { list } = await fetchVerifiedList(app, clock.now());
    expect(Date.parse(list.expires_at) - Date.parse(list.issued_at)).toBe(2 * DAY);
    await expect(
      verifyTrustList(platform, (await app.inject({ method: 'GET', url: '/trust-list' })).body, {
        roots: [root],
        now: new Date(Date.parse(list.expires_at)),
      }),
    ).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_EXPIRED' });
    await app.close();
  });

  it('refuses to start with a key directory that lacks the root key of the database', async () => {
    const empty = createKeyDirectory();
    try {
      const error = await openTestRegistry(t.database, empty.store(), clock).catch((e: unknown) => e);
      expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
      expect(await empty.store().listKeys()).toEqual([]);
    } finally {
      empty.remove();
    }
  });

  it('keeps published versions and the audit log append-only', async () => {
    await expect(
      t.database.db.updateTable('trust_list_versions').set({ jws: 'x' }).where('sequence', '=', 1).execute(),
    ).rejects.toThrow();
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow();
  });

  it('a new database on the same key directory reuses the keys: its lists verify under the old root', async () => {
    const other = await openTestDatabase<TrustRegistryDatabase>(t.dialect, TRUST_REGISTRY_MIGRATIONS);
    try {
      const app = await openTestRegistry(other, keyDirectory.store(), clock);
      const jws = (await app.inject({ method: 'GET', url: '/trust-list' })).body;
      const verified = await verifyTrustList(platform, jws, { roots: [root], now: clock.now() });
      expect(verified.list.sequence).toBe(1);
      await app.close();
    } finally {
      await other.close();
    }
  });

  it('renews the trust-list signer certificate (same key) before it expires; the root stays', async () => {
    const app = await open();
    const before = (await fetchVerifiedList(app, clock.now())).signer;
    clock.set(new Date(before.notAfter.getTime() - 89 * DAY).toISOString());
    expect(await app.trustRegistry.republishIfDue()).toBeDefined();
    const after = await fetchVerifiedList(app, clock.now());
    expect(after.signer.serialNumber).not.toBe(before.serialNumber);
    expect(after.signer.publicKey).toEqual(before.publicKey);
    expect(after.signer.notAfter.getTime()).toBeGreaterThan(before.notAfter.getTime());
    expect(Buffer.compare(await pinnedRoot(app), root)).toBe(0);
    const signers = (await keyRows()).filter((row) => row.role === 'trust-list-signer');
    expect(signers).toHaveLength(2);
    await app.close();
    // a restart signs with the renewed certificate
    const restarted = await open();
    await admin(restarted, 'PUT', '/admin/catalog/cn.gov.eid.1', { authority_kinds: ['public_security'] });
    expect((await fetchVerifiedList(restarted, clock.now())).signer.serialNumber).toBe(after.signer.serialNumber);
    expect((await keyRows()).filter((row) => row.role === 'trust-list-signer')).toHaveLength(2);
  });
});
