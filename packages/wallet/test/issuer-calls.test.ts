import { describe, expect, it } from 'vitest';
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
