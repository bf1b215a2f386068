import {
  createTrustListSource,
  receiveCredentials,
  SOCIAL_SECURITY_CARD_TYPE,
  SOCIAL_SECURITY_CARD_TYPE_ID,
  trustListCredentialType,
  verifyPresentation,
  verifyTrustList,
} from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { createTestNationalRegistry } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ISSUER_MIGRATIONS, type IssuerApp, type IssuerDatabase } from '../../src/index.js';
import {
  BASE_URL,
  createTestRegistry,
  openOid4vciTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
} from '../helpers/fixture.js';
import { activate, CLERK_TOKEN, injectFetch } from './helpers.js';

/**
 * Issue 7 §1: a second kind of authority on the same issuer code — a human-resources and social
 * security department issuing the social security card (cn.gov.sscard.1) from the same registry
 * events, with its own keys and its own trust-list entry (kind `human_resources`). Its credentials
 * verify under the national trust list; the same key signing an e-ID is refused, because the
 * catalog admits only public security for the e-ID.
 */
describeEachDatabase<IssuerDatabase>('a second kind of authority: the social security card', ISSUER_MIGRATIONS, (t) => {
  let issuer: TestIssuer;
  let app: IssuerApp;
  const { registry, citizens } = createTestRegistry('sscard-authority', 1, undefined, 'generated');
  let personId = '';
  let cardNumber = '';

  beforeAll(async () => {
    issuer = await openOid4vciTestIssuer(t.database, {
      clerkToken: CLERK_TOKEN,
      secretHashKey: 'sscard-secret-hash',
      credentialType: SOCIAL_SECURITY_CARD_TYPE_ID,
      authorityName: { 'zh-CN': '广东省人力资源和社会保障厅', en: 'Guangdong Human Resources and Social Security' },
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

  async function receive(configurationId: string) {
    const offer = await activate(app, { personId, cardNumber });
    const device = await platform.suite('ES256').generateSigner();
    const received = await receiveCredentials(platform, {
      offer: offer.credential_offer_link,
      txCode: offer.tx_code,
      deviceSigner: device,
      configurationIds: [configurationId],
      batchSize: 1,
      fetch: injectFetch(app, BASE_URL),
      now: issuer.clock.now,
    });
    return received.batches[0]?.credentials[0] as string;
  }

  it('offers only its own type, derived from the population record', async () => {
    const metadata = (await app.inject({ method: 'GET', url: '/.well-known/openid-credential-issuer' })).json();
    expect(Object.keys(metadata.credential_configurations_supported).sort()).toEqual(['sscard_mdoc', 'sscard_sd_jwt']);
    expect(metadata.credential_configurations_supported.sscard_sd_jwt.vct).toBe(SOCIAL_SECURITY_CARD_TYPE_ID);
    expect(metadata.credential_configurations_supported.sscard_mdoc.doctype).toBe(SOCIAL_SECURITY_CARD_TYPE_ID);
    // no paper cards: that is the e-ID authority's
    const paper = await app.inject({
      method: 'POST',
      url: '/paper-cards',
      headers: { authorization: `Bearer ${CLERK_TOKEN}` },
      payload: { person_id: personId },
    });
    expect(paper.statusCode).toBe(404);
  });

  it('issues the card into a wallet; it verifies under the national trust list with its own entry', async () => {
    const sdJwt = await receive('sscard_sd_jwt');
    const national = await createTestNationalRegistry({ now: issuer.clock.now() });
    const list = national.list({
      edit: (draft) => {
        draft.credential_types.push(trustListCredentialType(SOCIAL_SECURITY_CARD_TYPE, ['human_resources']));
        draft.authorities.push({
          id: 'cn-44-rsj',
          name: { 'zh-CN': '广东省人力资源和社会保障厅', en: 'Guangdong Human Resources and Social Security' },
          kind: 'human_resources',
          region: '44',
          suite: 'ES256',
          iaca: [issuer.authority.root.pem],
          document_signers: [issuer.authority.documentSigner.pem],
          credential_types: [SOCIAL_SECURITY_CARD_TYPE_ID],
          status_lists: [`${BASE_URL}/status/`],
        });
      },
    });
    const verified = await verifyTrustList(platform, await national.jws(list), {
      roots: [national.root.der],
      now: issuer.clock.now(),
    });
    const trust = await createTrustListSource(platform, verified, [national.root.der]);
    const report = await verifyPresentation(platform, sdJwt, {
      trust,
      now: issuer.clock.now(),
      requireKeyBinding: false,
    });
    expect(report.checks.filter((check) => check.outcome === 'failed')).toEqual([]);
    const claims = report.claims?.[SOCIAL_SECURITY_CARD_TYPE_ID] ?? {};
    expect(claims.social_security_number).toBe(citizens[0]?.idNumber);
    expect(claims.issuing_authority).toBe('广东省人力资源和社会保障厅');
    expect(claims.issuing_region_code).toBe('440000');
    expect(String(claims.document_number)).toMatch(/^[0-9A-Z]{9}$/);

    // the same authority is not trusted for the e-ID (the catalog admits public security only)
    const { issueCatalogCredential, syntheticResidentClaims } = await import('./eid-fixture.js');
    const eid = await issueCatalogCredential(issuer.authority, issuer.clock.now(), syntheticResidentClaims());
    const refused = await verifyPresentation(platform, eid, {
      trust,
      now: issuer.clock.now(),
      requireKeyBinding: false,
    });
    expect(refused.valid).toBe(false);
    expect(refused.checks.find((check) => check.outcome === 'failed')?.code).toMatch(/^ERR_TRUST_/);
  });
});
