import { randomBytes } from 'node:crypto';
import { utf8Encode } from '@zhengzhao/core';
import { encodeCardEvent } from '@zhengzhao/registry';
import { connectNats, type NatsConnection } from '@zhengzhao/server-kit';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  countInbox,
  findPerson,
  ISSUER_MIGRATIONS,
  type IssuerDatabase,
  listCredentials,
  startRegistryNatsConsumer,
} from '../../src/index.js';
import { createTestRegistry, deviceKey, openTestIssuer, postEvent, type TestIssuer } from '../helpers/fixture.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachDatabase<IssuerDatabase>('registry events over NATS JetStream', ISSUER_MIGRATIONS, (t) => {
  let nc: NatsConnection;
  let issuer: TestIssuer | undefined;
  const streams: string[] = [];
  beforeAll(async () => {
    nc = await connectNats(NATS_URL, { name: 'issuer-test' });
  });
  afterEach(async () => {
    await issuer?.app.close();
    issuer = undefined;
    const jsm = await nc.jetstreamManager();
    for (const stream of streams.splice(0)) await jsm.streams.delete(stream).catch(() => false);
  });
  afterAll(async () => {
    await nc.drain();
  });
  const uniqueStream = () => {
    const tag = randomBytes(5).toString('hex');
    const stream = `ZZ_TEST_${tag.toUpperCase()}`;
    streams.push(stream);
    return { stream, subject: `zztest.${tag}.registry.44.events`, durable: `issuer-44-${tag}` };
  };

  it('applies events published out of order and twice, in sequence, exactly once in effect', async () => {
    issuer = await openTestIssuer(t.database);
    const { stream, subject, durable } = uniqueStream();
    const consumer = await startRegistryNatsConsumer({
      nc,
      intake: issuer.app.issuer.intake,
      stream,
      subject,
      durable,
    });
    const js = nc.jetstream();
    const { registry, citizens } = createTestRegistry(`nats-${stream}`, 3);
    const issued = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    const lost = await registry.reportLost(issued.personId);
    const replaced = await registry.issueCard(issued.personId);
    const other = await registry.importCitizen(citizens[1] as (typeof citizens)[number]);
    // the card.issued arrives last; lost and replaced arrive twice
    for (const event of [replaced, lost, other, lost, replaced, issued]) {
      await js.publish(subject, utf8Encode(encodeCardEvent(event)));
    }
    await until(async () => consumer.acknowledged() === 6);
    await issuer.app.issuer.processor.idle();
    expect(await findPerson(t.database.db, issued.personId)).toMatchObject({
      lastSequence: 3,
      cardState: 'active',
      cardNumber: replaced.payload.card.cardNumber,
    });
    expect((await findPerson(t.database.db, other.personId))?.cardState).toBe('active');
    const inbox = await t.database.db
      .selectFrom('inbox')
      .select(['event_id', 'outcome'])
      .where('person_id', 'in', [issued.personId, other.personId])
      .execute();
    expect(inbox).toHaveLength(4);
    expect(inbox.every((r) => r.outcome === 'applied')).toBe(true);
    // nothing is left unacknowledged on the durable consumer
    const info = await (await nc.jetstreamManager()).consumers.info(stream, durable);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    await consumer.stop();
  });

  it('terminates malformed and foreign messages and keeps consuming', async () => {
    issuer = await openTestIssuer(t.database);
    const { stream, subject, durable } = uniqueStream();
    const consumer = await startRegistryNatsConsumer({
      nc,
      intake: issuer.app.issuer.intake,
      stream,
      subject,
      durable,
    });
    const js = nc.jetstream();
    const { registry, citizens } = createTestRegistry(`nats-bad-${stream}`, 2);
    const good = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    const foreign = JSON.parse(encodeCardEvent(await registry.importCitizen(citizens[1] as (typeof citizens)[number])));
    const before = await countInbox(t.database.db);
    await js.publish(subject, utf8Encode('{"not":"an event"}'));
    await js.publish(subject, Uint8Array.of(0xff, 0xfe, 0x00));
    await js.publish(subject, utf8Encode(JSON.stringify({ ...foreign, provinceCode: '11' })));
    await js.publish(subject, utf8Encode(encodeCardEvent(good)));
    await until(async () => (await findPerson(t.database.db, good.personId)) !== undefined);
    const after = await countInbox(t.database.db);
    expect(after.processed + after.pending).toBe(before.processed + before.pending + 1);
    await until(async () => {
      const info = await (await nc.jetstreamManager()).consumers.info(stream, durable);
      return info.num_ack_pending === 0 && info.num_pending === 0;
    });
    await consumer.stop();
  });

  it('runs inside the app when config.nats is set (durable: a restart resumes where it stopped)', async () => {
    const { stream, subject, durable } = uniqueStream();
    issuer = await openTestIssuer(t.database, { nats: { url: NATS_URL, stream, subject, durable } });
    expect((await issuer.app.inject({ method: 'GET', url: '/readyz' })).json().checks).toEqual({
      database: 'ok',
      nats: 'ok',
    });
    const js = nc.jetstream();
    const { registry, citizens } = createTestRegistry(`nats-app-${stream}`, 1);
    const issued = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    await js.publish(subject, utf8Encode(encodeCardEvent(issued)));
    await until(async () => (await findPerson(t.database.db, issued.personId)) !== undefined);
    const device = await deviceKey();
    await issuer.app.issuer.issuance.issueBatch({
      personId: issued.personId,
      walletId: `w-${stream}`,
      configurationId: 'eid_mdoc',
      deviceKeys: [device.publicKey],
    });
    await issuer.app.close();
    // published while the issuer is down
    const lost = await registry.reportLost(issued.personId);
    await js.publish(subject, utf8Encode(encodeCardEvent(lost)));
    issuer = await openTestIssuer(t.database, { nats: { url: NATS_URL, stream, subject, durable } });
    await until(async () => (await findPerson(t.database.db, issued.personId))?.cardState === 'lost');
    expect((await listCredentials(t.database.db, { personId: issued.personId })).map((c) => c.status)).toEqual([2]);
    // the webhook path sees the same inbox: a redelivery over HTTP is a duplicate
    expect((await postEvent(issuer.app, lost)).json().status).toBe('duplicate');
  });
});
