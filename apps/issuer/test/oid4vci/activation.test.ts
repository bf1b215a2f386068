import { parseCredentialOffer } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { beforeEach, expect, it } from 'vitest';
import { type Oid4vciDatabase, oid4vciMigrations } from '../../src/modules/oid4vci/index.js';
import { activate, CLERK_ORIGIN, CLERK_TOKEN, createTestIssuer, ISSUER, PRE_AUTH, type TestIssuer } from './helpers.js';

const clerk = { authorization: `Bearer ${CLERK_TOKEN}` };

describeEachDatabase<Oid4vciDatabase>('oid4vci activation', oid4vciMigrations, (t) => {
  let issuer: TestIssuer;
  beforeEach(async () => {
    issuer = await createTestIssuer(t.database.db);
  });

  const createCode = async (payload: unknown, headers: Record<string, string> = clerk) =>
    issuer.app.inject({ method: 'POST', url: '/activation/codes', headers, payload: payload as object });
  const submit = async (payload: unknown, remoteAddress = '10.1.0.1') =>
    issuer.app.inject({ method: 'POST', url: '/activation', remoteAddress, payload: payload as object });

  it('clerk creates an 8-digit code by person id or card number; the holder gets an offer and a 6-digit tx_code', async () => {
    const person = issuer.fakes.addPerson();
    const byCard = await createCode({ card_number: person.cardNumber });
    expect(byCard.statusCode).toBe(201);
    const created = await createCode({ person_id: person.personId });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const body = created.json();
    expect(body).toMatchObject({ person_id: person.personId, expires_in: 600, expires_at: '2026-03-01T08:10:00.000Z' });
    expect(body.activation_code).toMatch(/^\d{8}$/);
    // the newer code replaced the one created by card number
    expect(
      (await submit({ card_number: person.cardNumber, activation_code: byCard.json().activation_code })).json().code,
    ).toBe('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
    const res = await submit({ card_number: person.cardNumber, activation_code: body.activation_code });
    expect(res.statusCode).toBe(201);
    const offer = res.json();
    expect(offer.tx_code).toMatch(/^\d{6}$/);
    expect(offer.expires_in).toBe(600);
    const parsed = parseCredentialOffer(offer.credential_offer_link);
    expect(parsed).toEqual(offer.credential_offer);
    expect(parsed.credential_issuer).toBe(ISSUER);
    expect(parsed.credential_configuration_ids).toEqual([
      'eid_mdoc',
      'eid_sd_jwt',
      'eid_qr_hotel',
      'eid_qr_age_over_18',
    ]);
    expect(parsed.grants?.[PRE_AUTH]?.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
  });

  it("lets the registry clerk page's origin, and only it, call the clerk endpoint from a browser", async () => {
    const person = issuer.fakes.addPerson();
    const preflight = await issuer.app.inject({
      method: 'OPTIONS',
      url: '/activation/codes',
      headers: { origin: CLERK_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(CLERK_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    const allowed = await createCode({ person_id: person.personId }, { ...clerk, origin: CLERK_ORIGIN });
    expect(allowed.statusCode).toBe(201);
    expect(allowed.headers['access-control-allow-origin']).toBe(CLERK_ORIGIN);
    const other = await createCode({ person_id: person.personId }, { ...clerk, origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses the clerk endpoint without a valid bearer token (401 problem)', async () => {
    const person = issuer.fakes.addPerson();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: `Basic ${CLERK_TOKEN}` },
    ]) {
      const res = await createCode({ person_id: person.personId }, headers);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json().code).toBe('ERR_OID4VCI_CLERK_UNAUTHORIZED');
    }
  });

  it('answers unknown persons with 404 and inactive cards with 409', async () => {
    expect((await createCode({ person_id: 'p-nobody' })).json().code).toBe('ERR_OID4VCI_PERSON_UNKNOWN');
    const lost = issuer.fakes.addPerson('lost');
    const res = await createCode({ card_number: lost.cardNumber });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ERR_ISSUER_CARD_NOT_ACTIVE');
  });

  it.each([
    ['both ids', { person_id: 'p-1', card_number: '44C0000000000000001' }],
    ['no id', {}],
    ['unknown field', { person_id: 'p-1', note: 'x' }],
    ['number id', { person_id: 5 }],
    ['array body', [1]],
    ['bad card number', { card_number: '44C 0000' }],
  ])('refuses a clerk request with %s (400 ERR_INPUT_INVALID)', async (_name, payload) => {
    const res = await createCode(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ERR_INPUT_INVALID');
  });

  it.each([
    ['unknown field', { card_number: '44C0000000000000001', activation_code: '12345678', extra: 1 }],
    ['numeric code', { card_number: '44C0000000000000001', activation_code: 12345678 }],
    ['short code', { card_number: '44C0000000000000001', activation_code: '1234567' }],
    ['missing card number', { activation_code: '12345678' }],
  ])('refuses an activation with %s (400 ERR_INPUT_INVALID)', async (_name, payload) => {
    const res = await submit(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ERR_INPUT_INVALID');
  });

  it('answers malformed JSON, oversized bodies and wrong media types with problem details', async () => {
    const bad = await issuer.app.inject({
      method: 'POST',
      url: '/activation',
      headers: { 'content-type': 'application/json' },
      payload: '{"card_number":',
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'ERR_ENCODING_JSON']);
    const big = await issuer.app.inject({
      method: 'POST',
      url: '/activation',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ card_number: 'x'.repeat(5000), activation_code: '12345678' }),
    });
    expect([big.statusCode, big.json().code]).toEqual([413, 'ERR_INPUT_TOO_LARGE']);
    const text = await issuer.app.inject({
      method: 'POST',
      url: '/activation',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect([text.statusCode, text.json().code]).toEqual([415, 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE']);
  });

  it('codes are single use, expire, and are refused for an inactive card', async () => {
    const person = issuer.fakes.addPerson();
    const code = (await createCode({ person_id: person.personId })).json().activation_code;
    expect((await submit({ card_number: person.cardNumber, activation_code: code })).statusCode).toBe(201);
    const reused = await submit({ card_number: person.cardNumber, activation_code: code });
    expect([reused.statusCode, reused.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_INVALID']);

    const late = (await createCode({ person_id: person.personId })).json().activation_code;
    issuer.clock.advance(601);
    const expired = await submit({ card_number: person.cardNumber, activation_code: late });
    expect([expired.statusCode, expired.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_EXPIRED']);

    const code2 = (await createCode({ person_id: person.personId })).json().activation_code;
    issuer.fakes.people.set(person.personId, { ...person, cardState: 'lost' });
    const lost = await submit({ card_number: person.cardNumber, activation_code: code2 });
    expect([lost.statusCode, lost.json().code]).toEqual([409, 'ERR_ISSUER_CARD_NOT_ACTIVE']);
  });

  it('unknown card numbers and wrong codes get the same answer', async () => {
    const person = issuer.fakes.addPerson();
    const code = (await createCode({ person_id: person.personId })).json().activation_code as string;
    const wrong = code === '00000000' ? '00000001' : '00000000';
    const a = await submit({ card_number: person.cardNumber, activation_code: wrong }, '10.2.0.1');
    const b = await submit({ card_number: '44C0000000000000000', activation_code: code }, '10.2.0.2');
    expect([a.statusCode, a.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_INVALID']);
    expect([b.statusCode, b.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_INVALID']);
  });

  it('locks a card number after 5 failures for 15 minutes, even for the right code (429 + Retry-After)', async () => {
    const person = issuer.fakes.addPerson();
    const code = (await createCode({ person_id: person.personId })).json().activation_code as string;
    const wrong = code === '11111111' ? '22222222' : '11111111';
    for (let i = 0; i < 5; i++) {
      // a different address each time: the card-number counter locks
      const res = await submit({ card_number: person.cardNumber, activation_code: wrong }, `10.3.0.${i}`);
      expect(res.json().code).toBe('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
    }
    const locked = await submit({ card_number: person.cardNumber, activation_code: code }, '10.3.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ERR_OID4VCI_ACTIVATION_LOCKED');
    expect(locked.headers['retry-after']).toBe('900');
    issuer.clock.advance(600);
    const fresh = (await createCode({ person_id: person.personId })).json().activation_code as string;
    expect((await submit({ card_number: person.cardNumber, activation_code: fresh }, '10.3.1.2')).statusCode).toBe(429);
    issuer.clock.advance(301);
    expect((await submit({ card_number: person.cardNumber, activation_code: fresh }, '10.3.1.3')).statusCode).toBe(201);
  });

  it('locks a client IP that tries many card numbers', async () => {
    const ip = '10.4.0.1';
    for (let i = 0; i < 5; i++) {
      const res = await submit({ card_number: `44C000000000000010${i}`, activation_code: '12345678' }, ip);
      expect(res.json().code).toBe('ERR_OID4VCI_ACTIVATION_CODE_INVALID');
    }
    const person = issuer.fakes.addPerson();
    const code = (await createCode({ person_id: person.personId })).json().activation_code;
    const locked = await submit({ card_number: person.cardNumber, activation_code: code }, ip);
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'ERR_OID4VCI_ACTIVATION_LOCKED']);
    expect((await submit({ card_number: person.cardNumber, activation_code: code }, '10.4.0.2')).statusCode).toBe(201);
  });

  it('stores activation codes, pre-authorized codes and tx_codes only as keyed hashes', async () => {
    const person = issuer.fakes.addPerson();
    const code = (await createCode({ person_id: person.personId })).json().activation_code as string;
    const stored = await t.database.db
      .selectFrom('oid4vci_activation_codes')
      .selectAll()
      .where('person_id', '=', person.personId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    const offer = await activate(issuer.app, person, '10.5.0.1');
    const preAuth = offer.credential_offer.grants[PRE_AUTH]?.['pre-authorized_code'] as string;
    const offers = await t.database.db
      .selectFrom('oid4vci_offers')
      .selectAll()
      .where('person_id', '=', person.personId)
      .execute();
    expect(offers).toHaveLength(1);
    const dump = JSON.stringify(offers);
    expect(dump).not.toContain(preAuth);
    expect(dump).not.toContain(`"${offer.tx_code}"`);
    expect(offers[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(offers[0]?.tx_code_hash).toMatch(/^[0-9a-f]{64}$/);
    const limits = await t.database.db.selectFrom('oid4vci_attempt_limits').selectAll().execute();
    expect(JSON.stringify(limits)).not.toContain(person.cardNumber);
  });
});
