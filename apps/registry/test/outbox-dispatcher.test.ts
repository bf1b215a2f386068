import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  type CardEvent,
  createOutboxDispatcher,
  decodeCardEvent,
  encodeCardEvent,
} from '../src/index.js';
import { setup } from './helpers.js';

async function populatedStore(events: number) {
  const { registry, citizens, store } = setup();
  const people = citizens.slice(0, Math.min(4, events));
  for (const c of people) await registry.importCitizen(c);
  for (let i = people.length; i < events; i++) {
    const c = people[i % people.length];
    if (c) await registry.renewCard(c.personId);
  }
  return { store, all: await store.readOutbox(0, 1000) };
}

describe('outbox dispatcher', () => {
  it('delivers everything in order and persists the cursor', async () => {
    const { store, all } = await populatedStore(12);
    const received: CardEvent[] = [];
    const dispatcher = createOutboxDispatcher({
      store,
      consumer: 'issuer-44',
      batchSize: 5,
      send: async (event) => {
        received.push(decodeCardEvent(encodeCardEvent(event)));
      },
    });
    const result = await dispatcher.drain();
    expect(result).toEqual({ delivered: 12, skipped: 0, failures: 0, cursor: 12, stalled: false });
    expect(received.map((e) => e.eventId)).toEqual(all.map((e) => e.event.eventId));
    expect(await store.readCursor('issuer-44')).toBe(12);
    expect(await store.readCursor('issuer-33')).toBe(0);
    expect((await dispatcher.drain()).delivered).toBe(0);
  });

  it('with a flaky sender loses nothing, keeps order of first deliveries, and backs off', async () => {
    const { store, all } = await populatedStore(30);
    let calls = 0;
    const delivered: string[] = [];
    const delays: number[] = [];
    // fails 2 of every 3 calls; every 7th "successful" call acknowledges but is then reported as failed
    // (the receiver got it, the acknowledgement was lost) → a duplicate on retry
    const send = async (event: CardEvent): Promise<void> => {
      calls++;
      if (calls % 3 !== 0) throw new Error('connection reset');
      delivered.push(event.eventId);
      if (calls % 7 === 0) throw new Error('acknowledgement lost');
    };
    const dispatcher = createOutboxDispatcher({
      store,
      consumer: 'issuer-44',
      send,
      batchSize: 8,
      maxAttempts: 4,
      sleep: async (ms) => {
        delays.push(ms);
      },
      backoff: { initialMs: 100, maxMs: 1000, factor: 3 },
    });
    let result = await dispatcher.drain();
    for (let runs = 0; result.stalled && runs < 100; runs++) result = await dispatcher.drain();
    expect(result.stalled).toBe(false);
    expect(await store.readCursor('issuer-44')).toBe(30);
    const unique = [...new Set(delivered)];
    expect(unique).toEqual(all.map((e) => e.event.eventId)); // nothing lost, first deliveries in order
    expect(delivered.length).toBeGreaterThan(unique.length); // at-least-once: duplicates happened
    expect(delays.length).toBeGreaterThan(0);
    expect(delays.every((ms) => [100, 300, 900].includes(ms))).toBe(true);
  });

  it('stops at an event that keeps failing, without skipping it, and resumes later', async () => {
    const { store, all } = await populatedStore(6);
    const poisoned = all[2]?.event.eventId;
    let healthy = false;
    const seen: string[] = [];
    const dispatcher = createOutboxDispatcher({
      store,
      consumer: 'c',
      maxAttempts: 3,
      sleep: async () => {},
      send: async (event) => {
        if (event.eventId === poisoned && !healthy) throw new Error('receiver down');
        seen.push(event.eventId);
      },
    });
    const stalled = await dispatcher.drain();
    expect(stalled).toMatchObject({ delivered: 2, cursor: 2, stalled: true, failures: 3 });
    expect(await store.readCursor('c')).toBe(2);
    healthy = true;
    expect(await dispatcher.drain()).toMatchObject({ delivered: 4, cursor: 6, stalled: false });
    expect(seen).toEqual(all.map((e) => e.event.eventId));
  });

  it('a crash before the cursor is written re-delivers (at-least-once)', async () => {
    const { store } = await populatedStore(3);
    const failingCursor = { ...store, writeCursor: async () => Promise.reject(new Error('disk full')) };
    const first: string[] = [];
    await expect(
      createOutboxDispatcher({
        store: failingCursor,
        consumer: 'c',
        send: async (e) => void first.push(e.eventId),
      }).dispatchOnce(),
    ).rejects.toThrow();
    const second: string[] = [];
    await createOutboxDispatcher({ store, consumer: 'c', send: async (e) => void second.push(e.eventId) }).drain();
    expect(second[0]).toBe(first[0]);
    expect(second).toHaveLength(3);
  });

  it('filters events for another province but moves the cursor past them', async () => {
    const { store } = await populatedStore(5);
    const dispatcher = createOutboxDispatcher({
      store,
      consumer: 'issuer-33',
      filter: (e) => e.provinceCode === '33',
      send: async () => {},
    });
    expect(await dispatcher.drain()).toMatchObject({ delivered: 0, skipped: 5, cursor: 5 });
  });

  it('computes capped exponential backoff and validates options', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n))).toEqual([200, 400, 800, 1600, 30_000]);
    expect(() => createOutboxDispatcher({ store: {} as never, consumer: '', send: async () => {} })).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
    );
    expect(() =>
      createOutboxDispatcher({ store: {} as never, consumer: 'c', batchSize: 0, send: async () => {} }),
    ).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
  });
});
