import {
  createStaticTrustSource,
  createStatusListCache,
  presentSdJwtVc,
  receiveCredentials,
  type Signer,
  verifyPresentation,
} from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  findWallet,
  ISSUER_MIGRATIONS,
  type IssuerApp,
  type IssuerDatabase,
  listAuditEntries,
  listCredentials,
  listNotifications,
} from '../../src/index.js';
import { walletIdOf } from '../../src/modules/oid4vci/index.js';
import {
  BASE_URL,
  createTestRegistry,
  openOid4vciTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
} from '../helpers/fixture.js';
import { CLERK_TOKEN, injectFetch } from './helpers.js';

/**
 * P2 §4 lost phone on the real issuer: the holder activates wallet W1, loses the phone, re-proves
 * the card at the counter and reports the loss — W1's copies are SUSPENDED in the published status
 * list — then activates W2 on a new phone, whose copies verify.
 */
describeEachDatabase<IssuerDatabase>(
  'lost device on the issuer: suspend every wallet, re-activate',
  ISSUER_MIGRATIONS,
  (t) => {
    let issuer: TestIssuer;
    let app: IssuerApp;
    let personId: string;
    let cardNumber: string;
    const { registry, citizens } = createTestRegistry('lost-device-tests', 2);

    beforeAll(async () => {
      issuer = await openOid4vciTestIssuer(t.database, {
        clerkToken: CLERK_TOKEN,
        secretHashKey: 'lost-device-secret-hash',
      });
      app = issuer.app;
      const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
      expect((await postEvent(app, event)).statusCode).toBe(200);
      personId = event.personId;
      cardNumber = event.payload.card.cardNumber;
    });
    afterAll(async () => {
      await app.close();
    });

    const freshCode = async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/activation/codes',
        headers: { authorization: `Bearer ${CLERK_TOKEN}` },
        payload: { person_id: personId },
      });
      expect(res.statusCode).toBe(201);
      return res.json().activation_code as string;
    };
    const activateDevice = async (device: Signer) => {
      const res = await app.inject({
        method: 'POST',
        url: '/activation',
        payload: { card_number: cardNumber, activation_code: await freshCode() },
      });
      expect(res.statusCode).toBe(201);
      const offer = res.json() as { credential_offer_link: string; tx_code: string };
      const received = await receiveCredentials(platform, {
        offer: offer.credential_offer_link,
        txCode: offer.tx_code,
        deviceSigner: device,
        configurationIds: ['eid_sd_jwt'],
        batchSize: 2,
        fetch: injectFetch(app, BASE_URL),
        now: issuer.clock.now,
      });
      return received.batches[0]?.credentials ?? [];
    };
    const verify = async (sdJwt: string, device: Signer) => {
      const now = issuer.clock.now();
      const trust = createStaticTrustSource({ platform, roots: [issuer.authority.root.der] });
      const statusResolver = createStatusListCache({
        platform,
        trust,
        fetchToken: async (uri) => {
          const response = await app.inject({
            method: 'GET',
            url: uri.slice(BASE_URL.length),
            headers: { accept: 'application/statuslist+jwt' },
          });
          return { body: response.body, contentType: String(response.headers['content-type']) };
        },
      });
      const presentation = await presentSdJwtVc(platform, sdJwt, {
        disclose: ['age_over_18'],
        holderSigner: device,
        audience: 'https://hotel.example.cn',
        nonce: 'n-lost',
        now,
      });
      return verifyPresentation(platform, presentation, {
        trust,
        now,
        statusResolver,
        audience: 'https://hotel.example.cn',
        nonce: 'n-lost',
      });
    };

    it('suspends W1 after the report (ERR_STATUS_SUSPENDED) and issues valid copies to W2 on a new device', async () => {
      const phone1 = await platform.suite('ES256').generateSigner();
      const w1 = await walletIdOf(platform, phone1.publicKey);
      const w1Copies = await activateDevice(phone1);
      expect(w1Copies).toHaveLength(2);
      expect((await verify(w1Copies[0] as string, phone1)).valid).toBe(true);

      // at the counter: a fresh code from the clerk, then the holder reports the phone lost
      issuer.clock.advance(60);
      const report = await app.inject({
        method: 'POST',
        url: '/activation/lost-device',
        payload: { card_number: cardNumber, activation_code: await freshCode() },
      });
      expect(report.statusCode).toBe(200);
      expect(report.json()).toEqual({ suspended_wallets: 1, suspended_credentials: 2 });

      const suspended = await verify(w1Copies[1] as string, phone1);
      expect(suspended.valid).toBe(false);
      expect(suspended.checks.find((c) => c.outcome === 'failed')).toMatchObject({
        id: 'status',
        code: 'ERR_STATUS_SUSPENDED',
      });
      expect((await findWallet(t.database.db, w1))?.state).toBe('suspended');
      expect((await listCredentials(t.database.db, { walletId: w1 })).map((c) => c.status)).toEqual([2, 2]);
      expect((await listNotifications(t.database.db, w1, { limit: 10 })).map((n) => n.type)).toEqual(['suspended']);

      // the new phone: a new activation, a new wallet, valid copies
      issuer.clock.advance(60);
      const phone2 = await platform.suite('ES256').generateSigner();
      const w2Copies = await activateDevice(phone2);
      expect(w2Copies).toHaveLength(2);
      const fresh = await verify(w2Copies[0] as string, phone2);
      expect(fresh.checks.filter((c) => c.outcome !== 'ok')).toEqual([]);
      expect(fresh.valid).toBe(true);
      const w2 = await walletIdOf(platform, phone2.publicKey);
      expect((await findWallet(t.database.db, w2))?.state).toBe('active');
      // W1 stays suspended
      expect((await verify(w1Copies[0] as string, phone1)).valid).toBe(false);

      // audited with actor `holder`, internal ids only
      const entries = await listAuditEntries(t.database.db, { limit: 50 });
      const byHolder = entries.filter((e) => e.actor === 'holder');
      expect(byHolder.map((e) => [e.action, e.targetType, e.targetId]).sort()).toEqual(
        [
          ['person.lost_device', 'person', personId],
          ['wallet.suspend', 'wallet', w1],
        ].sort(),
      );
      expect(byHolder.every((e) => e.role === 'holder' && e.outcome === 'ok' && e.reason?.includes('lost'))).toBe(true);
      expect(JSON.stringify(entries)).not.toContain(cardNumber);
    });

    it('a report for a person without wallets suspends nothing but is still audited', async () => {
      const event = await registry.importCitizen(citizens[1] as (typeof citizens)[number]);
      await postEvent(app, event);
      const code = (
        await app.inject({
          method: 'POST',
          url: '/activation/codes',
          headers: { authorization: `Bearer ${CLERK_TOKEN}` },
          payload: { person_id: event.personId },
        })
      ).json().activation_code as string;
      const report = await app.inject({
        method: 'POST',
        url: '/activation/lost-device',
        payload: { card_number: event.payload.card.cardNumber, activation_code: code },
      });
      expect([report.statusCode, report.json()]).toEqual([200, { suspended_wallets: 0, suspended_credentials: 0 }]);
      const entries = await listAuditEntries(t.database.db, { limit: 10, targetId: event.personId });
      expect(entries.map((e) => [e.actor, e.action])).toEqual([['holder', 'person.lost_device']]);
    });
  },
);
