import {
  createProofJwt,
  createStaticTrustSource,
  createStatusListCache,
  decodeBase64,
  receiveCredentials,
  type Signer,
  type VerificationReport,
  verifyPresentation,
} from '@zhengzhao/core';
import { validateLayoutDocument } from '@zhengzhao/layout';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ISSUER_MIGRATIONS, type IssuerApp, type IssuerDatabase } from '../../src/index.js';
import { walletIdOf } from '../../src/modules/oid4vci/index.js';
import {
  BASE_URL,
  createTestRegistry,
  openOid4vciTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
  TOKENS,
} from '../helpers/fixture.js';
import { activate, CLERK_TOKEN, injectFetch, nonceFrom } from '../oid4vci/helpers.js';

/**
 * Issue 7 §4–5 on the real issuer: the counter prints a paper credential for a person without a
 * smartphone — a signed PDF whose QR and attachment carry a paper ZZ1 credential with its own
 * status entry — which validates (signature, signer trust, embedded credential and status), is
 * suspended with the card when it is reported lost, and can be revoked alone; and a wallet gets
 * the same signed layout document for a proof of its device key.
 */
describeEachDatabase<IssuerDatabase>('paper cards and layout documents on the issuer', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  let app: IssuerApp;
  let personId: string;
  let cardNumber: string;
  const { registry, citizens } = createTestRegistry('paper-card-tests', 3, undefined, 'generated');

  beforeAll(async () => {
    issuer = await openOid4vciTestIssuer(t.database, {
      clerkToken: CLERK_TOKEN,
      secretHashKey: 'paper-card-secret-hash',
      authorityName: { 'zh-CN': '广东省公安厅', en: 'Guangdong Public Security' },
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

  const trust = () =>
    createStaticTrustSource({
      platform,
      roots: [issuer.authority.root.der],
      documentSigners: [issuer.authority.documentSigner.der],
    });
  const statusResolver = () =>
    createStatusListCache({
      platform,
      trust: trust(),
      fetchToken: async (uri) => {
        const response = await app.inject({
          method: 'GET',
          url: uri.slice(BASE_URL.length),
          headers: { accept: 'application/statuslist+jwt' },
        });
        return { body: response.body, contentType: String(response.headers['content-type']) };
      },
    });
  const print = (body: unknown, token: string | null = CLERK_TOKEN) =>
    app.inject({
      method: 'POST',
      url: '/paper-cards',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: body as object,
    });
  /** Validates a layout document as a verifier with the authority's root and fresh status lists. */
  const validate = (pdf: Uint8Array) =>
    validateLayoutDocument(pdf, {
      platform,
      trust: trust(),
      now: issuer.clock.now(),
      verifyCredential: (credential: string) =>
        verifyPresentation(platform, credential, {
          trust: trust(),
          now: issuer.clock.now(),
          statusResolver: statusResolver(),
        }),
    });

  it('prints a signed paper card that validates: signature, signer, the paper credential and its status', async () => {
    const res = await print({ person_id: personId });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    const paperCardId = String(res.headers['zz-paper-card-id']);
    expect(paperCardId).toMatch(/^pc_/);
    const pdf = new Uint8Array(res.rawPayload);
    const report = await validate(pdf);
    expect(
      report.checks.filter((check) => check.outcome === 'failed'),
      JSON.stringify(report.credential),
    ).toEqual([]);
    expect(report.valid).toBe(true);
    const credential = report.credential?.report as VerificationReport | undefined;
    expect(credential?.presentation).toBe('paper');
    expect(credential?.statusValue).toBe(0);

    // a changed byte is refused
    const tampered = pdf.slice();
    const at = Math.floor(tampered.length / 3);
    tampered.set([(tampered[at] ?? 0) ^ 0x01], at);
    expect((await validate(tampered)).valid).toBe(false);
  });

  it('revokes one print alone, and suspends every print with the card when it is reported lost', async () => {
    const first = await print({ person_id: personId });
    const second = await print({ person_id: personId, purpose: 'paper_with_portrait' });
    expect(second.statusCode, second.body).toBe(201);
    const revoke = await app.inject({
      method: 'POST',
      url: `/admin/paper-cards/${first.headers['zz-paper-card-id']}/revoke`,
      headers: { authorization: `Bearer ${TOKENS.clerk}` },
      payload: { reason: 'print reported lost at the counter' },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().affected).toBe(1);
    issuer.clock.advance(600);
    const revoked = await validate(new Uint8Array(first.rawPayload));
    expect(revoked.valid).toBe(false);
    expect(revoked.checks.find((check) => check.outcome === 'failed')?.code).toBe('ERR_STATUS_REVOKED');
    expect((await validate(new Uint8Array(second.rawPayload))).valid).toBe(true);

    // the card reported lost: every print of the person is suspended with it
    const third = await registry.importCitizen(citizens[2] as (typeof citizens)[number]);
    expect((await postEvent(app, third)).statusCode).toBe(200);
    const printed = await print({ person_id: third.personId });
    expect((await validate(new Uint8Array(printed.rawPayload))).valid).toBe(true);
    expect((await postEvent(app, await registry.reportLost(third.personId))).statusCode).toBe(200);
    issuer.clock.advance(600);
    const suspended = await validate(new Uint8Array(printed.rawPayload));
    expect(suspended.checks.find((check) => check.outcome === 'failed')?.code).toBe('ERR_STATUS_SUSPENDED');

    const unknown = await app.inject({
      method: 'POST',
      url: '/admin/paper-cards/pc_unknown/revoke',
      headers: { authorization: `Bearer ${TOKENS.clerk}` },
      payload: { reason: 'typo' },
    });
    expect(unknown.json().code).toBe('ERR_ISSUER_PAPER_CARD_UNKNOWN');
  });

  it('refuses without the clerk token, for a bad body, and for a card that is not active', async () => {
    expect((await print({ person_id: personId }, null)).json().code).toBe('ERR_OID4VCI_CLERK_UNAUTHORIZED');
    expect((await print({ person_id: personId }, 'wrong-token-0123456789')).statusCode).toBe(401);
    expect((await print({ person_id: personId, purpose: 'hotel' })).json().code).toBe('ERR_INPUT_INVALID');
    expect((await print({ person_id: 5 })).json().code).toBe('ERR_INPUT_INVALID');
    expect((await print({ person_id: personId, extra: true })).json().code).toBe('ERR_INPUT_INVALID');
    expect((await print({ person_id: 'p_unknown' })).statusCode).toBe(404);
    const other = await registry.importCitizen(citizens[1] as (typeof citizens)[number]);
    expect((await postEvent(app, other)).statusCode).toBe(200);
    const lost = await registry.reportLost(other.personId);
    expect((await postEvent(app, lost)).statusCode).toBe(200);
    expect((await print({ person_id: other.personId })).json().code).toBe('ERR_ISSUER_CARD_NOT_ACTIVE');
  });

  it('gives a wallet its signed layout document for a proof of its device key, once per nonce', async () => {
    const offer = await activate(app, { personId, cardNumber });
    const device: Signer = await platform.suite('ES256').generateSigner();
    await receiveCredentials(platform, {
      offer: offer.credential_offer_link,
      txCode: offer.tx_code,
      deviceSigner: device,
      configurationIds: ['eid_sd_jwt'],
      batchSize: 1,
      fetch: injectFetch(app, BASE_URL),
      now: issuer.clock.now,
    });
    const walletId = await walletIdOf(platform, device.publicKey);
    const proof = await createProofJwt(platform, {
      signer: device,
      audience: BASE_URL,
      now: issuer.clock.now(),
      nonce: await nonceFrom(app),
    });
    const ask = (id: string) =>
      app.inject({ method: 'POST', url: `/wallets/${id}/layout-document`, payload: { proof } });
    const res = await ask(walletId);
    expect(res.statusCode, res.body).toBe(201);
    const pdf = decodeBase64(res.json().layout_document);
    expect((await validate(pdf)).valid).toBe(true);
    expect((await ask(walletId)).json().code).toBe('ERR_OID4VCI_INVALID_NONCE');
    expect((await ask('not-this-wallet')).json().code).toBe('ERR_OID4VCI_INVALID_PROOF');
  });
});
