import {
  createStaticTrustSource,
  createStatusListCache,
  decodeQr,
  encodeCertificatePem,
  type VerificationReport,
  verifyPresentation,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateWithCard } from '../src/activate-with-card.js';
import { createWallet } from '../src/create-wallet.js';
import { reportLostDevice } from '../src/report-lost-device.js';
import { createMemoryWalletStore } from '../src/store/create-memory-wallet-store.js';
import type { Wallet } from '../src/wallet-types.js';
import { expectCode, PIN, storeContains, TEST_ITERATIONS } from './helpers.js';
import { eventually, type IssuerPlatform, type PersonDetail, startIssuerPlatform } from './issuer-platform.js';

/**
 * The wallet engine against the REAL issuer and registry (SQLite in a temp dir, real HTTP):
 * activation → OpenID4VCI receive of every format → status → offline QR verified by the core
 * verifier, one copy per QR → a change of address at the registry → sync() picks up the fresh
 * batch and the old QR's credential is revoked → lost phone reported from another device.
 */
const platform = createNodePlatform();
const FAKE_PRF = { credentialId: new Uint8Array([0xc0, 0xff, 0xee]), output: new Uint8Array(32).fill(0x42) };

describe('wallet engine ↔ real issuer and registry', () => {
  let zz: IssuerPlatform;
  let issuerUrl: string;
  let registryUrl: string;
  let clerk: Readonly<Record<string, string>>;

  beforeAll(async () => {
    zz = await startIssuerPlatform({ batchSize: 3 });
    ({ issuerUrl, registryUrl, clerk } = zz);
  }, 60_000);

  afterAll(async () => {
    await zz?.close();
  });

  const personDetail = (personId: string) => zz.personDetail(personId);
  const activationCode = (personId: string) => zz.activationCode(personId);
  // the holder activates with the card number and the clerk's code (the SMS stand-in)
  const activate = async (person: PersonDetail) =>
    activateWithCard({
      issuerUrl,
      cardNumber: person.card?.card_number as string,
      activationCode: await activationCode(person.person_id),
    });

  it('receives, shows, presents by QR, follows a card change and a lost phone', async () => {
    const trust = createStaticTrustSource({
      platform,
      roots: [zz.authority.root.der],
      documentSigners: [zz.authority.documentSigner.der],
    });
    const statusResolver = () =>
      createStatusListCache({
        platform,
        trust,
        fetchToken: async (uri) => {
          const response = await fetch(uri, { headers: { accept: 'application/statuslist+jwt' } });
          return { body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
        },
      });
    const verify = (text: string): Promise<VerificationReport> =>
      verifyPresentation(platform, text, { trust, now: new Date(), statusResolver: statusResolver() });

    const person = await zz.person(0);
    const personId = person.person_id;

    // set up with a PIN and a (fake) WebAuthn PRF output; trust anchored in the IACA root
    const store = createMemoryWalletStore();
    let offline = false;
    const wallet: Wallet = await createWallet({
      platform,
      store,
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        if (offline) throw new TypeError('offline');
        return fetch(input, init);
      }) as typeof fetch,
      pinIterations: TEST_ITERATIONS,
      trustAnchorsPem: [encodeCertificatePem(zz.authority.root.der)],
    });
    await wallet.setUp({ pin: PIN, prf: FAKE_PRF });
    wallet.lock();
    await wallet.unlockWithPrf(FAKE_PRF.output);

    // the offer: preview, a wrong tx_code, then the right one
    const offer = await activate(person);
    const preview = await wallet.previewOffer(offer.offer);
    expect(preview.credentialIssuer).toBe(issuerUrl);
    expect(preview.issuerName).toBe('居民身份证电子证照签发机构');
    expect(preview.txCode).toMatchObject({ inputMode: 'numeric', length: 6 });
    expect(preview.credentials.map((c) => c.format).sort()).toEqual(['dc+sd-jwt', 'mso_mdoc', 'zz1_qr', 'zz1_qr']);
    const wrong = offer.txCode === '000000' ? '000001' : '000000';
    await expectCode(wallet.acceptOffer(offer.offer, wrong), 'ERR_OID4VCI_INVALID_GRANT');
    await expectCode(wallet.acceptOffer(offer.offer, '12'), 'ERR_INPUT_INVALID');
    const stored = await wallet.acceptOffer(offer.offer, offer.txCode);
    expect(stored).toEqual([
      {
        credentialId: expect.any(String),
        type: 'cn.gov.eid.1',
        issuer: issuerUrl,
        copies: { mdoc: 3, sdJwt: 3, qr: { hotel: 3, age_over_18: 3 } },
      },
    ]);

    // the card, valid by the verified status list
    const [card] = await wallet.credentials();
    expect(card).toBeDefined();
    const cardId = card?.credentialId as string;
    expect(card?.claims.fullName).toBe(person.full_name);
    expect(card?.claims.idNumber).toBe(person.id_number);
    expect(card?.claims.residentAddress).toBe(person.address.line);
    expect(card?.claims.portraitDataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(card?.status.value).toBe('valid');
    expect(card?.status.checkedAt).toBeInstanceOf(Date);
    expect([...(card?.qrPurposes ?? [])].sort()).toEqual(['age_over_18', 'hotel']);

    // offline: the cached, verified status list still answers, with the time it was fetched
    offline = true;
    await wallet.refreshStatus();
    const cached = (await wallet.credentials())[0];
    expect(cached?.status).toEqual(card?.status);
    const sync = await wallet.sync();
    expect(sync.errors).toEqual([{ issuer: issuerUrl, code: 'ERR_WALLET_SYNC_FAILED' }]);
    expect(sync.walletState).toBe('unknown');
    offline = false;

    // nothing personal at rest
    expect(storeContains(store, person.full_name)).toBe(false);
    expect(storeContains(store, person.id_number)).toBe(false);
    expect(storeContains(store, person.address.line)).toBe(false);
    expect(storeContains(store, (card?.claims.portrait ?? new Uint8Array(200)).slice(100, 140))).toBe(false);

    // offline QR: each presentation a fresh copy, each verifies with the core verifier
    const first = await wallet.presentQr(cardId, 'hotel');
    const second = await wallet.presentQr(cardId, 'hotel');
    expect(first.elements).toContain('id_number');
    expect(first.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const [a, b] = [await decodeQr(platform, first.text), await decodeQr(platform, second.text)];
    expect(Buffer.from(a.credential.bytes).equals(Buffer.from(b.credential.bytes))).toBe(false);
    for (const qr of [first, second]) {
      const report = await verify(qr.text);
      expect(report.valid, JSON.stringify(report.checks)).toBe(true);
      expect(report.claims?.['cn.gov.eid.1']?.full_name).toBe(person.full_name);
    }
    expect((await wallet.credentials())[0]?.copies.qr.hotel).toBe(1);
    const age = await wallet.presentQr(cardId, 'age_over_18');
    expect((await verify(age.text)).claims?.['cn.gov.eid.1']).toEqual({ age_over_18: true });
    const log = await wallet.transactions();
    expect(log.map((e) => [e.channel, e.purpose, e.verifier])).toEqual([
      ['qr', 'age_over_18', 'unknown'],
      ['qr', 'hotel', 'unknown'],
      ['qr', 'hotel', 'unknown'],
    ]);
    expect(JSON.stringify(log)).not.toContain(person.full_name);
    await wallet.presentQr(cardId, 'hotel');
    await expectCode(wallet.presentQr(cardId, 'hotel'), 'ERR_WALLET_NO_COPIES_LEFT');

    // the presentation protocols take mdoc / SD-JWT copies one at a time
    const taken = await wallet.takeCopy(cardId, 'mso_mdoc');
    expect([taken.format, taken.remaining]).toEqual(['mso_mdoc', 2]);

    // a change of address at the registry: sync() fetches the fresh batch, the old one is revoked
    const changed = await fetch(`${registryUrl}/persons/${personId}/address`, {
      method: 'POST',
      headers: clerk,
      body: JSON.stringify({
        address: { region_code: '440106', city: '广州市', district: '天河区', street: '体育东路 8 号' },
      }),
    });
    expect(changed.status).toBe(200);
    const walletId = await wallet.walletId();
    await eventually(async () => {
      const response = await fetch(`${issuerUrl}/wallets/${walletId}/notifications`);
      const body = (await response.json()) as { notifications: { type: string }[] };
      return body.notifications.some((n) => n.type === 'refresh') || undefined;
    }, 'the refresh notification');
    const synced = await wallet.sync();
    expect(synced).toMatchObject({ reissued: 1, removed: 1, walletState: 'active', errors: [] });
    expect(synced.notifications.map((n) => n.type)).toContain('refresh');
    const cards = await wallet.credentials();
    expect(cards).toHaveLength(1);
    const fresh = cards[0];
    expect(fresh?.credentialId).not.toBe(cardId);
    expect(fresh?.claims.residentAddress).toContain('体育东路');
    expect(fresh?.status.value).toBe('valid');
    expect(fresh?.copies).toEqual({ mdoc: 3, sdJwt: 3, qr: { hotel: 3, age_over_18: 3 } });
    const old = await eventually(async () => {
      const report = await verify(first.text);
      return report.valid ? undefined : report;
    }, 'the old QR revoked');
    expect(old.checks.find((c) => c.outcome === 'failed')).toMatchObject({ id: 'status', code: 'ERR_STATUS_REVOKED' });
    const again = await wallet.presentQr(fresh?.credentialId as string, 'hotel');
    expect((await verify(again.text)).valid).toBe(true);
    // presentations started together still take different copies
    const together = await Promise.all([
      wallet.presentQr(fresh?.credentialId as string, 'hotel'),
      wallet.presentQr(fresh?.credentialId as string, 'hotel'),
    ]);
    const copies = await Promise.all(
      [again, ...together].map(async (q) => (await decodeQr(platform, q.text)).credential.bytes),
    );
    expect(new Set(copies.map((c) => Buffer.from(c).toString('hex'))).size).toBe(3);
    await expectCode(wallet.presentQr(fresh?.credentialId as string, 'hotel'), 'ERR_WALLET_NO_COPIES_LEFT');
    // used up: the next sync tops the card up with a fresh batch (device-key proof, no new code)
    const topUp = await wallet.sync();
    expect(topUp).toMatchObject({ reissued: 1, removed: 1, walletState: 'active', errors: [] });
    const [toppedUp] = await wallet.credentials();
    expect(toppedUp?.copies.qr.hotel).toBe(3);
    expect(toppedUp?.status.value).toBe('valid');
    expect((await wallet.sync()).reissued).toBe(0); // nothing to do now
    expect(storeContains(store, '体育东路')).toBe(false);

    // lost phone, reported from another device: the wallet learns it is suspended at its next sync
    const current = await personDetail(personId);
    await expectCode(
      reportLostDevice({
        issuerUrl,
        cardNumber: current.card?.card_number as string,
        activationCode: '00000000',
      }),
      'ERR_OID4VCI_ACTIVATION_CODE_INVALID',
    );
    const lost = await reportLostDevice({
      issuerUrl,
      cardNumber: current.card?.card_number as string,
      activationCode: await activationCode(personId),
    });
    expect(lost.suspendedWallets).toBe(1);
    expect(lost.suspendedCredentials).toBeGreaterThan(0);
    const afterLoss = await wallet.sync();
    expect(afterLoss.walletState).toBe('suspended');
    expect((await wallet.credentials())[0]?.status.value).toBe('suspended');

    // re-activation on a new device is a normal offer
    const newPhone = await createWallet({ platform, store: createMemoryWalletStore(), pinIterations: TEST_ITERATIONS });
    await newPhone.setUp({ pin: '808182' });
    const second_offer = await activate(current);
    const onNew = await newPhone.acceptOffer(second_offer.offer, second_offer.txCode);
    expect(onNew).toHaveLength(1);
    expect(await newPhone.walletId()).not.toBe(await wallet.walletId());
    const newCard = (await newPhone.credentials())[0];
    expect(newCard?.status.value).toBe('valid');
    expect((await verify((await newPhone.presentQr(newCard?.credentialId as string, 'hotel')).text)).valid).toBe(true);
  }, 120_000);
});
