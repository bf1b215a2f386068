import { encodeCredentialOfferUri, PRE_AUTHORIZED_CODE_GRANT } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { activateWithCard } from '../src/activate-with-card.js';
import { retryAfterSeconds } from '../src/issuer/issuer-refusal.js';
import { reportLostDevice } from '../src/report-lost-device.js';
import { fetchNotifications } from '../src/sync/fetch-notifications.js';
import { expectCode } from './helpers.js';

const ISSUER = 'https://issuer.example.cn';
const answering = (status: number, body: string, headers: Record<string, string> = {}) => {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), ...(init ? { init } : {}) });
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as typeof fetch;
  return { fetchFn, calls };
};
const report = { issuerUrl: ISSUER, cardNumber: '44C0123456789', activationCode: '12345678' };

describe('reportLostDevice (from another device)', () => {
  it('posts card number and activation code and reads the counts', async () => {
    const { fetchFn, calls } = answering(200, '{"suspended_wallets":2,"suspended_credentials":40}');
    expect(await reportLostDevice({ ...report, fetch: fetchFn })).toEqual({
      suspendedWallets: 2,
      suspendedCredentials: 40,
    });
    expect(calls[0]?.url).toBe(`${ISSUER}/activation/lost-device`);
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      card_number: report.cardNumber,
      activation_code: report.activationCode,
    });
  });

  it('refuses bad input before any call', async () => {
    const { fetchFn, calls } = answering(200, '{}');
    for (const bad of [
      { issuerUrl: 'http://issuer.example.cn' },
      { issuerUrl: 'not a url' },
      { issuerUrl: `${ISSUER}?x=1` },
      { activationCode: '1234' },
      { activationCode: 'abcdefgh' },
      { cardNumber: '' },
      { cardNumber: 'x'.repeat(65) },
      { cardNumber: 5 as unknown as string },
    ]) {
      await expectCode(reportLostDevice({ ...report, ...bad, fetch: fetchFn }), 'ERR_INPUT_INVALID');
    }
    expect(calls).toEqual([]);
  });

  it('keeps the issuer’s catalogue codes and types every other failure', async () => {
    const problem = (code: string, status: number) =>
      answering(status, JSON.stringify({ type: 'about:blank', title: 't', status, code }), {
        'content-type': 'application/problem+json',
      }).fetchFn;
    await expectCode(
      reportLostDevice({ ...report, fetch: problem('ERR_OID4VCI_ACTIVATION_CODE_INVALID', 400) }),
      'ERR_OID4VCI_ACTIVATION_CODE_INVALID',
    );
    await expectCode(
      reportLostDevice({ ...report, fetch: problem('ERR_OID4VCI_ACTIVATION_LOCKED', 429) }),
      'ERR_OID4VCI_ACTIVATION_LOCKED',
    );
    await expectCode(reportLostDevice({ ...report, fetch: problem('ERR_MADE_UP', 400) }), 'ERR_WALLET_SYNC_FAILED');
    for (const [status, body] of [
      [200, 'not json'],
      [200, '[1]'],
      [200, '{"suspended_wallets":"2","suspended_credentials":1}'],
      [200, JSON.stringify({ pad: 'x'.repeat(70_000) })],
      [502, '<html>'],
    ] as const) {
      await expectCode(
        reportLostDevice({ ...report, fetch: answering(status, body).fetchFn }),
        'ERR_WALLET_SYNC_FAILED',
      );
    }
    const down = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    await expectCode(reportLostDevice({ ...report, fetch: down }), 'ERR_WALLET_SYNC_FAILED');
  });
});

const offerLink = encodeCredentialOfferUri({
  credential_issuer: ISSUER,
  credential_configuration_ids: ['cn.gov.eid.1.mso_mdoc'],
  grants: {
    [PRE_AUTHORIZED_CODE_GRANT]: { 'pre-authorized_code': 'pac-1', tx_code: { input_mode: 'numeric', length: 6 } },
  },
});
const problem = (code: string, status: number, headers: Record<string, string> = {}) =>
  answering(status, JSON.stringify({ type: 'about:blank', title: 't', status, code }), {
    'content-type': 'application/problem+json',
    ...headers,
  }).fetchFn;

describe('activateWithCard (answers of POST /activation)', () => {
  it('posts the card number and code and returns the offer link with its tx_code', async () => {
    const { fetchFn, calls } = answering(
      201,
      JSON.stringify({ credential_offer: {}, credential_offer_link: offerLink, tx_code: '123456', expires_in: 600 }),
    );
    expect(await activateWithCard({ ...report, fetch: fetchFn })).toEqual({ offer: offerLink, txCode: '123456' });
    expect(calls[0]?.url).toBe(`${ISSUER}/activation`);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.redirect).toBe('error');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      card_number: report.cardNumber,
      activation_code: report.activationCode,
    });
    // no tx_code in the answer: none in the result
    const bare = answering(201, JSON.stringify({ credential_offer_link: offerLink })).fetchFn;
    expect(await activateWithCard({ ...report, fetch: bare })).toEqual({ offer: offerLink });
  });

  it('keeps the refusals a holder can act on, with the Retry-After of a lock-out', async () => {
    for (const [code, status] of [
      ['ERR_OID4VCI_ACTIVATION_CODE_INVALID', 400],
      ['ERR_OID4VCI_ACTIVATION_CODE_EXPIRED', 400],
      ['ERR_ISSUER_CARD_NOT_ACTIVE', 409],
      ['ERR_INPUT_INVALID', 400],
    ] as const) {
      await expectCode(activateWithCard({ ...report, fetch: problem(code, status) }), code);
    }
    const locked = await activateWithCard({
      ...report,
      fetch: problem('ERR_OID4VCI_ACTIVATION_LOCKED', 429, { 'retry-after': '840' }),
    }).catch((e: unknown) => e);
    expect((locked as { code?: string }).code).toBe('ERR_OID4VCI_ACTIVATION_LOCKED');
    expect(retryAfterSeconds(locked)).toBe(840);
    // any other 429 (a proxy's rate limit) is a lock-out too; an HTTP date or junk is no delay
    const limited = await activateWithCard({
      ...report,
      fetch: problem('ERR_HTTP_TOO_MANY_REQUESTS', 429, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }),
    }).catch((e: unknown) => e);
    expect((limited as { code?: string }).code).toBe('ERR_OID4VCI_ACTIVATION_LOCKED');
    expect(retryAfterSeconds(limited)).toBeUndefined();
    expect(retryAfterSeconds(new Error('x'))).toBeUndefined();
    // other codes, even from the catalogue, are not the holder's to fix
    for (const [code, status] of [
      ['ERR_SERVER_INTERNAL', 500],
      ['ERR_HTTP_NOT_FOUND', 404],
      ['ERR_MADE_UP', 400],
      ['ERR_OID4VCI_INVALID_GRANT', 400],
    ] as const) {
      await expectCode(activateWithCard({ ...report, fetch: problem(code, status) }), 'ERR_WALLET_SYNC_FAILED');
    }
  });

  it('refuses answers that hold no valid offer or tx_code', async () => {
    for (const body of [
      {},
      { credential_offer_link: 5 },
      { credential_offer_link: 'https://example.cn/not-an-offer' },
      { credential_offer_link: 'openid-credential-offer://?credential_offer=%7B%7D' },
      { credential_offer_link: `openid-credential-offer://?credential_offer_uri=${'a'.repeat(20_000)}` },
      { credential_offer: { credential_issuer: 'http://evil.example.cn' } },
      { credential_offer: [offerLink] },
      { credential_offer_link: offerLink, tx_code: 123456 },
      { credential_offer_link: offerLink, tx_code: '' },
      { credential_offer_link: offerLink, tx_code: '12 34' },
      { credential_offer_link: offerLink, tx_code: 'x'.repeat(65) },
    ]) {
      await expectCode(
        activateWithCard({ ...report, fetch: answering(201, JSON.stringify(body)).fetchFn }),
        'ERR_OID4VCI_ISSUER_RESPONSE',
      );
    }
    for (const [status, body] of [
      [201, 'not json'],
      [201, '[1]'],
      [201, JSON.stringify({ pad: 'x'.repeat(70_000) })],
      [502, '<html>'],
    ] as const) {
      await expectCode(
        activateWithCard({ ...report, fetch: answering(status, body).fetchFn }),
        'ERR_WALLET_SYNC_FAILED',
      );
    }
  });

  it('gives up on a silent issuer after timeoutMs', async () => {
    let aborted = false;
    const silent = ((_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      })) as typeof fetch;
    await expectCode(activateWithCard({ ...report, fetch: silent, timeoutMs: 50 }), 'ERR_WALLET_SYNC_FAILED');
    expect(aborted).toBe(true);
  });
});

describe('fetchNotifications', () => {
  it('reads the state and the notifications', async () => {
    const { fetchFn, calls } = answering(
      200,
      JSON.stringify({
        walletId: 'w',
        state: 'active',
        notifications: [{ id: 'n1', type: 'refresh', createdAt: '2026-11-27T10:00:00.000Z' }],
      }),
    );
    const result = await fetchNotifications(fetchFn, ISSUER, 'w-1', 1234);
    expect(result).toEqual({
      state: 'active',
      notifications: [{ id: 'n1', type: 'refresh', createdAt: new Date('2026-11-27T10:00:00.000Z') }],
    });
    expect(calls[0]?.url).toBe(`${ISSUER}/wallets/w-1/notifications?since=1234&limit=200`);
  });

  it('refuses malformed answers', async () => {
    const n = (extra: object) =>
      JSON.stringify({
        state: 'active',
        notifications: [{ id: 'n', type: 'refresh', createdAt: '2026-11-27T10:00:00Z', ...extra }],
      });
    for (const body of [
      '{}',
      '{"state":"gone","notifications":[]}',
      '{"state":"active","notifications":{}}',
      n({ type: 'explode' }),
      n({ createdAt: 'yesterday' }),
      n({ id: 5 }),
      JSON.stringify({
        state: 'active',
        notifications: Array(201).fill({ id: 'n', type: 'refresh', createdAt: '2026-11-27T10:00:00Z' }),
      }),
    ]) {
      await expectCode(fetchNotifications(answering(200, body).fetchFn, ISSUER, 'w', 0), 'ERR_WALLET_SYNC_FAILED');
    }
    const unknown = answering(404, JSON.stringify({ status: 404, code: 'ERR_ISSUER_WALLET_UNKNOWN' })).fetchFn;
    await expectCode(fetchNotifications(unknown, ISSUER, 'w', 0), 'ERR_ISSUER_WALLET_UNKNOWN');
  });
});
