import { isZzError } from '@zhengzhao/core';
import { type CardIssuedEvent, encodeCardEvent } from '@zhengzhao/registry';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findInboxEvent, findPerson, ISSUER_MIGRATIONS, type IssuerDatabase } from '../../src/index.js';
import { type BulkImportProgress, bulkImportPersons } from '../../src/modules/bulk/index.js';
import { createTestRegistry, deviceKey, NOW, openTestIssuer, postEvent, type TestIssuer } from '../helpers/fixture.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function* yieldAll<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function countPersons(issuer: TestIssuer): Promise<number> {
  const row = await issuer.app.issuer.context.db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase<IssuerDatabase>('bulkImportPersons', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await openTestIssuer(t.database);
  });
  afterAll(async () => {
    await issuer.app.close();
  });

  /** `count` card.issued events of a fresh simulated registry (sequence 1 each). */
  const population = async (seed: string, count: number) => {
    const { registry, citizens } = createTestRegistry(seed, count);
    const events: CardIssuedEvent[] = [];
    for (const citizen of citizens) events.push(await registry.importCitizen(citizen));
    return { registry, events };
  };

  it('imports a population in transactions, reporting progress after each commit', async () => {
    const { events } = await population('bulk-import', 23);
    const progress: BulkImportProgress[] = [];
    let tick = 0;
    const result = await bulkImportPersons(issuer.app.issuer, yieldAll(events), {
      transactionSize: 5,
      total: events.length,
      onProgress: (p) => progress.push(p),
      timer: () => (tick += 100),
    });
    expect(result).toMatchObject({ inserted: 23, skipped: 0, transactions: 5 });
    expect(progress.map((p) => p.done)).toEqual([5, 10, 15, 20, 23]);
    expect(progress.every((p) => p.total === 23 && p.ratePerSecond > 0)).toBe(true);
    expect(progress.at(-1)?.etaMs).toBe(0);
    for (const event of events) {
      const person = await findPerson(t.database.db, event.personId);
      expect(person).toMatchObject({
        provinceCode: '44',
        cardNumber: event.payload.card.cardNumber,
        cardState: 'active',
        suspended: false,
        lastSequence: 1,
        createdAt: new Date(NOW),
      });
      expect(person?.claims?.id_number).toBe(event.payload.claims.id_number);
      expect(person?.claims?.issuing_authority).toBe(event.payload.card.issuingAuthority);
      expect(typeof person?.claims?.portrait).toBe('string');
    }
  });

  it('is idempotent: a second run skips everyone and overwrites nothing', async () => {
    const { registry, events } = await population('bulk-rerun', 6);
    await bulkImportPersons(issuer.app.issuer, events);
    const first = events[0] as CardIssuedEvent;
    const lost = await registry.reportLost(first.personId);
    expect((await postEvent(issuer.app, lost)).json().status).toBe('accepted');
    const again = await bulkImportPersons(issuer.app.issuer, yieldAll(events), { transactionSize: 4 });
    expect(again).toMatchObject({ inserted: 0, skipped: 6, transactions: 2 });
    expect(await findPerson(t.database.db, first.personId)).toMatchObject({ cardState: 'lost', lastSequence: 2 });
  });

  it('agrees with the event path: the redelivered card.issued is superseded, later events apply, credentials issue', async () => {
    const { registry, events } = await population('bulk-then-events', 3);
    await bulkImportPersons(t.database.db, events, { provinceCode: '44', clock: issuer.app.issuer.context.clock });
    const event = events[1] as CardIssuedEvent;
    expect((await postEvent(issuer.app, event)).json().status).toBe('accepted');
    expect((await findInboxEvent(t.database.db, event.eventId))?.outcome).toBe('superseded');

    const device = await deviceKey();
    const issued = await issuer.app.issuer.issuance.issueBatch({
      personId: event.personId,
      walletId: 'w-bulk',
      configurationId: 'eid_sd_jwt',
      deviceKeys: [device.publicKey, device.publicKey],
    });
    expect(issued).toHaveLength(2);

    const renewed = await registry.renewCard(event.personId);
    await postEvent(issuer.app, renewed);
    expect((await findInboxEvent(t.database.db, renewed.eventId))?.outcome).toBe('applied');
    expect(await findPerson(t.database.db, event.personId)).toMatchObject({
      cardNumber: renewed.payload.card.cardNumber,
      lastSequence: 2,
    });
  });

  it('accepts the events as encodeCardEvent JSON', async () => {
    const { events } = await population('bulk-json', 4);
    const result = await bulkImportPersons(issuer.app.issuer, events.map(encodeCardEvent));
    expect(result.inserted).toBe(4);
  });

  it('refuses another province: the open transaction rolls back, earlier ones stay', async () => {
    const { events } = await population('bulk-province', 5);
    const foreign = { ...(events[3] as CardIssuedEvent), provinceCode: '11' };
    const before = await countPersons(issuer);
    const error = await failure(
      bulkImportPersons(issuer.app.issuer, [...events.slice(0, 3), foreign, events[4] as CardIssuedEvent], {
        transactionSize: 2,
      }),
    );
    expect(isZzError(error, 'ERR_ISSUER_EVENT_PROVINCE')).toBe(true);
    expect(await countPersons(issuer)).toBe(before + 2);
    expect(await findPerson(t.database.db, (events[2] as CardIssuedEvent).personId)).toBeUndefined();
  });

  it('refuses malformed events without writing their transaction', async () => {
    const { events } = await population('bulk-malformed', 2);
    const good = events[0] as CardIssuedEvent;
    const before = await countPersons(issuer);
    const bad: unknown[] = [
      { ...good, type: 'card.renewed' },
      { ...good, sequence: 0 },
      { ...good, personId: '' },
      { ...good, payload: { ...good.payload, claims: { ...good.payload.claims, birth_date: '1990-02-30' } } },
      { ...good, payload: { ...good.payload, claims: { ...good.payload.claims, portrait: 'not bytes' } } },
      { ...good, payload: { card: {} } },
      null,
      42,
      '{"not":"an event"}',
      encodeCardEvent(good).slice(0, 40),
    ];
    for (const item of bad) {
      const error = await failure(bulkImportPersons(issuer.app.issuer, [good, item as CardIssuedEvent]));
      expect(isZzError(error, 'ERR_REGISTRY_EVENT_MALFORMED')).toBe(true);
      expect((error as Error).message).not.toContain(good.payload.claims.id_number);
    }
    expect(await countPersons(issuer)).toBe(before);
  });

  it('refuses a card number already held by another person (ERR_INPUT_INVALID), rolling back', async () => {
    const { events } = await population('bulk-card-clash', 3);
    await bulkImportPersons(issuer.app.issuer, events.slice(0, 1));
    const holder = events[0] as CardIssuedEvent;
    const other = events[1] as CardIssuedEvent;
    const clash = { ...other, payload: { ...other.payload, card: holder.payload.card } };
    const error = await failure(bulkImportPersons(issuer.app.issuer, [events[2] as CardIssuedEvent, clash]));
    expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    expect(await findPerson(t.database.db, (events[2] as CardIssuedEvent).personId)).toBeUndefined();
    expect(await findPerson(t.database.db, other.personId)).toBeUndefined();
  });

  it('checks its options', async () => {
    const { events } = await population('bulk-options', 1);
    const cases: Parameters<typeof bulkImportPersons>[2][] = [
      { transactionSize: 0 },
      { transactionSize: 1.5 },
      { total: -1 },
      { provinceCode: '4' },
    ];
    for (const options of cases) {
      const error = await failure(bulkImportPersons(issuer.app.issuer, events, options));
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
    const noClock = await failure(bulkImportPersons(t.database.db, events, { provinceCode: '44' }));
    expect(isZzError(noClock, 'ERR_INPUT_INVALID')).toBe(true);
    for (const source of [null, 42, 'card.issued', {}]) {
      const error = await failure(bulkImportPersons(issuer.app.issuer, source as never));
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
    const noTarget = await failure(bulkImportPersons(null as never, events));
    expect(isZzError(noTarget, 'ERR_INPUT_INVALID')).toBe(true);
  });
});
