import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { beforeEach, expect, it } from 'vitest';
import { LOST_DEVICE_REASON, type Oid4vciDatabase, oid4vciMigrations } from '../../src/modules/oid4vci/index.js';
import { activate, CLERK_TOKEN, createTestIssuer, form, PRE_AUTH, type TestIssuer, tokenFor } from './helpers.js';

const clerk = { authorization: `Bearer ${CLERK_TOKEN}` };

describeEachDatabase<Oid4vciDatabase>('oid4vci lost device (holder self-service)', oid4vciMigrations, (t) => {
  let issuer: TestIssuer;
  beforeEach(async () => {
    issuer = await createTestIssuer(t.database.db);
  });

  const createCode = async (personId: string) =>
    (
      await issuer.app.inject({
        method: 'POST',
        url: '/activation/codes',
        headers: clerk,
        payload: { person_id: personId },
      })
    ).json().activation_code as string;
  const reportLost = async (payload: unknown, remoteAddress = '10.9.0.1') =>
    issuer.app.inject({ method: 'POST', url: '/activation/lost-device', remoteAddress, payload: payload as object });

  it('re-proves the card, suspends every wallet of the person through the port and spends the code', async () => {
    const person = issuer.fakes.addPerson();
    const code = await createCode(person.personId);
    const res = await reportLost({ card_number: person.cardNumber, activation_code: code });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ suspended_wallets: 1, suspended_credentials: 3 });
    expect(issuer.fakes.suspensions).toEqual([{ personId: person.personId, reason: LOST_DEVICE_REASON }]);

    const again = await reportLost({ card_number: person.cardNumber, activation_code: code });
    expect([again.statusCode, again.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_INVALID']);
    expect(issuer.fakes.suspensions).toHaveLength(1);
    // a new code from the clerk activates the new device
    expect((await activate(issuer.app, person)).tx_code).toMatch(/^\d{6}$/);
  });

  it('ends the offers and access tokens the lost phone may still hold', async () => {
    const person = issuer.fakes.addPerson();
    const accessToken = await tokenFor(issuer.app, person); // redeemed on the lost phone
    const pending = await activate(issuer.app, person); // an offer not yet redeemed
    await reportLost({ card_number: person.cardNumber, activation_code: await createCode(person.personId) });

    const nonce = await issuer.app.inject({ method: 'POST', url: '/nonce' });
    expect(nonce.statusCode).toBe(200);
    const credential = await issuer.app.inject({
      method: 'POST',
      url: '/credential',
      headers: { authorization: `Bearer ${accessToken}` },
      payload: { credential_configuration_id: 'eid_sd_jwt', proofs: { jwt: ['x'] } },
    });
    expect([credential.statusCode, credential.json().error]).toEqual([401, 'invalid_token']);
    const redeem = await issuer.app.inject({
      method: 'POST',
      url: '/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        grant_type: PRE_AUTH,
        'pre-authorized_code': pending.credential_offer.grants[PRE_AUTH]?.['pre-authorized_code'] as string,
        tx_code: pending.tx_code,
      }),
    });
    expect([redeem.statusCode, redeem.json().error]).toEqual([400, 'invalid_grant']);
    expect(issuer.fakes.requests).toHaveLength(0);
  });

  it('answers wrong, expired and inactive-card proofs like activation, suspending nothing', async () => {
    const person = issuer.fakes.addPerson();
    const code = await createCode(person.personId);
    const wrong = code === '00000000' ? '00000001' : '00000000';
    const bad = await reportLost({ card_number: person.cardNumber, activation_code: wrong });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_INVALID']);
    const unknown = await reportLost({ card_number: '44C0000000000000000', activation_code: code });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_INVALID']);

    issuer.clock.advance(601);
    const expired = await reportLost({ card_number: person.cardNumber, activation_code: code });
    expect([expired.statusCode, expired.json().code]).toEqual([400, 'ERR_OID4VCI_ACTIVATION_CODE_EXPIRED']);

    const fresh = await createCode(person.personId);
    issuer.fakes.people.set(person.personId, { ...person, cardState: 'cancelled' });
    const inactive = await reportLost({ card_number: person.cardNumber, activation_code: fresh });
    expect([inactive.statusCode, inactive.json().code]).toEqual([409, 'ERR_ISSUER_CARD_NOT_ACTIVE']);
    expect(issuer.fakes.suspensions).toEqual([]);
  });

  it('shares the activation lock-out: 5 failures lock the card number for both endpoints (429 + Retry-After)', async () => {
    const person = issuer.fakes.addPerson();
    const code = await createCode(person.personId);
    const wrong = code === '11111111' ? '22222222' : '11111111';
    for (let i = 0; i < 3; i++) {
      await reportLost({ card_number: person.cardNumber, activation_code: wrong }, `10.9.1.${i}`);
    }
    for (let i = 0; i < 2; i++) {
      await issuer.app.inject({
        method: 'POST',
        url: '/activation',
        remoteAddress: `10.9.2.${i}`,
        payload: { card_number: person.cardNumber, activation_code: wrong },
      });
    }
    const locked = await reportLost({ card_number: person.cardNumber, activation_code: code }, '10.9.3.1');
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'ERR_OID4VCI_ACTIVATION_LOCKED']);
    expect(locked.headers['retry-after']).toBe('900');
    const activation = await issuer.app.inject({
      method: 'POST',
      url: '/activation',
      remoteAddress: '10.9.3.2',
      payload: { card_number: person.cardNumber, activation_code: code },
    });
    expect(activation.statusCode).toBe(429);
    expect(issuer.fakes.suspensions).toEqual([]);
  });

  it.each([
    ['unknown field', { card_number: '44C0000000000000001', activation_code: '12345678', wallet_id: 'w' }],
    ['numeric code', { card_number: '44C0000000000000001', activation_code: 12345678 }],
    ['short code', { card_number: '44C0000000000000001', activation_code: '1234567' }],
    ['missing card number', { activation_code: '12345678' }],
    ['array body', [1]],
  ])('refuses a lost-device report with %s (400 ERR_INPUT_INVALID)', async (_name, payload) => {
    const res = await reportLost(payload);
    expect([res.statusCode, res.json().code]).toEqual([400, 'ERR_INPUT_INVALID']);
  });

  it('answers malformed JSON, oversized bodies and wrong media types with problem details', async () => {
    const send = (payload: string, type = 'application/json') =>
      issuer.app.inject({ method: 'POST', url: '/activation/lost-device', headers: { 'content-type': type }, payload });
    const bad = await send('{"card_number":');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'ERR_ENCODING_JSON']);
    const big = await send(JSON.stringify({ card_number: 'x'.repeat(5000), activation_code: '12345678' }));
    expect([big.statusCode, big.json().code]).toEqual([413, 'ERR_INPUT_TOO_LARGE']);
    const text = await send('hi', 'text/plain');
    expect([text.statusCode, text.json().code]).toEqual([415, 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE']);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
