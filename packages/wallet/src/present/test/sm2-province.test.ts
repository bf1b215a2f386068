import { createQrHandoverSessionTranscript, encodeCbor, verifyDeviceResponse } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceivedCopy } from '../../receive/verify-received-copy.js';
import { matchCredentials } from '../oid4vp/match-credentials.js';
import { readPresentationRequest } from '../oid4vp/read-presentation-request.js';
import { respondToPresentationRequest } from '../oid4vp/respond-to-presentation-request.js';
import { buildProximityResponse } from '../proximity/build-proximity-response.js';
import { createTestHolder, EID, NOW, type TestHolder } from './holder-fixtures.js';
import { createTestRelyingParty, type TestRelyingParty } from './relying-party.js';
import { startTestVerifier, type TestVerifier, VERIFIER_HOST } from './test-verifier.js';

/**
 * Zhengzhao issue 6 §6, SM2 end to end on the holder's side: a province signing with SM2/SM3
 * certificates issues the e-ID as mdoc and SD-JWT VC bound to the phone's P-256 key; the wallet
 * (on the browser platform, where SM2 runs on @zhengzhao/crypto-sm) holds and presents them in a
 * proximity session and over OpenID4VP, and the verifiers verify them.
 */
const node = createNodePlatform();
const web = createWebPlatform();
const transcript = createQrHandoverSessionTranscript(encodeCbor(new Map([[0, '1.0']])), encodeCbor(new Map([[1, 2]])));

let holder: TestHolder;
let shop: TestRelyingParty;
let verifier: TestVerifier;

beforeAll(async () => {
  holder = await createTestHolder(node, 'SM2');
  shop = await createTestRelyingParty({ platform: node, now: NOW, host: VERIFIER_HOST });
  verifier = await startTestVerifier(node, shop, holder.authority.trustSource, NOW);
});
afterAll(async () => {
  await verifier?.close();
});

describe('an SM2 province’s e-ID in the wallet', () => {
  it('is signed under SM2 certificates', () => {
    expect(holder.authority.suite).toBe('SM2');
    expect(holder.authority.documentSigner.certificate.signatureAlgorithm).toBe('SM2');
    expect(holder.deviceSigner.publicKey.suite).toBe('ES256');
  });

  it('the wallet checks what it received on the browser platform (SM2 in TypeScript)', async () => {
    for (const [format, credential, configuration] of [
      ['mso_mdoc', Buffer.from(holder.mdoc).toString('base64url'), { format: 'mso_mdoc', doctype: EID }],
      ['dc+sd-jwt', holder.sdJwt, { format: 'dc+sd-jwt', vct: EID }],
    ] as const) {
      const copy = await verifyReceivedCopy(web, format, credential, configuration as never, {
        deviceSigner: holder.deviceSigner,
        trust: holder.authority.trustSource,
        now: NOW,
      });
      expect(copy.type, format).toBe(EID);
      expect(copy.claims, format).toHaveProperty('family_name');
    }
  });

  it('presents the mdoc in a proximity session; the reader verifies the SM2 issuer signature and the P-256 device signature', async () => {
    const response = await buildProximityResponse(web, {
      request: {
        reader: { trusted: true },
        documents: [{ docType: EID, elements: { [EID]: [{ identifier: 'family_name', intentToRetain: false }] } }],
      },
      sessionTranscript: transcript,
      approval: {
        documents: [
          { issuerSigned: holder.mdoc, deviceSigner: holder.deviceSigner, elements: { [EID]: ['family_name'] } },
        ],
      },
    });
    const verification = await verifyDeviceResponse(node, response, {
      trust: holder.authority.trustSource,
      now: NOW,
      sessionTranscript: transcript,
    });
    expect(verification.valid).toBe(true);
    expect(verification.reports[0]?.issuer?.suite).toBe('SM2');
    expect(Object.keys(verification.reports[0]?.claims?.[EID] ?? {})).toEqual(['family_name']);
  });

  it('presents the SD-JWT VC over OpenID4VP; the website verifies it', async () => {
    const created = await verifier.createRequest({
      responseMode: 'direct_post',
      dcqlQuery: {
        credentials: [
          { id: 'eid', format: 'dc+sd-jwt', meta: { vct_values: [EID] }, claims: [{ path: ['age_over_18'] }] },
        ],
      },
    });
    const request = await readPresentationRequest({
      platform: web,
      input: created.link,
      trust: shop.trust,
      fetch: verifier.fetch,
      clock: () => NOW,
    });
    const matches = await matchCredentials({ platform: web, request, sdJwts: [holder.sdJwt] });
    expect(matches.satisfiable).toBe(true);
    const before = verifier.results.length;
    await respondToPresentationRequest({
      platform: web,
      request,
      selections: [{ queryId: 'eid', sdJwt: holder.sdJwt, deviceSigner: holder.deviceSigner, claims: ['age_over_18'] }],
      fetch: verifier.fetch,
      clock: () => NOW,
    });
    const received = verifier.results[before];
    if (received?.kind !== 'presentation') throw new Error('the website got no presentation');
    expect(received.reports.eid?.[0]?.valid).toBe(true);
    expect(received.reports.eid?.[0]?.issuer?.suite).toBe('SM2');
  });
});
