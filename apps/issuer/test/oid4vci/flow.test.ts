import { isZzError, receiveCredentials } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { beforeEach, expect, it } from 'vitest';
import { type Oid4vciDatabase, oid4vciMigrations, walletIdOf } from '../../src/modules/oid4vci/index.js';
import { activate, createTestIssuer, deviceSigner, ISSUER, injectFetch, platform, type TestIssuer } from './helpers.js';

describeEachDatabase<Oid4vciDatabase>(
  'oid4vci wallet client against the issuer (end to end)',
  oid4vciMigrations,
  (t) => {
    let issuer: TestIssuer;
    beforeEach(async () => {
      issuer = await createTestIssuer(t.database.db);
    });

    it('activates, redeems the offer link with the tx_code and receives 10 copies of each of the four credentials', async () => {
      const person = issuer.fakes.addPerson();
      const offer = await activate(issuer.app, person);
      const device = await deviceSigner();
      const received = await receiveCredentials(platform, {
        offer: offer.credential_offer_link,
        txCode: offer.tx_code,
        deviceSigner: device,
        fetch: injectFetch(issuer.app),
        now: issuer.clock.now,
      });
      expect(received.credentialIssuer).toBe(ISSUER);
      expect(received.metadata.batch_credential_issuance?.batch_size).toBe(10);
      expect(received.batches.map((b) => [b.configurationId, b.format, b.credentials.length])).toEqual([
        ['eid_mdoc', 'mso_mdoc', 10],
        ['eid_sd_jwt', 'dc+sd-jwt', 10],
        ['eid_qr_hotel', 'zz1_qr', 10],
        ['eid_qr_age_over_18', 'zz1_qr', 10],
      ]);
      expect(received.batches[0]?.credentials[9]).toBe(`eid_mdoc.${person.personId}.9`);
      const walletId = await walletIdOf(platform, device.publicKey);
      expect(issuer.fakes.requests.every((r) => r.walletId === walletId && r.deviceKeys.length === 10)).toBe(true);
    });

    it('fetches a chosen subset with a smaller batch, from the offer object', async () => {
      const person = issuer.fakes.addPerson();
      const offer = await activate(issuer.app, person);
      const received = await receiveCredentials(platform, {
        offer: offer.credential_offer as never,
        txCode: offer.tx_code,
        deviceSigner: await deviceSigner(),
        configurationIds: ['eid_sd_jwt'],
        batchSize: 3,
        fetch: injectFetch(issuer.app),
        now: issuer.clock.now,
      });
      expect(received.batches).toHaveLength(1);
      expect(received.batches[0]?.credentials).toHaveLength(3);
    });

    it('surfaces the issuer errors as catalogue codes: wrong tx_code, reused offer', async () => {
      const person = issuer.fakes.addPerson();
      const offer = await activate(issuer.app, person);
      const base = {
        offer: offer.credential_offer_link,
        deviceSigner: await deviceSigner(),
        fetch: injectFetch(issuer.app),
        now: issuer.clock.now,
      };
      const wrong = offer.tx_code === '123456' ? '654321' : '123456';
      await expect(receiveCredentials(platform, { ...base, txCode: wrong })).rejects.toSatisfy((e) =>
        isZzError(e, 'ERR_OID4VCI_INVALID_GRANT'),
      );
      await expect(receiveCredentials(platform, { ...base })).rejects.toSatisfy((e) =>
        isZzError(e, 'ERR_INPUT_INVALID'),
      );
      await expect(receiveCredentials(platform, { ...base, txCode: '12' })).rejects.toSatisfy((e) =>
        isZzError(e, 'ERR_INPUT_INVALID'),
      );
      await receiveCredentials(platform, {
        ...base,
        txCode: offer.tx_code,
        configurationIds: ['eid_qr_hotel'],
        batchSize: 1,
      });
      await expect(receiveCredentials(platform, { ...base, txCode: offer.tx_code })).rejects.toSatisfy((e) =>
        isZzError(e, 'ERR_OID4VCI_INVALID_GRANT'),
      );
    });

    it('refuses an SM2 device key at an ES256 issuer before asking for credentials', async () => {
      const offer = await activate(issuer.app, issuer.fakes.addPerson());
      let sm2: Awaited<ReturnType<typeof deviceSigner>>;
      try {
        sm2 = await platform.suite('SM2').generateSigner();
      } catch {
        return; // no SM2 in this platform
      }
      await expect(
        receiveCredentials(platform, {
          offer: offer.credential_offer_link,
          txCode: offer.tx_code,
          deviceSigner: sm2,
          fetch: injectFetch(issuer.app),
          now: issuer.clock.now,
        }),
      ).rejects.toSatisfy((e) => isZzError(e, 'ERR_CRYPTO_UNSUPPORTED_ALG'));
      expect(issuer.fakes.requests).toHaveLength(0);
    });

    it('an SM2 province binds credentials to the phone’s P-256 key as well as to an SM2 key', async () => {
      const sm2Issuer = await createTestIssuer(t.database.db, { suite: 'SM2', batchSize: 2 });
      for (const device of [await deviceSigner(), await platform.suite('SM2').generateSigner()]) {
        const offer = await activate(sm2Issuer.app, sm2Issuer.fakes.addPerson());
        const received = await receiveCredentials(platform, {
          offer: offer.credential_offer_link,
          txCode: offer.tx_code,
          deviceSigner: device,
          configurationIds: ['eid_mdoc'],
          fetch: injectFetch(sm2Issuer.app),
          now: sm2Issuer.clock.now,
        });
        expect(received.batches[0]?.credentials).toHaveLength(2);
        expect(sm2Issuer.fakes.requests.at(-1)?.deviceKeys[0]?.suite).toBe(device.publicKey.suite);
      }
    });
  },
);
