import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Oid4vciDatabase, oid4vciMigrations } from '../../src/modules/oid4vci/index.js';
import { activate, createTestIssuer, form, PRE_AUTH, type TestIssuer } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDatabase<Oid4vciDatabase>('oid4vci token endpoint', oid4vciMigrations, (t) => {
  let issuer: TestIssuer;
  let code: string;
  let txCode: string;
  beforeEach(async () => {
    issuer = await createTestIssuer(t.database.db);
    const offer = await activate(issuer.app, issuer.fakes.addPerson());
    code = offer.credential_offer.grants[PRE_AUTH]?.['pre-authorized_code'] as string;
    txCode = offer.tx_code;
  });
  const post = (payload: string, headers: Record<string, string> = FORM) =>
    issuer.app.inject({ method: 'POST', url: '/token', headers, payload });
  const wrongTx = () => (txCode === '000000' ? '000001' : '000000');
  const expectOAuth = (res: Awaited<ReturnType<typeof post>>, status: number, error: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ error });
    expect(typeof res.json().error_description).toBe('string');
  };

  it('redeems the pre-authorized code with the tx_code for a Bearer token, once', async () => {
    const res = await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(600);
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode }));
    expectOAuth(again, 400, 'invalid_grant');
    const rows = await t.database.db.selectFrom('oid4vci_access_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(body.access_token);
  });

  it('ignores unknown parameters (RFC 6749 §3.2) but refuses repeated ones', async () => {
    expect(
      (await post(`${form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode })}&client_id=w`))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a missing tx_code with invalid_request without counting an attempt', async () => {
    for (let i = 0; i < 6; i++)
      expectOAuth(await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code })), 400, 'invalid_request');
    expect((await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode }))).statusCode).toBe(
      200,
    );
  });

  it('counts wrong tx_codes and locks the code for good after 5', async () => {
    for (let i = 0; i < 5; i++) {
      expectOAuth(
        await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: wrongTx() })),
        400,
        'invalid_grant',
      );
    }
    expectOAuth(
      await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode })),
      400,
      'invalid_grant',
    );
    const [row] = await t.database.db
      .selectFrom('oid4vci_offers')
      .select(['tx_code_attempts', 'locked_at', 'redeemed_at'])
      .where('locked_at', 'is not', null)
      .execute();
    expect(row?.tx_code_attempts).toBe(5);
    expect(row?.redeemed_at).toBeNull();
  });

  it('accepts the right tx_code after fewer wrong ones than the limit', async () => {
    for (let i = 0; i < 4; i++)
      await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: wrongTx() }));
    expect((await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode }))).statusCode).toBe(
      200,
    );
  });

  it('refuses an expired or unknown pre-authorized code with invalid_grant', async () => {
    expectOAuth(
      await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': 'nope', tx_code: txCode })),
      400,
      'invalid_grant',
    );
    issuer.clock.advance(601);
    expectOAuth(
      await post(form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode })),
      400,
      'invalid_grant',
    );
  });

  it('a newer activation makes the older offer unusable', async () => {
    const person = issuer.fakes.addPerson();
    const first = await activate(issuer.app, person, '10.9.0.1');
    const second = await activate(issuer.app, person, '10.9.0.2');
    const redeem = (o: typeof first) =>
      post(
        form({
          grant_type: PRE_AUTH,
          'pre-authorized_code': o.credential_offer.grants[PRE_AUTH]?.['pre-authorized_code'] as string,
          tx_code: o.tx_code,
        }),
      );
    expectOAuth(await redeem(first), 400, 'invalid_grant');
    expect((await redeem(second)).statusCode).toBe(200);
  });

  describe('malformed requests', () => {
    it('unsupported or missing grant_type', async () => {
      expectOAuth(await post(form({ grant_type: 'authorization_code', code: 'x' })), 400, 'unsupported_grant_type');
      expectOAuth(await post(form({ 'pre-authorized_code': code, tx_code: txCode })), 400, 'invalid_request');
      expectOAuth(await post(form({ grant_type: PRE_AUTH, tx_code: txCode })), 400, 'invalid_request');
    });

    it('repeated parameters, malformed escapes, empty body', async () => {
      expectOAuth(
        await post(`${form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode })}&tx_code=1`),
        400,
        'invalid_request',
      );
      expectOAuth(await post(`grant_type=%E0%A4%A&pre-authorized_code=${code}`), 400, 'invalid_request');
      expectOAuth(await post(''), 400, 'invalid_request');
    });

    it('JSON, text and oversized bodies', async () => {
      const json = JSON.stringify({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode });
      expectOAuth(await post(json, { 'content-type': 'application/json' }), 400, 'invalid_request');
      expectOAuth(await post('{"grant_type":', { 'content-type': 'application/json' }), 400, 'invalid_request');
      expectOAuth(await post('grant_type=x', { 'content-type': 'text/plain' }), 415, 'invalid_request');
      expectOAuth(await post(`grant_type=${'a'.repeat(9000)}`), 413, 'invalid_request');
    });
  });
});
