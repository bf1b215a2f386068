import { createProofJwt, type ExportableSigner } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { beforeEach, expect, it } from 'vitest';
import { type Oid4vciDatabase, oid4vciMigrations, walletIdOf } from '../../src/modules/oid4vci/index.js';
import {
  createTestIssuer,
  deviceSigner,
  form,
  ISSUER,
  nonceFrom,
  PRE_AUTH,
  platform,
  type TestIssuer,
} from './helpers.js';

describeEachDatabase<Oid4vciDatabase>(
  'oid4vci wallet refresh (POST /wallets/:walletId/offer)',
  oid4vciMigrations,
  (t) => {
    let issuer: TestIssuer;
    let device: ExportableSigner;
    let walletId: string;
    const wallets = new Map<string, { personId: string; state: 'active' | 'suspended' }>();

    beforeEach(async () => {
      issuer = await createTestIssuer(t.database.db);
      issuer.fakes.wallets.findWallet = async (id) => wallets.get(id);
      device = await deviceSigner();
      walletId = await walletIdOf(platform, device.publicKey);
      wallets.clear();
    });

    const proof = async (options: { signer?: ExportableSigner; audience?: string; nonce?: string | null } = {}) =>
      createProofJwt(platform, {
        signer: options.signer ?? device,
        audience: options.audience ?? ISSUER,
        now: issuer.clock.now(),
        ...(options.nonce === null ? {} : { nonce: options.nonce ?? (await nonceFrom(issuer.app)) }),
      });
    const ask = (payload: unknown, id = walletId) =>
      issuer.app.inject({ method: 'POST', url: `/wallets/${id}/offer`, payload: payload as object });

    it('answers a proof of the wallet key with a fresh offer for its person, redeemable once', async () => {
      const person = issuer.fakes.addPerson();
      wallets.set(walletId, { personId: person.personId, state: 'active' });
      const res = await ask({ proof: await proof() });
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body.credential_offer.credential_issuer).toBe(ISSUER);
      expect(body.credential_offer_link).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
      expect(body.tx_code).toMatch(/^\d{6}$/);
      const code = body.credential_offer.grants[PRE_AUTH]['pre-authorized_code'];
      const token = await issuer.app.inject({
        method: 'POST',
        url: '/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: body.tx_code }),
      });
      expect(token.statusCode).toBe(200);
    });

    it('refuses a replayed or missing nonce, a proof for another audience or by another key', async () => {
      const person = issuer.fakes.addPerson();
      wallets.set(walletId, { personId: person.personId, state: 'active' });
      const once = await proof();
      expect((await ask({ proof: once })).statusCode).toBe(201);
      const replay = await ask({ proof: once });
      expect([replay.statusCode, replay.json().code]).toEqual([400, 'ERR_OID4VCI_INVALID_NONCE']);
      const noNonce = await ask({ proof: await proof({ nonce: null }) });
      expect(noNonce.json().code).toBe('ERR_OID4VCI_INVALID_NONCE');
      const audience = await ask({ proof: await proof({ audience: 'https://other.example' }) });
      expect(audience.json().code).toBe('ERR_OID4VCI_INVALID_PROOF');
      const other = await ask({ proof: await proof({ signer: await deviceSigner() }) });
      expect([other.statusCode, other.json().code]).toEqual([400, 'ERR_OID4VCI_INVALID_PROOF']);
      const tampered = (await proof()).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await ask({ proof: tampered })).json().code).toBe('ERR_OID4VCI_INVALID_PROOF');
    });

    it('refuses an unknown or suspended wallet and a card that is not active', async () => {
      const unknown = await ask({ proof: await proof() });
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'ERR_ISSUER_WALLET_UNKNOWN']);
      const person = issuer.fakes.addPerson();
      wallets.set(walletId, { personId: person.personId, state: 'suspended' });
      const suspended = await ask({ proof: await proof() });
      expect([suspended.statusCode, suspended.json().code]).toEqual([409, 'ERR_ISSUER_WALLET_SUSPENDED']);
      const lost = issuer.fakes.addPerson('lost');
      wallets.set(walletId, { personId: lost.personId, state: 'active' });
      expect((await ask({ proof: await proof() })).json().code).toBe('ERR_ISSUER_CARD_NOT_ACTIVE');
    });

    it('refuses malformed requests', async () => {
      for (const payload of [
        {},
        { proof: 5 },
        { proof: '' },
        { proof: 'x', extra: 1 },
        [],
        { proof: 'x'.repeat(9000) },
      ]) {
        const res = await ask(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
      }
      expect((await ask({ proof: 'not-a-jwt' })).json().code).toBe('ERR_OID4VCI_INVALID_PROOF');
      expect((await ask({ proof: await proof() }, 'bad*id')).statusCode).toBe(400);
      const text = await issuer.app.inject({
        method: 'POST',
        url: `/wallets/${walletId}/offer`,
        headers: { 'content-type': 'application/json' },
        payload: '{"proof":',
      });
      expect(text.statusCode).toBe(400);
    });
  },
);
