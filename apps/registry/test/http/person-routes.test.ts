import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeCardEvent, type RegistryApp, type RegistryDatabase, registryMigrations } from '../../src/index.js';
import { CLERK_TOKEN, captureLogs, citizen, citizens, clerk, expectProblem, issuer, openApp } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OPERATIONS: readonly [string, unknown][] = [
  ['card', {}],
  ['address', { address: { region_code: '440106', city: '广州市', district: '天河区', street: '天河路1号' } }],
  ['name', { family_name: '李', given_name: '四' }],
  ['renew', {}],
  ['lost', { reason: 'lost' }],
  ['cancel', { reason: 'death' }],
];

describeEachDatabase<RegistryDatabase>('registry person API', registryMigrations, (t) => {
  let app: RegistryApp;
  const logs = captureLogs();
  beforeAll(async () => {
    app = await openApp(t.database, { logger: logs.logger });
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (id: string, op: string, payload?: unknown, headers: Record<string, string> = clerk) =>
    app.inject({
      method: 'POST',
      url: `/persons/${id}/${op}`,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });

  it('seeds the population once: 4 with their card (card.issued), 2 without', async () => {
    expect(app.registryService.seeded).toBe(6);
    const again = await openApp(t.database);
    expect(again.registryService.seeded).toBe(0);
    await again.close();
    const outbox = await app.registryService.store.readOutbox(0, 100);
    expect(outbox.map((e) => e.event.personId)).toEqual(citizens.slice(0, 4).map((c) => c.personId));
    expect((await app.registryService.store.getPerson(citizen(5).personId))?.cardState).toBe('none');
  });

  it('lists and searches persons with minimal fields, by person id or card number', async () => {
    const list = await app.inject({ url: '/persons', headers: clerk });
    expect(list.statusCode).toBe(200);
    const persons = (JSON.parse(list.body) as { persons: Record<string, unknown>[] }).persons;
    expect(persons.map((p) => p.person_id)).toEqual(citizens.map((c) => c.personId).sort());
    for (const p of persons) {
      expect(Object.keys(p).sort()).toEqual(['card_number', 'card_state', 'full_name', 'person_id', 'sequence']);
    }
    const c = citizen(1);
    for (const q of [c.personId, c.card.cardNumber, c.card.cardNumber.toLowerCase(), ` ${c.card.cardNumber} `]) {
      const r = await app.inject({ url: `/persons?q=${encodeURIComponent(q)}`, headers: clerk });
      expect(JSON.parse(r.body)).toEqual({
        persons: [
          {
            person_id: c.personId,
            full_name: c.fullName,
            card_state: 'valid',
            card_number: c.card.cardNumber,
            sequence: 1,
          },
        ],
      });
    }
    // the ID number is not a search key
    expect(JSON.parse((await app.inject({ url: `/persons?q=${c.idNumber}`, headers: clerk })).body)).toEqual({
      persons: [],
    });
    const page = await app.inject({ url: `/persons?limit=2&after=${persons[1]?.person_id}`, headers: clerk });
    expect((JSON.parse(page.body) as { persons: unknown[] }).persons.length).toBe(2);
    expectProblem(await app.inject({ url: `/persons?q=${'x'.repeat(65)}`, headers: clerk }), 400, 'ERR_INPUT_INVALID');
    expectProblem(await app.inject({ url: '/persons?limit=0', headers: clerk }), 400, 'ERR_INPUT_INVALID');
    expectProblem(await app.inject({ url: '/persons?limit=abc', headers: clerk }), 400, 'ERR_INPUT_INVALID');
    expectProblem(await app.inject({ url: '/persons?nope=1', headers: clerk }), 400, 'ERR_INPUT_INVALID');
  });

  it('returns a person record and the portrait to a clerk', async () => {
    const c = citizen(0);
    const r = await app.inject({ url: `/persons/${c.personId}`, headers: clerk });
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({
      person_id: c.personId,
      id_number: c.idNumber,
      full_name: c.fullName,
      card_state: 'valid',
      card: { card_number: c.card.cardNumber, expiry_date: c.card.expiryDate },
      address: { region_code: c.address.regionCode, street: c.address.street },
      cancellation_reason: null,
      sequence: 1,
    });
    const portrait = await app.inject({ url: `/persons/${c.personId}/portrait`, headers: clerk });
    expect(portrait.statusCode).toBe(200);
    expect(portrait.headers['content-type']).toBe('image/jpeg');
    expect(portrait.headers['cache-control']).toBe('no-store');
    expect([...portrait.rawPayload.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(portrait.rawPayload.length).toBeLessThanOrEqual(15 * 1024);
    expectProblem(
      await app.inject({ url: '/persons/no-such-person', headers: clerk }),
      404,
      'ERR_REGISTRY_PERSON_UNKNOWN',
    );
    expectProblem(
      await app.inject({ url: '/persons/no-such-person/portrait', headers: clerk }),
      404,
      'ERR_REGISTRY_PERSON_UNKNOWN',
    );
    expectProblem(await app.inject({ url: '/persons/bad%20id!', headers: clerk }), 400, 'ERR_INPUT_INVALID');
  });

  it('refuses every clerk endpoint without a token (401), with an unknown one (401) or an issuer token (403)', async () => {
    const id = citizen(0).personId;
    const calls = [
      { method: 'GET', url: '/persons' },
      { method: 'GET', url: '/persons?q=x' },
      { method: 'GET', url: `/persons/${id}` },
      { method: 'GET', url: `/persons/${id}/portrait` },
      ...OPERATIONS.map(([op]) => ({ method: 'POST', url: `/persons/${id}/${op}` })),
    ] as const;
    for (const call of calls) {
      const none = await app.inject({ ...call });
      expectProblem(none, 401, 'ERR_REGISTRY_UNAUTHENTICATED');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expectProblem(
        await app.inject({ ...call, headers: { authorization: 'Bearer wrong-token-0123456789' } }),
        401,
        'ERR_REGISTRY_UNAUTHENTICATED',
      );
      expectProblem(
        await app.inject({ ...call, headers: { authorization: CLERK_TOKEN } }),
        401,
        'ERR_REGISTRY_UNAUTHENTICATED',
      );
      expectProblem(await app.inject({ ...call, headers: issuer }), 403, 'ERR_REGISTRY_FORBIDDEN');
    }
    // authentication comes before validation: a bad body without a token is still a 401
    expectProblem(await post(id, 'name', '{bad', {}), 401, 'ERR_REGISTRY_UNAUTHENTICATED');
    expect((await app.registryService.store.getPerson(id))?.sequence).toBe(1);
  });

  it('answers an unknown person with a 404 problem on every operation', async () => {
    for (const [op, body] of OPERATIONS) {
      expectProblem(await post('no-such-person', op, body), 404, 'ERR_REGISTRY_PERSON_UNKNOWN');
    }
  });

  it('runs a whole card life cycle, each answer naming the emitted event', async () => {
    const c = citizen(4); // seeded without a card
    const issued = await post(c.personId, 'card');
    expect(issued.statusCode, issued.body).toBe(200);
    const receipt = JSON.parse(issued.body);
    expect(receipt).toEqual({
      event_id: expect.stringMatching(UUID),
      type: 'card.issued',
      sequence: 1,
      person_id: c.personId,
      card_state: 'valid',
    });
    expectProblem(await post(c.personId, 'card', {}), 409, 'ERR_REGISTRY_CARD_STATE');

    const address = { region_code: '440106', city: '广州市', district: '天河区', street: '天河路385号' };
    expect(JSON.parse((await post(c.personId, 'address', { address })).body)).toMatchObject({
      type: 'card.changed',
      sequence: 2,
    });
    expect(
      JSON.parse((await post(c.personId, 'name', { family_name: '欧阳', given_name: '子涵' })).body),
    ).toMatchObject({
      type: 'card.changed',
      sequence: 3,
    });
    expect(JSON.parse((await post(c.personId, 'renew', {})).body)).toMatchObject({ type: 'card.renewed', sequence: 4 });
    expect(JSON.parse((await post(c.personId, 'lost', { reason: 'stolen' })).body)).toMatchObject({
      type: 'card.reported_lost',
      sequence: 5,
      card_state: 'lost',
    });
    expectProblem(await post(c.personId, 'renew'), 409, 'ERR_REGISTRY_CARD_STATE');
    expectProblem(await post(c.personId, 'lost', {}), 409, 'ERR_REGISTRY_CARD_STATE');
    expect(JSON.parse((await post(c.personId, 'card')).body)).toMatchObject({ type: 'card.issued', sequence: 6 });
    expect(JSON.parse((await post(c.personId, 'cancel', { reason: 'emigration' })).body)).toMatchObject({
      type: 'card.cancelled',
      sequence: 7,
      card_state: 'cancelled',
    });
    for (const [op, body] of OPERATIONS) {
      expectProblem(await post(c.personId, op, body), 409, 'ERR_REGISTRY_RECORD_CANCELLED');
    }
    const detail = JSON.parse((await app.inject({ url: `/persons/${c.personId}`, headers: clerk })).body);
    expect(detail).toMatchObject({
      full_name: '欧阳子涵',
      card_state: 'cancelled',
      cancellation_reason: 'emigration',
      sequence: 7,
    });
    expect(detail.address.line).toBe('广东省广州市天河区天河路385号');

    // the events are in the outbox, in order, with the receipts' ids
    const mine = (await app.registryService.store.readOutbox(0, 100)).filter((e) => e.event.personId === c.personId);
    expect(mine.map((e) => e.event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(mine[0]?.event.eventId).toBe(receipt.event_id);
    expect(decodeCardEvent(JSON.stringify({ version: 1, ...mine[6]?.event })).type).toBe('card.cancelled');
  });

  it('refuses bad bodies with 400/413/415 problems and changes nothing', async () => {
    const c = citizen(2);
    const bad: [string, unknown, string][] = [
      ['name', '{"family_name":"李",', ''],
      ['name', { family_name: 123, given_name: '四' }, '/family_name'],
      ['name', { family_name: true, given_name: '四' }, '/family_name'],
      ['name', { family_name: '李' }, '/given_name'],
      ['name', { family_name: '李', given_name: '四', nickname: 'x' }, '/nickname'],
      ['name', { family_name: '', given_name: '四' }, '/family_name'],
      ['name', { family_name: '李'.repeat(17), given_name: '四' }, '/family_name'],
      ['name', [], ''],
      [
        'address',
        { address: { region_code: '440106', city: '广州市', district: '天河区', street: 42 } },
        '/address/street',
      ],
      [
        'address',
        { address: { region_code: 440106, city: '广州市', district: '天河区', street: 'x' } },
        '/address/region_code',
      ],
      [
        'address',
        { address: { region_code: '4401', city: '广州市', district: '天河区', street: 'x' } },
        '/address/region_code',
      ],
      [
        'address',
        { address: { region_code: '440106', city: '广州市', district: '天河区', street: 'x', floor: 3 } },
        '/address/floor',
      ],
      ['address', { address: 'somewhere' }, '/address'],
      ['address', {}, '/address'],
      ['renew', { force: true }, '/force'],
      ['card', { card_number: 'x' }, '/card_number'],
      ['lost', { reason: 'misplaced' }, '/reason'],
      ['lost', { reason: true }, '/reason'],
      ['cancel', {}, '/reason'],
      ['cancel', { reason: 'bored' }, '/reason'],
      ['cancel', { reason: ['death'] }, '/reason'],
    ];
    for (const [op, body, pointer] of bad) {
      const r = await post(c.personId, op, body);
      if (typeof body === 'string') {
        expectProblem(r, 400, 'ERR_ENCODING_JSON');
        continue;
      }
      const problem = expectProblem(r, 400, 'ERR_INPUT_INVALID');
      expect(problem.errors?.[0]?.pointer, `${op} ${JSON.stringify(body)}`).toBe(pointer);
    }
    // a move to another province and a no-op change are refused by the domain
    const other = { region_code: '110108', city: '北京市', district: '海淀区', street: '中关村大街1号' };
    expectProblem(await post(c.personId, 'address', { address: other }), 400, 'ERR_INPUT_INVALID');
    expectProblem(
      await post(c.personId, 'name', { family_name: c.familyName, given_name: c.givenName }),
      400,
      'ERR_INPUT_INVALID',
    );
    expectProblem(
      await post(c.personId, 'name', { family_name: 'a\u0001', given_name: '四' }),
      400,
      'ERR_INPUT_INVALID',
    );
    // oversized and non-JSON bodies
    expectProblem(
      await post(c.personId, 'name', { family_name: '李', given_name: 'x'.repeat(20_000) }),
      413,
      'ERR_INPUT_TOO_LARGE',
    );
    const text = await app.inject({
      method: 'POST',
      url: `/persons/${c.personId}/renew`,
      headers: { ...clerk, 'content-type': 'text/plain' },
      payload: 'renew',
    });
    expectProblem(text, 415, 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
    expect((await app.registryService.store.getPerson(c.personId))?.sequence).toBe(1);
    // a bodiless POST is an empty object
    expect((await post(c.personId, 'renew')).statusCode).toBe(200);
  });

  it('never logs names, ID numbers, card numbers or addresses', async () => {
    const text = logs.lines.join('');
    expect(text).toContain('card event committed');
    for (const c of citizens) {
      for (const secret of [c.fullName, c.idNumber, c.card.cardNumber, c.address.street])
        expect(text).not.toContain(secret);
    }
    for (const secret of ['欧阳子涵', '天河路385号', CLERK_TOKEN]) expect(text).not.toContain(secret);
  });
});
