import {
  decodeBase64url,
  decodeJwsCompact,
  isZzError,
  presentQr,
  presentSdJwtVc,
  utf8Encode,
  verifyPresentation,
} from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDENTIAL_CONFIGURATION_IDS,
  ISSUER_MIGRATIONS,
  type IssuedCredential,
  type IssuerDatabase,
  listCredentials,
} from '../../src/index.js';
import {
  createTestRegistry,
  deviceKey,
  openTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
  TOKENS,
} from '../helpers/fixture.js';
import { appStatusResolver } from '../helpers/status-resolver.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describeEachDatabase<IssuerDatabase>('IssuanceService.issueBatch', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  const { registry, citizens } = createTestRegistry('issuance-tests', 10);
  let personId: string;
  beforeAll(async () => {
    issuer = await openTestIssuer(t.database);
    const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    await postEvent(issuer.app, event);
    personId = event.personId;
  });
  afterAll(async () => {
    await issuer.app.close();
  });

  it('issues every configuration with one committed row and a distinct status index per copy', async () => {
    const device = await deviceKey();
    for (const configurationId of CREDENTIAL_CONFIGURATION_IDS) {
      const batch = await issuer.app.issuer.issuance.issueBatch({
        personId,
        walletId: 'w-all',
        configurationId,
        deviceKeys: Array.from({ length: 10 }, () => device.publicKey),
      });
      expect(batch).toHaveLength(10);
      expect(new Set(batch.map((c) => c.credential)).size).toBe(10);
      expect(new Set(batch.map((c) => c.credentialId)).size).toBe(10);
    }
    const rows = await listCredentials(t.database.db, { walletId: 'w-all' });
    expect(rows).toHaveLength(40);
    const withStatus = rows.filter((r) => r.statusIndex !== null);
    expect(withStatus).toHaveLength(30);
    expect(new Set(withStatus.map((r) => `${r.statusShard}/${r.statusIndex}`)).size).toBe(30);
    const age = rows.filter((r) => r.configurationId === 'eid_qr_age_over_18');
    expect(
      age.every((r) => r.statusIndex === null && r.expiresAt.getTime() - r.issuedAt.getTime() === 72 * 3600_000),
    ).toBe(true);
    const mdoc = rows.filter((r) => r.configurationId === 'eid_mdoc');
    expect(
      mdoc.every((r) => r.format === 'mso_mdoc' && r.expiresAt.getTime() - r.issuedAt.getTime() === 30 * 86_400_000),
    ).toBe(true);
  });

  describe('what it signs verifies, and follows the status list', () => {
    let device: Awaited<ReturnType<typeof deviceKey>>;
    let mdoc: IssuedCredential;
    let sdJwt: IssuedCredential;
    let hotel: IssuedCredential;
    let age: IssuedCredential;
    const walletId = 'w-verify';
    beforeAll(async () => {
      device = await deviceKey();
      const one = async (configurationId: (typeof CREDENTIAL_CONFIGURATION_IDS)[number]) =>
        (
          await issuer.app.issuer.issuance.issueBatch({
            personId,
            walletId,
            configurationId,
            deviceKeys: [device.publicKey],
          })
        )[0] as IssuedCredential;
      mdoc = await one('eid_mdoc');
      sdJwt = await one('eid_sd_jwt');
      hotel = await one('eid_qr_hotel');
      age = await one('eid_qr_age_over_18');
    });

    const verifyAll = async (now: Date) => {
      const statusResolver = appStatusResolver(issuer.app, issuer.authority, 'cwt');
      const jwtStatus = appStatusResolver(issuer.app, issuer.authority, 'jwt');
      const trust = issuer.authority.trustSource;
      const mdocReport = await verifyPresentation(platform, decodeBase64url(mdoc.credential), {
        trust,
        now,
        statusResolver,
      });
      const presentation = await presentSdJwtVc(platform, sdJwt.credential, {
        disclose: ['age_over_18', 'full_name'],
        holderSigner: device,
        audience: 'https://hotel.example.cn',
        nonce: 'n-1',
        now,
      });
      const sdJwtReport = await verifyPresentation(platform, presentation, {
        trust,
        now,
        audience: 'https://hotel.example.cn',
        nonce: 'n-1',
        expectedType: 'cn.gov.eid.1',
        statusResolver: jwtStatus,
      });
      const hotelText = await presentQr(platform, {
        credential: decodeBase64url(hotel.credential),
        deviceSigner: device,
        now,
      });
      const hotelReport = await verifyPresentation(platform, hotelText, { trust, now, statusResolver: jwtStatus });
      const ageText = await presentQr(platform, {
        credential: decodeBase64url(age.credential),
        deviceSigner: device,
        now,
      });
      const ageReport = await verifyPresentation(platform, ageText, { trust, now, statusResolver: jwtStatus });
      return { mdocReport, sdJwtReport, hotelReport, ageReport };
    };

    it('verifies in all four formats with status VALID', async () => {
      expect(mdoc.format).toBe('mso_mdoc');
      expect(sdJwt.format).toBe('dc+sd-jwt');
      expect(hotel.format).toBe('zz1_qr');
      const { mdocReport, sdJwtReport, hotelReport, ageReport } = await verifyAll(issuer.clock.now());
      expect(mdocReport.checks.filter((c) => c.outcome !== 'ok')).toEqual([]);
      expect(mdocReport.valid).toBe(true);
      expect(mdocReport.checks.find((c) => c.id === 'status')?.outcome).toBe('ok');
      expect(mdocReport.claims?.['cn.gov.eid.1']?.age_over_18).toBe(true);
      expect(sdJwtReport.valid).toBe(true);
      expect(sdJwtReport.claims?.['cn.gov.eid.1']).toMatchObject({ age_over_18: true });
      expect(hotelReport.valid).toBe(true);
      expect(hotelReport.checks.find((c) => c.id === 'status')?.outcome).toBe('ok');
      expect(ageReport.valid).toBe(true);
      expect(ageReport.claims?.['cn.gov.eid.1']).toEqual({ age_over_18: true });
      // every catalog claim is selectively disclosable, with decoys
      const jwt = sdJwt.credential.split('~')[0] as string;
      const payload = decodeJwsCompact(jwt).payload as Record<string, unknown>;
      expect(payload.full_name).toBeUndefined();
      expect(payload.iss).toBe('https://issuer-44.zhengzhao.test');
      expect((payload._sd as unknown[]).length).toBeGreaterThan(sdJwt.credential.split('~').length - 2);
      expect(payload.status).toMatchObject({ status_list: { uri: 'https://issuer-44.zhengzhao.test/status/1' } });
    });

    it('a wallet suspension shows as SUSPENDED in the published lists, a resume as VALID again', async () => {
      const suspend = await issuer.app.inject({
        method: 'POST',
        url: `/admin/wallets/${walletId}/suspend`,
        headers: { authorization: `Bearer ${TOKENS.clerk}` },
        payload: { reason: 'holder reported the phone lost' },
      });
      // four rows (the age QR's too, though it has no list entry)
      expect(suspend.json()).toMatchObject({ affected: 4 });
      const suspended = await verifyAll(issuer.clock.now());
      expect(suspended.mdocReport.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_SUSPENDED');
      expect(suspended.sdJwtReport.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_SUSPENDED');
      expect(suspended.hotelReport.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_SUSPENDED');
      // the age QR has no status reference: bounded by its 72-hour lifetime instead
      expect(suspended.ageReport.valid).toBe(true);
      const refused = await failure(
        issuer.app.issuer.issuance.issueBatch({
          personId,
          walletId,
          configurationId: 'eid_mdoc',
          deviceKeys: [device.publicKey],
        }),
      );
      expect(isZzError(refused, 'ERR_ISSUER_WALLET_SUSPENDED')).toBe(true);
      await issuer.app.inject({
        method: 'POST',
        url: `/admin/wallets/${walletId}/resume`,
        headers: { authorization: `Bearer ${TOKENS.supervisor}` },
        payload: { reason: 'phone found' },
      });
      expect((await verifyAll(issuer.clock.now())).mdocReport.valid).toBe(true);
    });

    it('a revocation shows as INVALID', async () => {
      await issuer.app.inject({
        method: 'POST',
        url: `/admin/persons/${personId}/revoke`,
        headers: { authorization: `Bearer ${TOKENS.supervisor}` },
        payload: { reason: 'court order 2026-17' },
      });
      const revoked = await verifyAll(issuer.clock.now());
      expect(revoked.mdocReport.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_REVOKED');
      expect(revoked.sdJwtReport.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_REVOKED');
      expect(revoked.hotelReport.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_REVOKED');
    });
  });

  it('refuses persons without an active card, unknown persons, and foreign or suspended wallets', async () => {
    const device = await deviceKey();
    const request = (over: Record<string, unknown>) =>
      issuer.app.issuer.issuance.issueBatch({
        personId,
        walletId: 'w-refuse',
        configurationId: 'eid_mdoc',
        deviceKeys: [device.publicKey],
        ...over,
      } as never);
    expect(isZzError(await failure(request({ personId: 'nobody' })), 'ERR_ISSUER_PERSON_UNKNOWN')).toBe(true);
    // the wallet of another person
    const other = await registry.importCitizen(citizens[1] as (typeof citizens)[number]);
    await postEvent(issuer.app, other);
    await request({ personId: other.personId, walletId: 'w-other' });
    expect(isZzError(await failure(request({ walletId: 'w-other' })), 'ERR_ISSUER_WALLET_UNKNOWN')).toBe(true);
    // lost card
    await postEvent(issuer.app, await registry.reportLost(other.personId));
    expect(
      isZzError(
        await failure(request({ personId: other.personId, walletId: 'w-other' })),
        'ERR_ISSUER_CARD_NOT_ACTIVE',
      ),
    ).toBe(true);
    const rowsBefore = (await listCredentials(t.database.db, { personId: other.personId })).length;
    expect(rowsBefore).toBe(1);
  });

  it('validates its input with ERR_INPUT_INVALID and writes nothing', async () => {
    const device = await deviceKey();
    const before = (await listCredentials(t.database.db, { personId })).length;
    const shardsBefore = JSON.stringify(issuer.app.issuer.lists.shardIds());
    const cases: unknown[] = [
      null,
      { personId, walletId: 'w-x', configurationId: 'eid_pdf', deviceKeys: [device.publicKey] },
      { personId, walletId: 'w-x', configurationId: 'eid_mdoc', deviceKeys: [] },
      { personId, walletId: 'w-x', configurationId: 'eid_mdoc', deviceKeys: Array(101).fill(device.publicKey) },
      {
        personId,
        walletId: 'w-x',
        configurationId: 'eid_mdoc',
        deviceKeys: [{ suite: 'ES256', point: utf8Encode('x') }],
      },
      { personId, walletId: '', configurationId: 'eid_mdoc', deviceKeys: [device.publicKey] },
      { personId: 5, walletId: 'w-x', configurationId: 'eid_mdoc', deviceKeys: [device.publicKey] },
    ];
    for (const request of cases) {
      const error = await failure(issuer.app.issuer.issuance.issueBatch(request as never));
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
    expect((await listCredentials(t.database.db, { personId })).length).toBe(before);
    expect(JSON.stringify(issuer.app.issuer.lists.shardIds())).toBe(shardsBefore);
  });

  it('allocates indexes uniquely under concurrent batches', async () => {
    const device = await deviceKey();
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        issuer.app.issuer.issuance.issueBatch({
          personId,
          walletId: `w-conc-${i}`,
          configurationId: 'eid_qr_hotel',
          deviceKeys: Array.from({ length: 10 }, () => device.publicKey),
        }),
      ),
    ).catch(async (error) => {
      // a revoked-then-reissued person is still active; every batch must succeed
      throw error;
    });
    expect(batches.flat()).toHaveLength(80);
    const rows = (await listCredentials(t.database.db, { personId })).filter((r) => r.statusIndex !== null);
    expect(new Set(rows.map((r) => `${r.statusShard}/${r.statusIndex}`)).size).toBe(rows.length);
  });
});
