import { randomBytes } from 'node:crypto';
import { type ErrorCode, isZzError } from '@zhengzhao/core';
import { fixedClock } from '@zhengzhao/test-kit';
import { expect, it } from 'vitest';
import {
  type CardEvent,
  type CardRenewedEvent,
  createInMemoryRegistryStore,
  createRegistry,
  generateCitizens,
  type PersonRecord,
  type RegistryStore,
} from '../../src/index.js';

const STUB_PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9);
const random = (length: number): Uint8Array => new Uint8Array(randomBytes(length));
const citizens = generateCitizens({ seed: 'store-behaviour', province: '33', count: 40 });

function citizen(index: number) {
  const c = citizens[index];
  if (!c) throw new Error(`no citizen ${index}`);
  return c;
}

function personDataOf(index: number) {
  const { card: _card, ...person } = citizen(index);
  return person;
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(isZzError(error, code), String(error)).toBe(true);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

function registryOn(store: RegistryStore, maxConflictRetries = 3) {
  const clock = fixedClock('2026-03-01T08:00:00Z');
  return createRegistry({ store, clock, random, portraitOf: () => STUB_PORTRAIT, maxConflictRetries });
}

async function required(store: RegistryStore, personId: string): Promise<PersonRecord> {
  const person = await store.getPerson(personId);
  if (!person) throw new Error('person missing');
  return person;
}

/**
 * The behaviour every `RegistryStore` must show (registry-store.ts), written once and run on the
 * in-memory store and on the SQL store on SQLite and PostgreSQL. `makeStore` returns an EMPTY
 * store each time it is called.
 */
export function registryStoreBehaviour(makeStore: () => Promise<RegistryStore>): void {
  it('stores and returns a person without a card, and copies records in and out', async () => {
    const store = await makeStore();
    expect(await store.getPerson('nobody')).toBeUndefined();
    const person: PersonRecord = { ...personDataOf(0), cardState: 'none', sequence: 0 };
    expect(await store.insertPerson(person)).toBeUndefined();
    const stored = await required(store, person.personId);
    expect(stored).toEqual(person);
    expect(stored.card).toBeUndefined();
    expect(stored.cancellationReason).toBeUndefined();
    (stored.address as { street: string }).street = 'changed';
    expect((await required(store, person.personId)).address.street).toBe(person.address.street);
    expect(await store.readOutbox(0, 10)).toEqual([]);
  });

  it('inserts a person with a card.issued event in one step (position 1) and refuses duplicates', async () => {
    const store = await makeStore();
    const registry = registryOn(store);
    const event = await registry.importCitizen(citizen(1));
    const stored = await required(store, citizen(1).personId);
    expect(stored).toMatchObject({ cardState: 'valid', sequence: 1, card: citizen(1).card });
    const outbox = await store.readOutbox(0, 10);
    expect(outbox).toEqual([{ position: 1, event }]);
    expect(outbox[0]?.event.type === 'card.issued' && outbox[0].event.payload.claims.portrait).toEqual(STUB_PORTRAIT);

    await expectCode(registry.importCitizen(citizen(1)), 'ERR_REGISTRY_PERSON_EXISTS');
    await expectCode(
      store.insertPerson({ ...personDataOf(1), personId: 'another-id', cardState: 'none', sequence: 0 }),
      'ERR_REGISTRY_PERSON_EXISTS',
    );
    expect(await store.getPerson('another-id')).toBeUndefined();
    expect((await store.readOutbox(0, 10)).length).toBe(1);
  });

  it('refuses an insert whose event belongs to another sequence and writes nothing', async () => {
    const store = await makeStore();
    // the event is built by a registry on a scratch store; only `store` is under test
    const source = registryOn(createInMemoryRegistryStore());
    const event = await source.importCitizen(citizen(2));
    const person: PersonRecord = { ...citizen(2), cardState: 'valid', sequence: 1 };
    await expectCode(store.insertPerson(person, { ...event, sequence: 2 }), 'ERR_INPUT_INVALID');
    expect(await store.getPerson(person.personId)).toBeUndefined();
    expect(await store.readOutbox(0, 10)).toEqual([]);
  });

  it('commits a state change and its event together, as a compare-and-set on the sequence', async () => {
    const store = await makeStore();
    const registry = registryOn(store);
    const c = citizen(3);
    const first = await registry.importCitizen(c);
    const renewed: CardRenewedEvent = await registry.renewCard(c.personId);
    const person = await required(store, c.personId);
    expect(person.sequence).toBe(2);
    expect(person.card).toEqual(renewed.payload.card);

    // a stale writer (expected 1, the store has 2) changes nothing
    await expectCode(
      store.commitCardEvent({
        person: { ...person, sequence: 2 },
        expectedSequence: 1,
        event: { ...renewed, eventId: '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b', sequence: 2 },
      }),
      'ERR_REGISTRY_CONCURRENT_UPDATE',
    );
    await expectCode(
      store.commitCardEvent({
        person: { ...person, personId: 'no-such-person', sequence: 3 },
        expectedSequence: 2,
        event: { ...renewed, personId: 'no-such-person', sequence: 3 },
      }),
      'ERR_REGISTRY_PERSON_UNKNOWN',
    );
    // the event must carry the record's sequence
    await expectCode(
      store.commitCardEvent({
        person: { ...person, sequence: 3 },
        expectedSequence: 2,
        event: { ...renewed, sequence: 4 },
      }),
      'ERR_INPUT_INVALID',
    );
    // the ID number never changes
    await expectCode(
      store.commitCardEvent({
        person: { ...person, idNumber: citizen(4).idNumber, sequence: 3 },
        expectedSequence: 2,
        event: { ...renewed, sequence: 3 },
      }),
      'ERR_INPUT_INVALID',
    );
    expect(await required(store, c.personId)).toEqual(person);
    expect((await store.readOutbox(0, 10)).map((e) => e.event.eventId)).toEqual([first.eventId, renewed.eventId]);
  });

  it('keeps every field of the record through the whole card life cycle', async () => {
    const store = await makeStore();
    const registry = registryOn(store);
    const c = citizen(5);
    await registry.registerPerson(personDataOf(5));
    expect((await required(store, c.personId)).cardState).toBe('none');
    const issued = await registry.issueCard(c.personId);
    await registry.changeAddress(c.personId, { ...c.address, street: '文三路90号' });
    await registry.changeName(c.personId, { familyName: '司马', givenName: '光' });
    const lost = await registry.reportLost(c.personId, 'stolen');
    expect(await required(store, c.personId)).toMatchObject({ cardState: 'lost', sequence: 4 });
    const cancelled = await registry.cancelCard(c.personId, 'emigration');
    const final = await required(store, c.personId);
    expect(final).toMatchObject({
      cardState: 'cancelled',
      cancellationReason: 'emigration',
      familyName: '司马',
      givenName: '光',
      fullName: '司马光',
      sequence: 5,
      address: { ...c.address, street: '文三路90号' },
    });
    expect(final.card?.cardNumber).toBe(lost.payload.cardNumber);
    expect(final.card?.cardNumber).not.toBe(issued.payload.card.cardNumber);
    const outbox = await store.readOutbox(0, 100);
    expect(outbox.map((e) => [e.position, e.event.sequence, e.event.type])).toEqual([
      [1, 1, 'card.issued'],
      [2, 2, 'card.changed'],
      [3, 3, 'card.changed'],
      [4, 4, 'card.reported_lost'],
      [5, 5, 'card.cancelled'],
    ]);
    expect(outbox[4]?.event).toEqual(cancelled);
  });

  it('reads the outbox in position order, in pages, and validates its arguments', async () => {
    const store = await makeStore();
    const registry = registryOn(store);
    const people = [6, 7, 8].map(citizen);
    for (const c of people) await registry.importCitizen(c);
    for (let round = 0; round < 3; round++) for (const c of people) await registry.renewCard(c.personId);
    const all = await store.readOutbox(0, 100);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const c of people) {
      expect(all.filter((e) => e.event.personId === c.personId).map((e) => e.event.sequence)).toEqual([1, 2, 3, 4]);
    }
    expect((await store.readOutbox(4, 3)).map((e) => e.position)).toEqual([5, 6, 7]);
    expect(await store.readOutbox(12, 10)).toEqual([]);
    expect(await store.readOutbox(1000, 10)).toEqual([]);
    for (const [after, limit] of [
      [-1, 10],
      [0, 0],
      [0, 10_001],
      [0.5, 10],
      [0, Number.NaN],
    ] as const) {
      await expectCode(store.readOutbox(after, limit), 'ERR_INPUT_INVALID');
    }
  });

  it('keeps one cursor per consumer that never moves back', async () => {
    const store = await makeStore();
    expect(await store.readCursor('issuer-33')).toBe(0);
    await store.writeCursor('issuer-33', 5);
    await store.writeCursor('nats', 2);
    expect(await store.readCursor('issuer-33')).toBe(5);
    await store.writeCursor('issuer-33', 3);
    expect(await store.readCursor('issuer-33')).toBe(5);
    await store.writeCursor('issuer-33', 9);
    expect(await store.readCursor('issuer-33')).toBe(9);
    expect(await store.readCursor('nats')).toBe(2);
    expect(await store.readCursor('other')).toBe(0);
    await expectCode(store.writeCursor('', 1), 'ERR_INPUT_INVALID');
    await expectCode(store.writeCursor('issuer-33', -1), 'ERR_INPUT_INVALID');
    await expectCode(store.writeCursor('issuer-33', 1.5), 'ERR_INPUT_INVALID');
  });

  it('lets exactly one of several concurrent writers with the same expected sequence win', async () => {
    const store = await makeStore();
    const c = citizen(9);
    await registryOn(store).importCitizen(c);
    // ten registries on the same store, none allowed to retry
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => registryOn(store, 0).renewCard(c.personId)),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const a of lost) expect(isZzError(a.reason, 'ERR_REGISTRY_CONCURRENT_UPDATE')).toBe(true);
    const person = await required(store, c.personId);
    expect(person.sequence).toBe(1 + won.length);
    const outbox = await store.readOutbox(0, 100);
    expect(outbox.map((e) => e.event.sequence)).toEqual(Array.from({ length: 1 + won.length }, (_, i) => i + 1));
  });

  it('under concurrent writers hands out gap-free positions that a polling reader sees in order', async () => {
    const store = await makeStore();
    const people = [10, 11, 12, 13, 14].map(citizen);
    const seed = registryOn(store);
    for (const c of people) await seed.importCitizen(c);
    let done = false;
    const seen: CardEvent[] = [];
    let cursor = 0;
    const reader = (async () => {
      for (;;) {
        const finished = done;
        const page = await store.readOutbox(cursor, 50);
        for (const entry of page) {
          // a reader following its cursor must never observe a gap
          expect(entry.position).toBe(cursor + 1);
          cursor = entry.position;
          seen.push(entry.event);
        }
        if (finished && page.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await Promise.all(
      people.map(async (c) => {
        const registry = registryOn(store, 50);
        for (let i = 0; i < 6; i++) await registry.renewCard(c.personId);
      }),
    );
    done = true;
    await reader;
    expect(cursor).toBe(35);
    for (const c of people) {
      expect(seen.filter((e) => e.personId === c.personId).map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(35);
  });
}
