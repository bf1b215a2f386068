import { randomBytes } from 'node:crypto';
import { isUniqueViolation } from '@zhengzhao/server-kit';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  countInbox,
  findInboxEvent,
  findPerson,
  ISSUER_MIGRATIONS,
  type IssuerDatabase,
  listStatusShards,
} from '../../src/index.js';
import { appendAuditEntry, listAuditEntries } from '../../src/modules/audit/audit-repository.js';
import { insertCredentials } from '../../src/modules/credentials/credential-repository.js';
import { insertInboxEvent } from '../../src/modules/events/inbox-repository.js';
import { savePerson } from '../../src/modules/persons/person-repository.js';
import { allocateStatusEntries } from '../../src/modules/status/status-repository.js';
import { insertWallet } from '../../src/modules/wallets/wallet-repository.js';
import { deviceKey } from '../helpers/fixture.js';

const now = new Date('2026-03-01T08:00:00Z');
const allocation = (shardSize: number) => ({
  shardSize,
  uriOf: (id: number) => `https://issuer.test/status/${id}`,
  randomKey: () => new Uint8Array(randomBytes(32)),
  now,
});

async function rejects(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describeEachDatabase<IssuerDatabase>('issuer repositories', ISSUER_MIGRATIONS, (t) => {
  it('stores and reads a person with claims as JSON and times as epoch ms', async () => {
    const person = {
      personId: 'p-repo-1',
      provinceCode: '44',
      cardNumber: '44ABC123',
      cardState: 'active' as const,
      suspended: false,
      claims: { full_name: '测试', sex: 1, portrait: '_9j_4AAB_9k' },
      lastSequence: 1,
      createdAt: now,
      updatedAt: now,
    };
    await savePerson(t.database.db, person, true);
    expect(await findPerson(t.database.db, 'p-repo-1')).toEqual(person);
    await savePerson(t.database.db, { ...person, cardState: 'lost', lastSequence: 2 }, false);
    expect((await findPerson(t.database.db, 'p-repo-1'))?.cardState).toBe('lost');
    expect(await findPerson(t.database.db, 'nobody')).toBeUndefined();
    // the card state is constrained
    const bad = await rejects(
      sql`update persons set card_state = 'stolen' where person_id = 'p-repo-1'`.execute(t.database.db),
    );
    expect(bad).toBeInstanceOf(Error);
  });

  it('keeps one inbox row per event id (a redelivery is ignored)', async () => {
    const event = {
      eventId: '2b1f9a34-1d5e-4c7a-9b1e-0a1b2c3d4e5f',
      personId: 'p-inbox',
      sequence: 1,
      type: 'card.issued',
      body: '{}',
      receivedAt: now,
    };
    expect(await insertInboxEvent(t.database.db, event)).toBe(true);
    expect(await insertInboxEvent(t.database.db, { ...event, body: '{"other":1}' })).toBe(false);
    const stored = await findInboxEvent(t.database.db, event.eventId);
    expect(stored?.body).toBe('{}');
    expect(stored?.processedAt).toBeNull();
    expect((await countInbox(t.database.db)).pending).toBeGreaterThanOrEqual(1);
  });

  it('allocates status entries at random, never twice, opening new shards when full', async () => {
    const db = t.database.db;
    const first = await db.transaction().execute((tx) => allocateStatusEntries(tx, 40, allocation(64)));
    const second = await db.transaction().execute((tx) => allocateStatusEntries(tx, 60, allocation(64)));
    const all = [...first, ...second];
    expect(all).toHaveLength(100);
    expect(new Set(all.map((e) => `${e.shardId}/${e.index}`)).size).toBe(100);
    expect(all.filter((e) => e.shardId === 1)).toHaveLength(64);
    expect(all.filter((e) => e.shardId === 2)).toHaveLength(36);
    expect(all.every((e) => e.index >= 0 && e.index < 64)).toBe(true);
    // not handed out in order
    expect(first.map((e) => e.index)).not.toEqual(first.map((_, i) => i));
    const shards = await listStatusShards(db);
    expect(shards.map((s) => [s.shardId, s.allocated, s.uri])).toEqual([
      [1, 64, 'https://issuer.test/status/1'],
      [2, 36, 'https://issuer.test/status/2'],
    ]);
  });

  it('rolls an allocation back with its transaction (no index consumed)', async () => {
    const db = t.database.db;
    const before = await listStatusShards(db);
    await rejects(
      db.transaction().execute(async (tx) => {
        await allocateStatusEntries(tx, 5, allocation(64));
        throw new Error('abort');
      }),
    );
    expect(await listStatusShards(db)).toEqual(before);
  });

  it('refuses a second credential on the same status entry', async () => {
    const db = t.database.db;
    await savePerson(
      db,
      {
        personId: 'p-cred',
        provinceCode: '44',
        cardNumber: '44CRED',
        cardState: 'active',
        suspended: false,
        claims: {},
        lastSequence: 1,
        createdAt: now,
        updatedAt: now,
      },
      true,
    );
    await insertWallet(db, { walletId: 'w-cred', personId: 'p-cred', deviceKey: (await deviceKey()).publicKey, now });
    const [entry] = await db.transaction().execute((tx) => allocateStatusEntries(tx, 1, allocation(64)));
    const record = {
      credentialId: 'cr-1',
      personId: 'p-cred',
      walletId: 'w-cred',
      configurationId: 'eid_mdoc',
      format: 'mso_mdoc',
      statusShard: entry?.shardId ?? null,
      statusIndex: entry?.index ?? null,
      status: 0 as const,
      issuedAt: now,
      expiresAt: now,
    };
    await insertCredentials(db, [record]);
    const error = await rejects(insertCredentials(db, [{ ...record, credentialId: 'cr-2' }]));
    expect(isUniqueViolation(error)).toBe(true);
    // credentials without a status reference do not collide
    await insertCredentials(db, [
      { ...record, credentialId: 'cr-3', statusShard: null, statusIndex: null },
      { ...record, credentialId: 'cr-4', statusShard: null, statusIndex: null },
    ]);
  });

  it('keeps the audit log append-only (UPDATE and DELETE are refused by the database)', async () => {
    const db = t.database.db;
    const entry = {
      id: 'au-1',
      at: now,
      actor: 'clerk-7',
      role: 'clerk',
      action: 'person.suspend',
      targetType: 'person' as const,
      targetId: 'p-1',
      reason: 'test',
      outcome: 'ok' as const,
    };
    await appendAuditEntry(db, entry);
    expect(await listAuditEntries(db, { limit: 10 })).toEqual([entry]);
    expect(await rejects(sql`update audit_log set reason = 'x'`.execute(db))).toBeInstanceOf(Error);
    expect(await rejects(sql`delete from audit_log`.execute(db))).toBeInstanceOf(Error);
    expect(await listAuditEntries(db, { limit: 10 })).toEqual([entry]);
  });
});
