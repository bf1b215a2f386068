import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBase64url, decodeJwsCompact, decompressStatusList } from '@zhengzhao/core';
import { type CardEvent, encodeCardEvent, signWebhookBody } from '@zhengzhao/registry';
import { createDatabase, type Database } from '@zhengzhao/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuerDatabase } from '../../src/index.js';
import { createTestRegistry, platform } from '../helpers/fixture.js';
import { type IssuerProcess, spawnIssuer } from './spawn-issuer.js';

const SECRET = 'crash-test-webhook-secret-01';

/** Posts one event over the webhook; resolves with the status, or 0 when the connection died. */
async function send(issuer: IssuerProcess, event: CardEvent): Promise<number> {
  const body = encodeCardEvent(event);
  try {
    const response = await fetch(`${issuer.url}/events/registry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'zz-signature': signWebhookBody(SECRET, body, new Date()) },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

async function issue(issuer: IssuerProcess, personId: string, walletId: string, copies: number) {
  const response = await fetch(`${issuer.url}/test/issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId, walletId, configurationId: 'eid_mdoc', copies }),
  });
  if (response.status !== 200) throw new Error(`issue failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { credentialIds: string[] }).credentialIds;
}

/** Runs `tasks` with `concurrency` workers; `onDone` after each; stops starting new ones once `stop()` is true. */
async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number, stop: () => boolean): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length && !stop()) {
        const task = tasks[next++] as () => Promise<T>;
        results.push(await task());
      }
    }),
  );
  return results;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('kill -9 and restart: nothing lost, nothing duplicated', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zz-issuer-crash-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('during event intake: replaying every event after a crash applies each exactly once', async () => {
    const file = join(dir, 'events.sqlite');
    const { registry, citizens } = createTestRegistry('crash-events', 40);
    let issuer = await spawnIssuer(file);
    // phase 0: every person gets a card and a wallet with 3 copies
    const issued: CardEvent[] = [];
    for (const citizen of citizens) issued.push(await registry.importCitizen(citizen));
    for (const event of issued) expect(await send(issuer, event)).toBe(200);
    for (const event of issued) await issue(issuer, event.personId, `w-${event.personId}`, 3);

    // phase 1: lifecycle events, four patterns
    const expected = new Map<string, { state: string; status: number; events: number; last: number }>();
    const lifecycle: CardEvent[] = [];
    for (const [i, event] of issued.entries()) {
      const p = event.personId;
      const mine: CardEvent[] = [];
      switch (i % 4) {
        case 0:
          mine.push(await registry.renewCard(p), await registry.reportLost(p), await registry.issueCard(p));
          mine.push(await registry.changeName(p, { familyName: '李', givenName: `新${i}` }));
          expected.set(p, { state: 'active', status: 1, events: 4, last: 5 });
          break;
        case 1:
          mine.push(
            await registry.reportLost(p),
            await registry.issueCard(p),
            await registry.cancelCard(p, 'emigration'),
          );
          expected.set(p, { state: 'cancelled', status: 1, events: 3, last: 4 });
          break;
        case 2:
          mine.push(
            await registry.changeName(p, { familyName: '王', givenName: `改${i}` }),
            await registry.renewCard(p),
          );
          expected.set(p, { state: 'active', status: 1, events: 2, last: 3 });
          break;
        default:
          mine.push(await registry.reportLost(p));
          expected.set(p, { state: 'lost', status: 2, events: 1, last: 2 });
      }
      lifecycle.push(...mine);
    }

    // send them shuffled (out of order across and within persons); kill -9 part-way
    let answered = 0;
    const target = Math.floor(lifecycle.length * 0.4);
    let killed = false;
    const first = pool(
      shuffled(lifecycle, 7).map((event) => async () => {
        const status = await send(issuer, event);
        if (status === 200) answered += 1;
        return status;
      }),
      6,
      () => killed,
    );
    while (answered < target) await new Promise((resolve) => setTimeout(resolve, 2));
    await issuer.kill9();
    killed = true;
    await first;
    expect(answered).toBeLessThan(lifecycle.length);

    // restart on the same file and replay EVERYTHING (at-least-once), in another order
    issuer = await spawnIssuer(file);
    const replay = await pool(
      shuffled(lifecycle, 11).map((event) => () => send(issuer, event)),
      6,
      () => false,
    );
    expect(replay.every((status) => status === 200)).toBe(true);
    // duplicates of phase 0 too
    for (const event of issued.slice(0, 5)) expect(await send(issuer, event)).toBe(200);
    await issuer.stop();

    const database: Database<IssuerDatabase> = createDatabase<IssuerDatabase>({ file });
    try {
      const db = database.db;
      const inbox = await db.selectFrom('inbox').select(['event_id', 'processed_at', 'outcome']).execute();
      expect(inbox).toHaveLength(issued.length + lifecycle.length);
      expect(inbox.every((row) => row.processed_at !== null && row.outcome === 'applied')).toBe(true);
      for (const [personId, want] of expected) {
        const person = await db
          .selectFrom('persons')
          .selectAll()
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow();
        expect(person.card_state, personId).toBe(want.state);
        expect(Number(person.last_sequence)).toBe(want.last);
        const credentials = await db
          .selectFrom('credentials')
          .select('status')
          .where('person_id', '=', personId)
          .execute();
        expect(credentials.map((c) => c.status)).toEqual([want.status, want.status, want.status]);
        // one notification per applied event: none lost, none doubled
        const notifications = await db
          .selectFrom('notifications')
          .select('notification_id')
          .where('wallet_id', '=', `w-${personId}`)
          .execute();
        expect(notifications.length, personId).toBe(want.events);
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  it('during bulk issuance: every credential that left is committed, indexes stay unique, the lists match', async () => {
    const file = join(dir, 'bulk.sqlite');
    const { registry, citizens } = createTestRegistry('crash-bulk', 8);
    let issuer = await spawnIssuer(file, { ZZ_CRASH_SHARD_SIZE: '1000' });
    const persons: string[] = [];
    for (const citizen of citizens) {
      const event = await registry.importCitizen(citizen);
      expect(await send(issuer, event)).toBe(200);
      persons.push(event.personId);
    }
    const received: string[] = [];
    let killed = false;
    const batches = Array.from({ length: 300 }, (_, i) => async () => {
      try {
        const ids = await issue(issuer, persons[i % persons.length] as string, `w-bulk-${i % persons.length}`, 10);
        received.push(...ids);
      } catch {
        // the process died under this request
      }
    });
    const run = pool(batches, 8, () => killed);
    while (received.length < 600) await new Promise((resolve) => setTimeout(resolve, 2));
    await issuer.kill9();
    killed = true;
    await run;

    // restart: suspend some through the registry, issue more, then check everything
    issuer = await spawnIssuer(file, { ZZ_CRASH_SHARD_SIZE: '1000' });
    const lost = await registry.reportLost(persons[0] as string);
    expect(await send(issuer, lost)).toBe(200);
    const after = await issue(issuer, persons[1] as string, 'w-bulk-1', 10);
    received.push(...after);
    const statusList = await fetch(`${issuer.url}/status/1`);
    expect(statusList.status).toBe(200);
    const token = await statusList.text();
    await issuer.stop();

    const database = createDatabase<IssuerDatabase>({ file });
    try {
      const db = database.db;
      const rows = await db
        .selectFrom('credentials')
        .select(['credential_id', 'status_shard', 'status_index', 'status', 'person_id'])
        .execute();
      const ids = new Set(rows.map((r) => r.credential_id));
      // nothing that left the issuer is missing
      expect(received.every((id) => ids.has(id))).toBe(true);
      // whole batches only (a batch is one transaction)
      expect(rows.length % 10).toBe(0);
      expect(rows.length).toBeGreaterThanOrEqual(received.length);
      expect(rows.length).toBeLessThanOrEqual(received.length + 8 * 10);
      // status indexes unique, and every allocation has its row (no index lost or reused)
      expect(new Set(rows.map((r) => `${r.status_shard}/${r.status_index}`)).size).toBe(rows.length);
      const shards = await db.selectFrom('status_shards').select(['shard_id', 'allocated', 'size']).execute();
      const allocated = shards.reduce((sum, s) => sum + Number(s.allocated), 0);
      expect(allocated).toBe(rows.length);
      expect(rows.every((r) => Number(r.status_index) >= 0 && Number(r.status_index) < 1000)).toBe(true);
      // the registry event after the restart suspended exactly that person's copies
      const suspended = rows.filter((r) => r.status === 2);
      expect(suspended.length).toBeGreaterThan(0);
      expect(suspended.every((r) => r.person_id === persons[0])).toBe(true);
      expect(rows.filter((r) => r.person_id === persons[0]).every((r) => r.status === 2)).toBe(true);
      // the published list (rebuilt from the rows at restart, then changed in memory) matches the table
      const claims = decodeJwsCompact(token).payload as { status_list: { lst: string } };
      const list = await decompressStatusList(platform, decodeBase64url(claims.status_list.lst), 2);
      for (const row of rows.filter((r) => r.status_shard === 1)) {
        expect(list.get(Number(row.status_index))).toBe(row.status);
      }
    } finally {
      await database.close();
    }
  }, 120_000);
});
