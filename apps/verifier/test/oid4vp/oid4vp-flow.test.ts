import { decodeJwsCompact, encodeBase64url, OID4VP_STATIC_AUDIENCE, presentSdJwtVc } from '@zhengzhao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DCQL_IDS } from '../../src/index.js';
import { BASE_URL, createFixture, type Fixture, HOST, PERSON, platform, TYPE } from '../helpers/fixture.js';
import {
  createSession,
  pathOf,
  pollSession,
  postResponse,
  walletAnswer,
  walletReadRequest,
} from '../helpers/wallet.js';

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.app.close();
});

const LOGIN_CLAIMS = { family_name: PERSON.family_name, given_name: PERSON.given_name, age_over_18: true };

describe('OpenID4VP 1.0 presentation sessions', () => {
  it('creates a session: openid4vp:// link with client_id and request_uri, QR code, expiry', async () => {
    const session = await createSession(f, { purpose: 'login' });
    expect(session.session_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const link = new URL(session.authorization_request);
    expect(link.protocol).toBe('openid4vp:');
    expect(link.searchParams.get('client_id')).toBe(`x509_san_dns:${HOST}`);
    expect(link.searchParams.get('request_uri')).toBe(session.request_uri);
    expect(session.request_uri).toMatch(new RegExp(`^${BASE_URL}/oid4vp/requests/[A-Za-z0-9_-]{22}$`));
    expect(session.request_uri).not.toContain(session.session_id);
    expect(session.qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(session.qr_code.split(',')[1] as string, 'base64').toString()).toContain('<svg');
    expect(session.expires_in).toBe(300);
  });

  it('serves the signed Request Object: typ, x5c, x509_san_dns client id, DCQL from the purpose, encryption key', async () => {
    const session = await createSession(f, { purpose: 'login' });
    const response = await f.app.inject({ method: 'GET', url: pathOf(session.request_uri) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/oauth-authz-req\+jwt/);
    expect(response.headers['cache-control']).toBe('no-store');
    const jws = decodeJwsCompact(response.body);
    expect(jws.header).toMatchObject({ typ: 'oauth-authz-req+jwt', alg: 'ES256' });
    expect(jws.payload).toMatchObject({
      client_id: `x509_san_dns:${HOST}`,
      aud: OID4VP_STATIC_AUDIENCE,
      response_type: 'vp_token',
      response_mode: 'direct_post.jwt',
    });
    expect(String(jws.payload.response_uri)).toMatch(new RegExp(`^${BASE_URL}/oid4vp/responses/`));
    const request = await walletReadRequest(f, session.authorization_request);
    expect(request.encryption?.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ECDH-ES', use: 'enc' });
    const sd = request.dcqlQuery.credentials.find((q) => q.id === DCQL_IDS.sdJwt);
    expect(sd?.claims?.map((c) => c.path)).toEqual([['family_name'], ['given_name'], ['age_over_18']]);
    const mdoc = request.dcqlQuery.credentials.find((q) => q.id === DCQL_IDS.mdoc);
    expect(mdoc?.meta.doctype_value).toBe(TYPE);
    expect(request.dcqlQuery.credential_sets).toEqual([{ options: [[DCQL_IDS.sdJwt], [DCQL_IDS.mdoc]] }]);
    expect(request.nonce.length).toBeGreaterThanOrEqual(22);
  });

  it.each([
    ['direct_post.jwt', 'sd-jwt'],
    ['direct_post', 'sd-jwt'],
    ['direct_post.jwt', 'mdoc'],
    ['direct_post', 'mdoc'],
  ] as const)('cross-device %s with %s: the page sees only the purpose elements, once', async (mode, format) => {
    const session = await createSession(f, { purpose: 'login', response_mode: mode });
    expect((await pollSession(f, session.session_id)).json().status).toBe('pending');
    const request = await walletReadRequest(f, session.authorization_request);
    expect(request.responseMode).toBe(mode);
    expect((await pollSession(f, session.session_id)).json().status).toBe('retrieved');
    const answer = await walletAnswer(f, request, { format });
    const form = new URLSearchParams(answer.body);
    expect([...form.keys()]).toEqual(mode === 'direct_post' ? ['vp_token', 'state'] : ['response']);
    const posted = await postResponse(f, answer.uri, answer.body);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toEqual({});

    const view = (await pollSession(f, session.session_id)).json();
    expect(view.status).toBe('verified');
    expect(view.result.credential_type).toBe(TYPE);
    expect(view.result.claims).toEqual(LOGIN_CLAIMS);
    expect(view.result.issuer.name).toContain('Zhengzhao Test Authority');
    const again = (await pollSession(f, session.session_id)).json();
    expect(again).toMatchObject({ status: 'verified', result_released: true });
    expect(again.result).toBeUndefined();
  });

  it('same-device: the response gives a redirect_uri with a response_code; the result needs that code', async () => {
    const session = await createSession(f, { purpose: 'login', flow: 'same_device' });
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request);
    const posted = await postResponse(f, answer.uri, answer.body);
    expect(posted.statusCode).toBe(200);
    const redirect = new URL(posted.json().redirect_uri as string);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(`${BASE_URL}/`);
    const code = redirect.searchParams.get('response_code') as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const without = (await pollSession(f, session.session_id)).json();
    expect(without).toMatchObject({ status: 'verified', response_code_required: true });
    expect(without.result).toBeUndefined();
    const wrong = await pollSession(f, session.session_id, `${code.slice(0, 21)}${code[21] === 'A' ? 'B' : 'A'}`);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('ERR_VERIFIER_RESPONSE_CODE_INVALID');
    const right = (await pollSession(f, session.session_id, code)).json();
    expect(right.result.claims).toEqual(LOGIN_CLAIMS);
  });

  it('the age_over_18 purpose asks for and returns nothing but age_over_18', async () => {
    const session = await createSession(f, { purpose: 'age_over_18' });
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request, { format: 'mdoc' });
    expect((await postResponse(f, answer.uri, answer.body)).statusCode).toBe(200);
    expect((await pollSession(f, session.session_id)).json().result.claims).toEqual({ age_over_18: true });
  });
});

describe('OpenID4VP responses that must be refused', () => {
  it('a replayed response is ERR_OID4VP_STATE_UNKNOWN and changes nothing', async () => {
    const session = await createSession(f);
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request);
    expect((await postResponse(f, answer.uri, answer.body)).statusCode).toBe(200);
    const replay = await postResponse(f, answer.uri, answer.body);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('ERR_OID4VP_STATE_UNKNOWN');
    expect((await pollSession(f, session.session_id)).json().status).toBe('verified');
    // the request object is no longer served once answered
    expect((await f.app.inject({ method: 'GET', url: pathOf(session.request_uri) })).json().code).toBe(
      'ERR_VERIFIER_SESSION_UNKNOWN',
    );
  });

  it('a response for one session posted to another session is refused, and both stay open', async () => {
    const a = await createSession(f, { response_mode: 'direct_post' });
    const b = await createSession(f, { response_mode: 'direct_post' });
    const requestA = await walletReadRequest(f, a.authorization_request);
    const requestB = await walletReadRequest(f, b.authorization_request);
    const answerA = await walletAnswer(f, requestA);
    const crossed = await postResponse(f, requestB.responseUri, answerA.body);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().code).toBe('ERR_OID4VP_RESPONSE_INVALID');
    expect((await pollSession(f, b.session_id)).json().status).toBe('retrieved');
    expect((await postResponse(f, answerA.uri, answerA.body)).statusCode).toBe(200);
  });

  it.each([
    ['a wrong KB-JWT nonce', { nonce: 'not-the-request-nonce-123' }],
    ['a wrong KB-JWT audience', { audience: 'x509_san_dns:evil.example' }],
  ])('%s fails device_binding with ERR_SDJWT_KB_INVALID; the session shows the code', async (_name, override) => {
    const session = await createSession(f);
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request, override);
    const posted = await postResponse(f, answer.uri, answer.body);
    expect(posted.statusCode).toBe(400);
    expect(posted.json().code).toBe('ERR_SDJWT_KB_INVALID');
    const view = (await pollSession(f, session.session_id)).json();
    expect(view).toMatchObject({ status: 'failed', error: { code: 'ERR_SDJWT_KB_INVALID', check: 'device_binding' } });
    expect(view.result).toBeUndefined();
  });

  it('a revoked credential fails with ERR_STATUS_REVOKED', async () => {
    const session = await createSession(f);
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request, { sdJwt: f.credentials.revokedSdJwt });
    const posted = await postResponse(f, answer.uri, answer.body);
    expect(posted.json().code).toBe('ERR_STATUS_REVOKED');
    expect((await pollSession(f, session.session_id)).json().error).toMatchObject({
      code: 'ERR_STATUS_REVOKED',
      check: 'status',
    });
  });

  it('an SD-JWT without Key Binding, or an mdoc under the SD-JWT query, fails with a clear code', async () => {
    const cases: [string, () => Promise<string>][] = [
      [
        'ERR_SDJWT_KB_MISSING',
        () => presentSdJwtVc(platform, f.credentials.sdJwt, { disclose: ['family_name'], now: f.clock.now() }),
      ],
      ['ERR_FORMAT_UNKNOWN', async () => encodeBase64url(f.credentials.mdoc)],
    ];
    for (const [code, present] of cases) {
      const session = await createSession(f, { response_mode: 'direct_post' });
      const request = await walletReadRequest(f, session.authorization_request);
      const body = new URLSearchParams({
        vp_token: JSON.stringify({ [DCQL_IDS.sdJwt]: [await present()] }),
        state: request.state as string,
      }).toString();
      const posted = await postResponse(f, request.responseUri, body);
      expect(posted.statusCode).toBe(400);
      expect(posted.json().code).toBe(code);
      expect((await pollSession(f, session.session_id)).json()).toMatchObject({ status: 'failed', error: { code } });
    }
  });

  it('a verifier whose status data is too old refuses the login (ERR_VERIFIER_CACHE_STALE)', async () => {
    const local = await createFixture({ maxCacheAgeSeconds: 600 });
    const warm = await createSession(local);
    const warmAnswer = await walletAnswer(local, await walletReadRequest(local, warm.authorization_request));
    expect((await postResponse(local, warmAnswer.uri, warmAnswer.body)).statusCode).toBe(200);
    local.origin.down = true;
    local.clock.advance(1200);
    const session = await createSession(local);
    const answer = await walletAnswer(local, await walletReadRequest(local, session.authorization_request));
    const posted = await postResponse(local, answer.uri, answer.body);
    expect(posted.json().code).toBe('ERR_VERIFIER_CACHE_STALE');
    expect((await pollSession(local, session.session_id)).json().error).toMatchObject({
      code: 'ERR_VERIFIER_CACHE_STALE',
      check: 'freshness',
    });
    await local.app.close();
  });

  it('an expired session: no request object, the response is ERR_OID4VP_STATE_UNKNOWN, the page sees expired', async () => {
    const local = await createFixture({ sessionTtlSeconds: 60 });
    const session = await createSession(local);
    const request = await walletReadRequest(local, session.authorization_request);
    const answer = await walletAnswer(local, request);
    local.clock.advance(61);
    const object = await local.app.inject({ method: 'GET', url: pathOf(session.request_uri) });
    expect(object.statusCode).toBe(404);
    expect(object.json().code).toBe('ERR_VERIFIER_SESSION_UNKNOWN');
    const posted = await postResponse(local, answer.uri, answer.body);
    expect(posted.statusCode).toBe(400);
    expect(posted.json()).toMatchObject({ code: 'ERR_OID4VP_STATE_UNKNOWN', detail: 'The request has expired' });
    expect((await pollSession(local, session.session_id)).json().status).toBe('expired');
    local.clock.advance(3600);
    expect((await pollSession(local, session.session_id)).statusCode).toBe(404);
    await local.app.close();
  });

  it('malformed bodies are ERR_OID4VP_RESPONSE_INVALID and do not burn the session', async () => {
    const session = await createSession(f);
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request);
    const jwe = new URLSearchParams(answer.body).get('response') as string;
    const parts = jwe.split('.');
    parts[3] = `${(parts[3] as string).slice(0, -2)}AA`;
    for (const body of [
      '',
      'response=not-a-jwe',
      `response=${parts.join('.')}`,
      `vp_token=${encodeURIComponent('{"eid_sd_jwt":["x"]}')}&state=${request.state}`,
      `${answer.body}&response=again`,
    ]) {
      const response = await postResponse(f, answer.uri, body);
      expect(response.statusCode, body.slice(0, 40)).toBe(400);
      expect(response.json().code).toBe('ERR_OID4VP_RESPONSE_INVALID');
    }
    expect((await pollSession(f, session.session_id)).json().status).toBe('retrieved');
    expect((await postResponse(f, answer.uri, answer.body)).statusCode).toBe(200);
  });

  it('a wallet error response (access_denied) marks the session declined; a wrong state does not', async () => {
    const session = await createSession(f);
    const request = await walletReadRequest(f, session.authorization_request);
    const wrong = await postResponse(f, request.responseUri, 'error=access_denied&state=wrong');
    expect(wrong.json().code).toBe('ERR_OID4VP_RESPONSE_INVALID');
    const declined = await postResponse(f, request.responseUri, `error=access_denied&state=${request.state}`);
    expect(declined.statusCode).toBe(200);
    expect((await pollSession(f, session.session_id)).json()).toMatchObject({
      status: 'declined',
      error: { wallet_error: 'access_denied' },
    });
  });

  it('wrong media types, ids and oversized bodies are problems; unknown sessions are 404', async () => {
    const session = await createSession(f);
    const request = await walletReadRequest(f, session.authorization_request);
    const json = await f.app.inject({
      method: 'POST',
      url: pathOf(request.responseUri),
      headers: { 'content-type': 'application/json' },
      payload: { vp_token: {} },
    });
    expect(json.statusCode).toBe(415);
    const big = await postResponse(f, request.responseUri, `response=${'A'.repeat(1024 * 1024 + 10)}`);
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('ERR_INPUT_TOO_LARGE');
    const unknown = await pollSession(f, 'A'.repeat(22));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ERR_VERIFIER_SESSION_UNKNOWN');
    expect((await pollSession(f, 'short')).statusCode).toBe(400);
    expect((await postResponse(f, `${BASE_URL}/oid4vp/responses/${'B'.repeat(22)}`, 'state=x')).json().code).toBe(
      'ERR_OID4VP_STATE_UNKNOWN',
    );
    for (const payload of [{ purpose: 'everything' }, { flow: 'telepathy' }, { response_mode: 'fragment' }, { x: 1 }]) {
      const bad = await f.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().code).toBe('ERR_INPUT_INVALID');
    }
    // the session is still intact after all of this
    const answer = await walletAnswer(f, request);
    expect((await postResponse(f, answer.uri, answer.body)).statusCode).toBe(200);
  });
});

describe('OpenID4VP session creation limits', () => {
  it('is rate-limited per client address with a 429 problem', async () => {
    const local = await createFixture({ sessionRateLimit: { max: 2, windowMs: 60_000 } });
    expect((await local.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload: {} })).statusCode).toBe(201);
    expect((await local.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload: {} })).statusCode).toBe(201);
    const limited = await local.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload: {} });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('ERR_HTTP_TOO_MANY_REQUESTS');
    expect(limited.headers['retry-after']).toBeDefined();
    await local.app.close();
  });

  it('refuses new sessions once maxSessions are open', async () => {
    const local = await createFixture({ maxSessions: 2 });
    await createSession(local);
    await createSession(local);
    const full = await local.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload: {} });
    expect(full.statusCode).toBe(429);
    expect(full.json().code).toBe('ERR_HTTP_TOO_MANY_REQUESTS');
    local.clock.advance(300 + 121);
    expect((await local.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload: {} })).statusCode).toBe(201);
    await local.app.close();
  });
});
