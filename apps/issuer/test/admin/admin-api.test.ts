import { isZzError } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdminAuthenticator,
  ISSUER_MIGRATIONS,
  type IssuerDatabase,
  listCredentials,
  parseAdminTokens,
} from '../../src/index.js';
import {
  createTestRegistry,
  deviceKey,
  openTestIssuer,
  postEvent,
  type TestIssuer,
  TOKENS,
} from '../helpers/fixture.js';

const ENDPOINTS = [
  { method: 'POST', path: (p: string, _w: string) => `/admin/persons/${p}/suspend`, allowed: ['clerk', 'supervisor'] },
  { method: 'POST', path: (p: string, _w: string) => `/admin/persons/${p}/resume`, allowed: ['clerk', 'supervisor'] },
  { method: 'POST', path: (p: string, _w: string) => `/admin/persons/${p}/revoke`, allowed: ['supervisor'] },
  { method: 'POST', path: (_p: string, w: string) => `/admin/wallets/${w}/suspend`, allowed: ['clerk', 'supervisor'] },
  { method: 'POST', path: (_p: string, w: string) => `/admin/wallets/${w}/resume`, allowed: ['clerk', 'supervisor'] },
  { method: 'GET', path: (_p: string, _w: string) => '/admin/audit', allowed: ['auditor', 'supervisor'] },
] as const;
const ROLES = ['clerk', 'supervisor', 'auditor'] as const;

describe('admin tokens', () => {
  it('parses role:actor:token entries and refuses bad ones without echoing the token', () => {
    expect(parseAdminTokens('clerk:c-1:aaaaaaaaaaaaaaaa, supervisor:s-1:bbbbbbbbbbbbbbbb:x')).toEqual([
      { role: 'clerk', actor: 'c-1', token: 'aaaaaaaaaaaaaaaa' },
      { role: 'supervisor', actor: 's-1', token: 'bbbbbbbbbbbbbbbb:x' },
    ]);
    expect(parseAdminTokens(undefined)).toEqual([]);
    for (const bad of ['janitor:j:aaaaaaaaaaaaaaaa', 'clerk:c:short', 'clerk::aaaaaaaaaaaaaaaa']) {
      try {
        parseAdminTokens(bad);
        expect.unreachable();
      } catch (error) {
        expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
        expect((error as Error).message).not.toContain('aaaa');
      }
    }
    const auth = createAdminAuthenticator([{ token: 'x'.repeat(16), actor: 'a', role: 'auditor' }]);
    expect(auth.authenticate(`Bearer ${'x'.repeat(16)}`)).toEqual({ actor: 'a', role: 'auditor' });
    expect(auth.allows({ actor: 'a', role: 'auditor' }, 'person.revoke')).toBe(false);
  });
});

describeEachDatabase<IssuerDatabase>('administration API', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  let personId: string;
  let lostPersonId: string;
  const walletId = 'w-admin';
  const { registry, citizens } = createTestRegistry('admin-tests', 4);
  beforeAll(async () => {
    issuer = await openTestIssuer(t.database);
    const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    await postEvent(issuer.app, event);
    personId = event.personId;
    const device = await deviceKey();
    await issuer.app.issuer.issuance.issueBatch({
      personId,
      walletId,
      configurationId: 'eid_mdoc',
      deviceKeys: [device.publicKey, device.publicKey],
    });
    await issuer.app.issuer.issuance.issueBatch({
      personId,
      walletId: 'w-admin-2',
      configurationId: 'eid_sd_jwt',
      deviceKeys: [device.publicKey],
    });
    const lost = await registry.importCitizen(citizens[1] as (typeof citizens)[number]);
    await postEvent(issuer.app, lost);
    await postEvent(issuer.app, await registry.reportLost(lost.personId));
    lostPersonId = lost.personId;
  });
  afterAll(async () => {
    await issuer.app.close();
  });

  const call = (
    endpoint: (typeof ENDPOINTS)[number],
    authorization: string | undefined,
    payload: unknown = { reason: 'test' },
    ids: { person?: string; wallet?: string } = {},
  ) =>
    issuer.app.inject({
      method: endpoint.method,
      url: endpoint.path(ids.person ?? personId, ids.wallet ?? walletId),
      headers: authorization === undefined ? {} : { authorization },
      ...(endpoint.method === 'POST' ? { payload: payload as Record<string, unknown> } : {}),
    });
  const statuses = async (filter: { personId?: string; walletId?: string }) =>
    (await listCredentials(t.database.db, filter)).map((c) => c.status);
  const audit = async () =>
    (
      await issuer.app.inject({
        method: 'GET',
        url: '/admin/audit?limit=500',
        headers: { authorization: `Bearer ${TOKENS.auditor}` },
      })
    ).json().entries as Record<string, unknown>[];

  for (const endpoint of ENDPOINTS) {
    const name = `${endpoint.method} ${endpoint.path(':personId', ':walletId')}`;
    it(`${name}: 401 without a token, with an unknown token or another scheme`, async () => {
      for (const authorization of [
        undefined,
        'Bearer wrong-token-0123456789',
        `Basic ${TOKENS.supervisor}`,
        'Bearer',
        '',
      ]) {
        // even a malformed body: authentication comes first
        const response = await call(endpoint, authorization, { reason: 5, extra: true });
        expect(response.statusCode, String(authorization)).toBe(401);
        expect(response.json().code).toBe('ERR_ADMIN_UNAUTHENTICATED');
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    });

    it(`${name}: 403 for the roles not allowed, recorded as denied`, async () => {
      for (const role of ROLES.filter((r) => !(endpoint.allowed as readonly string[]).includes(r))) {
        const response = await call(endpoint, `Bearer ${TOKENS[role]}`);
        expect(response.statusCode, role).toBe(403);
        expect(response.json().code).toBe('ERR_ADMIN_FORBIDDEN');
      }
      const entries = await audit();
      const denied = entries.filter((e) => e.outcome === 'denied');
      expect(denied.length).toBeGreaterThan(0);
    });
  }

  it('validates lifecycle bodies and ids: reason required, no unknown fields, sane ids', async () => {
    const suspend = ENDPOINTS[0];
    const clerk = `Bearer ${TOKENS.clerk}`;
    for (const payload of [{}, { reason: '' }, { reason: 7 }, { reason: 'x', extra: 1 }, { reason: 'x'.repeat(501) }]) {
      const response = await call(suspend, clerk, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 30)).toBe(400);
      expect(response.json().code).toBe('ERR_INPUT_INVALID');
    }
    const malformed = await issuer.app.inject({
      method: 'POST',
      url: `/admin/persons/${personId}/suspend`,
      headers: { authorization: clerk, 'content-type': 'application/json' },
      payload: '{"reason":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('ERR_ENCODING_JSON');
    const badId = await call(suspend, clerk, { reason: 'x' }, { person: 'a%20b' });
    expect(badId.statusCode).toBe(400);
    const unknown = await call(suspend, clerk, { reason: 'x' }, { person: 'nobody-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ERR_ISSUER_PERSON_UNKNOWN');
    const unknownWallet = await call(ENDPOINTS[3], clerk, { reason: 'x' }, { wallet: 'no-wallet' });
    expect(unknownWallet.statusCode).toBe(404);
    expect(unknownWallet.json().code).toBe('ERR_ISSUER_WALLET_UNKNOWN');
    const badQuery = await issuer.app.inject({
      method: 'GET',
      url: '/admin/audit?limit=0',
      headers: { authorization: `Bearer ${TOKENS.auditor}` },
    });
    expect(badQuery.statusCode).toBe(400);
    await expect(statuses({ personId })).resolves.toEqual([0, 0, 0]);
  });

  it('clerk suspends and resumes a person; a supervisor revokes; everything is audited with internal ids', async () => {
    const clerk = `Bearer ${TOKENS.clerk}`;
    const suspended = await call(ENDPOINTS[0], clerk, { reason: 'identity check pending' });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toEqual({ action: 'person.suspend', targetId: personId, affected: 3 });
    expect(await statuses({ personId })).toEqual([2, 2, 2]);
    const refused = await issuer.app.issuer.issuance
      .issueBatch({ personId, walletId, configurationId: 'eid_mdoc', deviceKeys: [(await deviceKey()).publicKey] })
      .catch((e: unknown) => e);
    expect(isZzError(refused, 'ERR_ISSUER_PERSON_SUSPENDED')).toBe(true);
    const resumed = await call(ENDPOINTS[1], clerk, { reason: 'check passed' });
    expect(resumed.json().affected).toBe(3);
    expect(await statuses({ personId })).toEqual([0, 0, 0]);

    // lost phone: one device only
    const walletSuspended = await call(ENDPOINTS[3], clerk, { reason: 'phone lost' });
    expect(walletSuspended.json()).toEqual({ action: 'wallet.suspend', targetId: walletId, affected: 2 });
    expect(await statuses({ walletId })).toEqual([2, 2]);
    expect(await statuses({ walletId: 'w-admin-2' })).toEqual([0]);
    // a person resume does not wake the suspended device
    await call(ENDPOINTS[0], clerk, { reason: 'second check' });
    await call(ENDPOINTS[1], clerk, { reason: 'second check passed' });
    expect(await statuses({ walletId })).toEqual([2, 2]);
    expect(await statuses({ walletId: 'w-admin-2' })).toEqual([0]);
    const walletResumed = await call(ENDPOINTS[4], clerk, { reason: 'phone found' });
    expect(walletResumed.json().affected).toBe(2);
    const notes = await issuer.app.inject({ method: 'GET', url: `/wallets/${walletId}/notifications` });
    // the person-level hold while the device was suspended did not notify the suspended device
    expect(notes.json().notifications.map((n: { type: string }) => n.type)).toEqual([
      'suspended',
      'resumed',
      'suspended',
      'resumed',
    ]);

    const revoked = await call(ENDPOINTS[2], `Bearer ${TOKENS.supervisor}`, { reason: 'court order 17' });
    expect(revoked.json().affected).toBe(3);
    expect(await statuses({ personId })).toEqual([1, 1, 1]);
    // revoked stays revoked
    expect((await call(ENDPOINTS[1], clerk, { reason: 'try' })).json().affected).toBe(0);
    expect(await statuses({ personId })).toEqual([1, 1, 1]);

    const entries = (await audit()).filter((e) => e.outcome === 'ok' && e.targetType !== 'audit');
    const mine = entries.filter((e) => e.targetId === personId || e.targetId === walletId).reverse();
    expect(mine.map((e) => [e.action, e.actor, e.role, e.reason])).toEqual([
      ['person.suspend', 'clerk-7', 'clerk', 'identity check pending'],
      ['person.resume', 'clerk-7', 'clerk', 'check passed'],
      ['wallet.suspend', 'clerk-7', 'clerk', 'phone lost'],
      ['person.suspend', 'clerk-7', 'clerk', 'second check'],
      ['person.resume', 'clerk-7', 'clerk', 'second check passed'],
      ['wallet.resume', 'clerk-7', 'clerk', 'phone found'],
      ['person.revoke', 'sup-1', 'supervisor', 'court order 17'],
      ['person.resume', 'clerk-7', 'clerk', 'try'],
    ]);
    // no personal data in the log: the citizen's name and number never appear
    const text = JSON.stringify(await audit());
    const claims = (
      await issuer.app.issuer.context.db
        .selectFrom('persons')
        .select('claims')
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).claims;
    const { id_number: idNumber, full_name: fullName } = JSON.parse(claims) as Record<string, string>;
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(fullName);
    // reading the log is itself audited
    expect((await audit()).some((e) => e.action === 'audit.read' && e.actor === 'aud-3')).toBe(true);
  });

  it('refuses to resume while the card is lost (409) and records nothing for the failed action', async () => {
    const before = (await audit()).filter((e) => e.targetId === lostPersonId).length;
    const response = await call(ENDPOINTS[1], `Bearer ${TOKENS.clerk}`, { reason: 'x' }, { person: lostPersonId });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ERR_ISSUER_CARD_NOT_ACTIVE');
    expect((await audit()).filter((e) => e.targetId === lostPersonId).length).toBe(before);
  });

  it('pages the audit log with limit and before', async () => {
    const page = await issuer.app.inject({
      method: 'GET',
      url: '/admin/audit?limit=2',
      headers: { authorization: `Bearer ${TOKENS.supervisor}` },
    });
    expect(page.statusCode).toBe(200);
    const entries = page.json().entries as { at: string }[];
    expect(entries).toHaveLength(2);
    const before = Date.parse((entries[1] as { at: string }).at);
    const older = await issuer.app.inject({
      method: 'GET',
      url: `/admin/audit?limit=500&before=${before}`,
      headers: { authorization: `Bearer ${TOKENS.supervisor}` },
    });
    expect((older.json().entries as { at: string }[]).every((e) => Date.parse(e.at) < before)).toBe(true);
  });
});
