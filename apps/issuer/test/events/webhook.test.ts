import { type CardEvent, encodeCardEvent, signWebhookBody } from '@zhengzhao/registry';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  countInbox,
  findInboxEvent,
  findPerson,
  ISSUER_MIGRATIONS,
  type IssuerDatabase,
  listCredentials,
} from '../../src/index.js';
import {
  createTestRegistry,
  deviceKey,
  openTestIssuer,
  postEvent,
  type TestIssuer,
  WEBHOOK_SECRET,
} from '../helpers/fixture.js';

describeEachDatabase<IssuerDatabase>('registry webhook and event processing', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  const { registry, citizens } = createTestRegistry('webhook-tests', 12);
  beforeAll(async () => {
    issuer = await openTestIssuer(t.database);
  });
  afterAll(async () => {
    await issuer.app.close();
  });

  const issueBatch = async (personId: string, walletId: string, copies = 2) => {
    const device = await deviceKey();
    return issuer.app.issuer.issuance.issueBatch({
      personId,
      walletId,
      configurationId: 'eid_sd_jwt',
      deviceKeys: Array.from({ length: copies }, () => device.publicKey),
    });
  };
  const statuses = async (personId: string) =>
    (await listCredentials(t.database.db, { personId })).map((c) => c.status);
  const notifications = async (walletId: string) =>
    (await issuer.app.inject({ method: 'GET', url: `/wallets/${walletId}/notifications` }))
      .json()
      .notifications.map((n: { type: string }) => n.type);
  const listBit = (personId: string) => async () => {
    const rows = await listCredentials(t.database.db, { personId });
    return rows.map((r) => issuer.app.issuer.lists.get(r.statusShard as number)?.list.get(r.statusIndex as number));
  };

  it('accepts a signed card.issued: the person exists with an active card', async () => {
    const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    const response = await postEvent(issuer.app, event);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ eventId: event.eventId, status: 'accepted' });
    const person = await findPerson(t.database.db, event.personId);
    expect(person).toMatchObject({ cardState: 'active', cardNumber: event.payload.card.cardNumber, lastSequence: 1 });
    expect(person?.claims?.id_number).toBe(event.payload.claims.id_number);
    expect(typeof person?.claims?.portrait).toBe('string');
    expect((await findInboxEvent(t.database.db, event.eventId))?.outcome).toBe('applied');
    expect(await issuer.app.issuer.personDirectory.findByCardNumber(event.payload.card.cardNumber)).toEqual({
      personId: event.personId,
      cardState: 'active',
    });
  });

  it('ignores a redelivered event (same id): 200 duplicate, no second effect', async () => {
    const event = await registry.importCitizen(citizens[1] as (typeof citizens)[number]);
    expect((await postEvent(issuer.app, event)).json().status).toBe('accepted');
    await issueBatch(event.personId, 'w-dup');
    const changed = await registry.renewCard(event.personId);
    expect((await postEvent(issuer.app, changed)).json().status).toBe('accepted');
    const after = await statuses(event.personId);
    for (let i = 0; i < 3; i++) {
      const again = await postEvent(issuer.app, changed);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ eventId: changed.eventId, status: 'duplicate' });
    }
    expect(await statuses(event.personId)).toEqual(after);
    expect(await notifications('w-dup')).toEqual(['refresh']);
    expect((await findPerson(t.database.db, event.personId))?.lastSequence).toBe(2);
  });

  it('holds an out-of-order event until the gap is filled, then applies both in order', async () => {
    const issued = await registry.importCitizen(citizens[2] as (typeof citizens)[number]);
    const lost = await registry.reportLost(issued.personId);
    const replaced = await registry.issueCard(issued.personId);
    // 3 and 2 arrive before 1
    expect((await postEvent(issuer.app, replaced)).statusCode).toBe(200);
    expect((await postEvent(issuer.app, lost)).statusCode).toBe(200);
    expect(await findPerson(t.database.db, issued.personId)).toBeUndefined();
    expect((await findInboxEvent(t.database.db, replaced.eventId))?.processedAt).toBeNull();
    expect((await postEvent(issuer.app, issued)).statusCode).toBe(200);
    const person = await findPerson(t.database.db, issued.personId);
    expect(person).toMatchObject({
      lastSequence: 3,
      cardState: 'active',
      cardNumber: replaced.payload.card.cardNumber,
    });
    for (const e of [issued, lost, replaced]) {
      expect((await findInboxEvent(t.database.db, e.eventId))?.outcome).toBe('applied');
    }
  });

  it('card.changed revokes every live credential and tells the bound wallets to refresh', async () => {
    const issued = await registry.importCitizen(citizens[3] as (typeof citizens)[number]);
    await postEvent(issuer.app, issued);
    await issueBatch(issued.personId, 'w-change-a', 3);
    await issueBatch(issued.personId, 'w-change-b', 2);
    expect(await statuses(issued.personId)).toEqual([0, 0, 0, 0, 0]);
    const changed = await registry.changeName(issued.personId, { familyName: '欧阳', givenName: '新名' });
    await postEvent(issuer.app, changed);
    expect(await statuses(issued.personId)).toEqual([1, 1, 1, 1, 1]);
    expect(await listBit(issued.personId)()).toEqual([1, 1, 1, 1, 1]);
    const person = await findPerson(t.database.db, issued.personId);
    expect(person?.claims?.full_name).toBe('欧阳新名');
    expect(person?.cardNumber).toBe(changed.payload.card.cardNumber);
    expect(await notifications('w-change-a')).toEqual(['refresh']);
    expect(await notifications('w-change-b')).toEqual(['refresh']);
    // a fresh batch is possible at once, with the new claims
    expect(await issueBatch(issued.personId, 'w-change-a', 1)).toHaveLength(1);
  });

  it('card.reported_lost suspends; the replacement card.issued revokes (does not resume) and asks for a fresh batch', async () => {
    const issued = await registry.importCitizen(citizens[4] as (typeof citizens)[number]);
    await postEvent(issuer.app, issued);
    await issueBatch(issued.personId, 'w-lost', 2);
    await postEvent(issuer.app, await registry.reportLost(issued.personId));
    expect(await statuses(issued.personId)).toEqual([2, 2]);
    expect(await listBit(issued.personId)()).toEqual([2, 2]);
    expect((await findPerson(t.database.db, issued.personId))?.cardState).toBe('lost');
    const refused = await issueBatch(issued.personId, 'w-lost', 1).catch((e: { code?: string }) => e.code);
    expect(refused).toBe('ERR_ISSUER_CARD_NOT_ACTIVE');
    const replaced = await registry.issueCard(issued.personId);
    await postEvent(issuer.app, replaced);
    expect(await statuses(issued.personId)).toEqual([1, 1]);
    expect(await notifications('w-lost')).toEqual(['suspended', 'refresh']);
    expect(await issuer.app.issuer.personDirectory.findByCardNumber(replaced.payload.card.cardNumber)).toEqual({
      personId: issued.personId,
      cardState: 'active',
    });
    expect(await issuer.app.issuer.personDirectory.findByCardNumber(issued.payload.card.cardNumber)).toBeUndefined();
  });

  it('card.cancelled revokes for good: later events change nothing', async () => {
    const issued = await registry.importCitizen(citizens[5] as (typeof citizens)[number]);
    await postEvent(issuer.app, issued);
    await issueBatch(issued.personId, 'w-cancel', 2);
    await postEvent(issuer.app, await registry.reportLost(issued.personId));
    const cancelled = await registry.cancelCard(issued.personId, 'death');
    await postEvent(issuer.app, cancelled);
    expect(await statuses(issued.personId)).toEqual([1, 1]);
    expect((await findPerson(t.database.db, issued.personId))?.cardState).toBe('cancelled');
    expect(await notifications('w-cancel')).toEqual(['suspended', 'revoked']);
    // a (forged-order) later event for a cancelled person is recorded but ignored
    const late = { ...issued, eventId: 'f0e1d2c3-b4a5-4968-8776-655443322110', sequence: 4 } as CardEvent;
    expect((await postEvent(issuer.app, late)).statusCode).toBe(200);
    expect((await findInboxEvent(t.database.db, late.eventId))?.outcome).toBe('ignored');
    expect((await findPerson(t.database.db, issued.personId))?.cardState).toBe('cancelled');
  });

  it('marks a second event id for an already applied sequence as superseded', async () => {
    const issued = await registry.importCitizen(citizens[6] as (typeof citizens)[number]);
    await postEvent(issuer.app, issued);
    const twin = { ...issued, eventId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3' } as CardEvent;
    await postEvent(issuer.app, twin);
    expect((await findInboxEvent(t.database.db, twin.eventId))?.outcome).toBe('superseded');
  });

  it('answers 401 for a missing, malformed or wrong signature, and a stale timestamp', async () => {
    const event = await registry.importCitizen(citizens[7] as (typeof citizens)[number]);
    const before = await countInbox(t.database.db);
    const missing = await postEvent(issuer.app, event, { signature: null });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('ERR_WEBHOOK_SIGNATURE_INVALID');
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const garbage = await postEvent(issuer.app, event, { signature: 'v1=zz' });
    expect(garbage.json().code).toBe('ERR_WEBHOOK_SIGNATURE_INVALID');
    const wrongSecret = await postEvent(issuer.app, event, { secret: 'another-secret-of-16-bytes+' });
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.json().code).toBe('ERR_WEBHOOK_SIGNATURE_INVALID');
    // a signature over other bytes (the body was altered in transit)
    const body = encodeCardEvent(event);
    const tampered = await postEvent(issuer.app, body.replace('"sequence":1', '"sequence":2'), {
      signature: signWebhookBody(WEBHOOK_SECRET, body, issuer.clock.now()),
    });
    expect(tampered.json().code).toBe('ERR_WEBHOOK_SIGNATURE_INVALID');
    const stale = await postEvent(issuer.app, event, { at: new Date(issuer.clock.now().getTime() - 600_000) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('ERR_WEBHOOK_TIMESTAMP_STALE');
    expect(await countInbox(t.database.db)).toEqual(before);
  });

  it('answers 400 ERR_REGISTRY_EVENT_MALFORMED for signed bodies that are not valid events', async () => {
    const event = await registry.importCitizen(citizens[8] as (typeof citizens)[number]);
    const before = await countInbox(t.database.db);
    const good = JSON.parse(encodeCardEvent(event)) as Record<string, unknown>;
    const bodies = [
      '{not json',
      '[]',
      '"text"',
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, sequence: 0 }),
      JSON.stringify({ ...good, sequence: '1' }),
      JSON.stringify({ ...good, type: 'card.stolen' }),
      JSON.stringify({ ...good, eventId: 'not-a-uuid' }),
      JSON.stringify({ ...good, payload: { ...(good.payload as object), claims: { full_name: 1 } } }),
      JSON.stringify({ ...good, payload: null }),
    ];
    for (const body of bodies) {
      const response = await postEvent(issuer.app, body);
      expect(response.statusCode, body.slice(0, 40)).toBe(400);
      expect(response.json().code).toBe('ERR_REGISTRY_EVENT_MALFORMED');
    }
    const foreign = await postEvent(issuer.app, JSON.stringify({ ...good, provinceCode: '11' }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('ERR_ISSUER_EVENT_PROVINCE');
    expect(await countInbox(t.database.db)).toEqual(before);
  });

  it('refuses oversized bodies (413) and other media types (415)', async () => {
    const huge = `{"pad":"${'x'.repeat(200 * 1024)}"}`;
    const tooLarge = await postEvent(issuer.app, huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('ERR_INPUT_TOO_LARGE');
    const text = await issuer.app.inject({
      method: 'POST',
      url: '/events/registry',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
  });

  it('leaves nothing half-written when processing fails, and a later sweep applies the event', async () => {
    const issued = await registry.importCitizen(citizens[9] as (typeof citizens)[number]);
    await postEvent(issuer.app, issued);
    await issueBatch(issued.personId, 'w-fail', 2);
    const lost = await registry.reportLost(issued.personId);
    // make the notifications insert fail inside the event's transaction
    const db = t.database.db;
    await db.schema.alterTable('notifications').renameTo('notifications_off').execute();
    try {
      expect((await postEvent(issuer.app, lost)).json().status).toBe('accepted');
      expect(await statuses(issued.personId)).toEqual([0, 0]);
      expect(await listBit(issued.personId)()).toEqual([0, 0]);
      expect((await findInboxEvent(db, lost.eventId))?.processedAt).toBeNull();
      expect((await findPerson(db, issued.personId))?.lastSequence).toBe(1);
    } finally {
      await db.schema.alterTable('notifications_off').renameTo('notifications').execute();
    }
    expect(await issuer.app.issuer.processor.processAllPending()).toBeGreaterThanOrEqual(1);
    expect(await statuses(issued.personId)).toEqual([2, 2]);
    expect(await listBit(issued.personId)()).toEqual([2, 2]);
  });
});
