import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeCardEvent, type RegistryApp, type RegistryDatabase, registryMigrations } from '../../src/index.js';
import { citizens, clerk, expectProblem, issuer, openApp } from './helpers.js';

interface Feed {
  entries: { position: number; event: { eventId: string; sequence: number; personId: string } }[];
  last_position: number;
}

describeEachDatabase<RegistryDatabase>('registry event feed', registryMigrations, (t) => {
  let app: RegistryApp;
  beforeAll(async () => {
    app = await openApp(t.database);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the outbox in order, in pages, as the JSON the webhook signs', async () => {
    const first = await app.inject({ url: '/events', headers: issuer });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const feed = JSON.parse(first.body) as Feed;
    expect(feed.entries.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    expect(feed.last_position).toBe(4);
    expect(feed.entries.map((e) => e.event.personId)).toEqual(citizens.slice(0, 4).map((c) => c.personId));
    for (const entry of feed.entries) {
      const decoded = decodeCardEvent(JSON.stringify(entry.event));
      expect(decoded.eventId).toBe(entry.event.eventId);
      expect(decoded.type).toBe('card.issued');
    }
    const page = JSON.parse((await app.inject({ url: '/events?after=1&limit=2', headers: issuer })).body) as Feed;
    expect(page.entries.map((e) => e.position)).toEqual([2, 3]);
    expect(page.last_position).toBe(3);

    await app.inject({ method: 'POST', url: `/persons/${citizens[0]?.personId}/renew`, headers: clerk });
    const next = JSON.parse((await app.inject({ url: '/events?after=4', headers: issuer })).body) as Feed;
    expect(next.entries.map((e) => [e.position, e.event.sequence])).toEqual([[5, 2]]);
    const empty = JSON.parse((await app.inject({ url: '/events?after=99', headers: issuer })).body) as Feed;
    expect(empty).toEqual({ entries: [], last_position: 99 });
  });

  it('needs an issuer token: 401 without or with an unknown one, 403 with a clerk token', async () => {
    const none = await app.inject({ url: '/events' });
    expectProblem(none, 401, 'ERR_REGISTRY_UNAUTHENTICATED');
    expectProblem(
      await app.inject({ url: '/events', headers: { authorization: 'Bearer not-a-known-token-123' } }),
      401,
      'ERR_REGISTRY_UNAUTHENTICATED',
    );
    expectProblem(
      await app.inject({ url: '/events', headers: { authorization: 'Basic abc' } }),
      401,
      'ERR_REGISTRY_UNAUTHENTICATED',
    );
    expectProblem(await app.inject({ url: '/events', headers: clerk }), 403, 'ERR_REGISTRY_FORBIDDEN');
  });

  it('refuses bad positions and limits', async () => {
    for (const query of ['after=-1', 'after=x', 'after=1.5', 'limit=0', 'limit=501', 'limit=x', 'since=3']) {
      expectProblem(await app.inject({ url: `/events?${query}`, headers: issuer }), 400, 'ERR_INPUT_INVALID');
    }
  });
});
