import { issueCatalogCredential, type Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { syntheticResidentClaims } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declinePresentationRequest } from '../oid4vp/decline-presentation-request.js';
import { matchCredentials } from '../oid4vp/match-credentials.js';
import { readPresentationRequest } from '../oid4vp/read-presentation-request.js';
import { respondToPresentationRequest } from '../oid4vp/respond-to-presentation-request.js';
import { createTestHolder, EID, NOW, type TestHolder } from './holder-fixtures.js';
import { createTestRelyingParty, type TestRelyingParty } from './relying-party.js';
import { CLIENT_ID, ORIGIN, startTestVerifier, type TestVerifier, VERIFIER_HOST } from './test-verifier.js';

const platform: Platform = createNodePlatform();
const QUERY = {
  credentials: [
    {
      id: 'eid',
      format: 'dc+sd-jwt',
      meta: { vct_values: [EID] },
      claims: [{ path: ['age_over_18'] }, { path: ['family_name'] }, { path: ['given_name'] }],
    },
  ],
  credential_sets: [{ options: [['eid']], purpose: '酒店入住登记 hotel check-in' }],
};

let holder: TestHolder;
let shop: TestRelyingParty;
let verifier: TestVerifier;
/** A second one-time copy of the e-ID (batch issuance). */
let secondCopy: string;

beforeAll(async () => {
  holder = await createTestHolder(platform);
  shop = await createTestRelyingParty({
    platform,
    now: NOW,
    host: VERIFIER_HOST,
    organisation: 'Zhengzhao Test Shop',
    commonName: 'Online shop',
  });
  verifier = await startTestVerifier(platform, shop, holder.authority.trustSource, NOW);
  secondCopy = (await issueCatalogCredential(platform, {
    format: 'sd-jwt',
    signer: holder.authority.documentSigner.signer,
    certificateChain: holder.authority.chain,
    typeId: EID,
    claims: syntheticResidentClaims(),
    deviceKey: holder.deviceSigner.publicKey,
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + 86_400_000),
  })) as string;
});
afterAll(async () => {
  await verifier.close();
});

const read = (input: string) =>
  readPresentationRequest({ platform, input, trust: shop.trust, fetch: verifier.fetch, clock: () => NOW });

describe.each([['direct_post'], ['direct_post.jwt']] as const)('OpenID4VP 1.0 presentation (%s)', (responseMode) => {
  it('cross-device QR: read → match → respond with a subset → the verifier verifies only that', async () => {
    const created = await verifier.createRequest({ responseMode, dcqlQuery: QUERY });
    const request = await read(created.link);
    expect(request.verifier).toEqual({
      clientId: CLIENT_ID,
      host: VERIFIER_HOST,
      organisation: 'Zhengzhao Test Shop',
      commonName: 'Online shop',
      certificate: shop.chain[0],
    });
    expect(request.purpose).toBe('酒店入住登记 hotel check-in');
    expect(request.responseMode).toBe(responseMode);
    expect(request.credentials).toEqual([
      {
        queryId: 'eid',
        format: 'dc+sd-jwt',
        types: [EID],
        multiple: false,
        claims: [{ path: ['age_over_18'] }, { path: ['family_name'] }, { path: ['given_name'] }],
      },
    ]);
    expect(request.credentialSets).toEqual([{ options: [['eid']], required: true }]);

    const matches = await matchCredentials({ platform, request, sdJwts: ['not an sd-jwt', holder.sdJwt] });
    expect(matches.satisfiable).toBe(true);
    expect(matches.suggestion).toEqual({ eid: [1] });
    expect(matches.queries).toEqual([
      {
        queryId: 'eid',
        candidates: [{ index: 1, vct: EID, claims: [['age_over_18'], ['family_name'], ['given_name']] }],
      },
    ]);

    const before = verifier.results.length;
    const result = await respondToPresentationRequest({
      platform,
      request,
      selections: [{ queryId: 'eid', sdJwt: holder.sdJwt, deviceSigner: holder.deviceSigner, claims: ['age_over_18'] }],
      fetch: verifier.fetch,
      clock: () => NOW,
    });
    expect(result.redirectUri).toMatch(/^https:\/\/verifier\.example\.org\/done#response_code=/);
    const received = verifier.results[before];
    if (received?.kind !== 'presentation') throw new Error('the verifier got no presentation');
    expect(received.reports.eid?.[0]?.valid).toBe(true);
    expect(received.reports.eid?.[0]?.claims?.[EID]).toMatchObject({ age_over_18: true });
    for (const withheld of ['family_name', 'given_name', 'id_number', 'full_name', 'resident_address']) {
      expect(received.reports.eid?.[0]?.claims?.[EID]).not.toHaveProperty(withheld);
    }
    const form = new URLSearchParams(received.body);
    expect([...form.keys()].sort()).toEqual(responseMode === 'direct_post' ? ['state', 'vp_token'] : ['response']);
  });

  it('same-device https link, then decline: the verifier gets access_denied with the state', async () => {
    const created = await verifier.createRequest({ responseMode, dcqlQuery: QUERY });
    const universal = `https://wallet.zhengzhao.example/present?${new URL(created.link).search.slice(1)}`;
    const request = await read(universal);
    expect(request.verifier.clientId).toBe(CLIENT_ID);
    const before = verifier.results.length;
    const result = await declinePresentationRequest({ request, fetch: verifier.fetch });
    expect(verifier.results[before]).toEqual({ kind: 'error', error: 'access_denied', state: created.request.state });
    expect(result.redirectUri?.startsWith(`${ORIGIN}/done`)).toBe(true);
  });
});

describe('OpenID4VP matching', () => {
  it('a request nobody can answer is not satisfiable; several credentials are all candidates', async () => {
    const created = await verifier.createRequest({
      responseMode: 'direct_post',
      dcqlQuery: {
        credentials: [
          { id: 'mdl', format: 'dc+sd-jwt', meta: { vct_values: ['cn.gov.mdl.1'] }, claims: [{ path: ['name'] }] },
          {
            id: 'eid',
            format: 'dc+sd-jwt',
            meta: { vct_values: [EID] },
            claims: [{ path: ['age_over_18'], values: [true] }],
          },
          { id: 'mdoc', format: 'mso_mdoc', meta: { doctype_value: EID }, claims: [{ path: [EID, 'age_over_18'] }] },
        ],
      },
    });
    const request = await read(created.link);
    expect(request.credentials.map((credential) => credential.types)).toEqual([['cn.gov.mdl.1'], [EID], [EID]]);
    expect(request.purpose).toBeUndefined();
    const matches = await matchCredentials({ platform, request, sdJwts: [holder.sdJwt, secondCopy] });
    expect(matches.satisfiable).toBe(false);
    expect(matches.suggestion).toBeUndefined();
    expect(matches.queries.map((query) => query.candidates.map((candidate) => candidate.index))).toEqual([
      [],
      [0, 1],
      [],
    ]);
  });
});
