import { randomBytes } from 'node:crypto';
import { connectNats, type NatsConnection } from '@zhengzhao/server-kit';
import { openTestDatabase, type TestDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNatsEventPublisher,
  decodeCardEvent,
  type RegistryApp,
  type RegistryDatabase,
  registryEventSubject,
  registryMigrations,
} from '../../src/index.js';
import { citizens, clerk, openApp } from './helpers.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('registry JetStream publishing (real server at 127.0.0.1:4222)', () => {
  const suffix = randomBytes(4).toString('hex');
  // a unique subject and stream per run, deleted afterwards
  const subject = `zztest.${suffix}.registry.44.events`;
  const streams = [`ZZTEST_REG_${suffix}`, `ZZTEST_REG_${suffix}_PUB`];
  let nc: NatsConnection;
  let database: TestDatabase<RegistryDatabase>;
  let app: RegistryApp | undefined;

  beforeAll(async () => {
    nc = await connectNats(NATS_URL, { name: 'registry-test' });
    database = await openTestDatabase<RegistryDatabase>('sqlite', registryMigrations);
  });
  afterAll(async () => {
    await app?.close();
    const jsm = await nc.jetstreamManager();
    for (const name of streams) await jsm.streams.delete(name).catch(() => false);
    await nc.drain();
    await database?.close();
  });

  it('names the subject registry.<province>.events', () => {
    expect(registryEventSubject('44')).toBe('registry.44.events');
    expect(() => registryEventSubject('4')).toThrow();
  });

  it('creates the stream if missing and lets JetStream drop a re-published event by its id', async () => {
    const pubSubject = `${subject}.direct`;
    const publisher = await createNatsEventPublisher({
      nc,
      province: '44',
      subject: pubSubject,
      streamName: streams[1],
    });
    expect(publisher.stream).toBe(streams[1]);
    const jsm = await nc.jetstreamManager();
    const scratch = await openTestDatabase<RegistryDatabase>('sqlite', registryMigrations);
    const source = await openApp(scratch);
    const [entry] = await source.registryService.store.readOutbox(0, 1);
    await source.close();
    await scratch.close();
    if (!entry) throw new Error('no event');
    await publisher.send(entry.event);
    await publisher.send(entry.event);
    expect((await jsm.streams.info(publisher.stream)).state.messages).toBe(1);
    const message = await jsm.streams.getMessage(publisher.stream, { seq: 1 });
    expect(message.header?.get('Nats-Msg-Id')).toBe(entry.event.eventId);
    expect(decodeCardEvent(new TextDecoder().decode(message.data))).toEqual(entry.event);
    // a second publisher finds the existing stream instead of creating one
    const again = await createNatsEventPublisher({ nc, province: '44', subject: pubSubject, streamName: 'UNUSED' });
    expect(again.stream).toBe(streams[1]);
  });

  it('publishes the outbox in order from the app, and each new event after a commit', async () => {
    app = await openApp(database, {
      nats: { nc, subject, streamName: streams[0] },
      delivery: { intervalMs: 50 },
    });
    expect(app.registryService.natsSubject).toBe(subject);
    await app.ready();
    const jsm = await nc.jetstreamManager();
    const stream = streams[0] as string;
    await waitFor(async () => (await jsm.streams.info(stream)).state.messages >= 4);
    const outbox = await app.registryService.store.readOutbox(0, 100);
    for (const [i, entry] of outbox.entries()) {
      const message = await jsm.streams.getMessage(stream, { seq: i + 1 });
      expect(message.subject).toBe(subject);
      expect(message.header?.get('Nats-Msg-Id')).toBe(entry.event.eventId);
      expect(decodeCardEvent(new TextDecoder().decode(message.data)).eventId).toBe(entry.event.eventId);
    }
    await app.inject({
      method: 'POST',
      url: `/persons/${citizens[0]?.personId}/lost`,
      headers: { ...clerk, 'content-type': 'application/json' },
      payload: '{"reason":"lost"}',
    });
    await waitFor(async () => (await jsm.streams.info(stream)).state.messages === 5, 2_000);
    const last = await jsm.streams.getMessage(stream, { seq: 5 });
    expect(decodeCardEvent(new TextDecoder().decode(last.data)).type).toBe('card.reported_lost');
    expect(await app.registryService.store.readCursor('nats')).toBe(5);
    const ready = await app.inject({ url: '/readyz' });
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', checks: { database: 'ok', nats: 'ok' } });
  });
});
