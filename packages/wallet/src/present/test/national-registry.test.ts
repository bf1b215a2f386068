import {
  createDeviceRequest,
  createQrHandoverSessionTranscript,
  createTrustListSource,
  type ExportableSigner,
  encodeBase64url,
  encodeCbor,
  type TrustList,
  type TrustListSource,
  verifyTrustList,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestNationalRegistry, TEST_ELEMENTS, type TestNationalRegistry } from '@zhengzhao/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPresentationRequest } from '../oid4vp/read-presentation-request.js';
import { readProximityRequest } from '../proximity/read-proximity-request.js';
import { EID, NOW } from './holder-fixtures.js';
import type { TestRelyingParty } from './relying-party.js';
import { startTestVerifier, type TestVerifier, VERIFIER_HOST } from './test-verifier.js';

const platform = createNodePlatform();
const transcript = createQrHandoverSessionTranscript(encodeCbor(new Map([[0, '1.0']])), encodeCbor(new Map([[1, 2]])));
const HOUR = 3_600_000;

let registry: TestNationalRegistry;
let website: TestRelyingParty;
let verifier: TestVerifier;
let baseList: TrustList;

async function sourceOf(list: TrustList): Promise<TrustListSource> {
  const verified = await verifyTrustList(platform, await registry.jws(list), { roots: [registry.root.der], now: NOW });
  return createTrustListSource(platform, verified, [registry.root.der]);
}

beforeAll(async () => {
  registry = await createTestNationalRegistry({ now: NOW, platform });
  const access = await registry.readerCertificate({
    id: 'gov-portal',
    profile: 'gov-login',
    elements: TEST_ELEMENTS.netcafe ?? {},
    dnsNames: [VERIFIER_HOST],
  });
  baseList = registry.list({
    edit: (l) => {
      l.registration_profiles.push({
        id: 'gov-login',
        name: { 'zh-CN': '政务服务登录', en: 'Government services login' },
        purpose: { 'zh-CN': '实名登录', en: 'Log in with your real name' },
        elements: TEST_ELEMENTS.netcafe ?? {},
      });
      l.relying_parties.push({
        id: 'gov-portal',
        profile: 'gov-login',
        certificates: [encodeBase64url(await0(platform.digest('SHA-256', access.der)))],
      });
    },
  });
  const source = await sourceOf(baseList);
  website = { signer: access.signer, chain: [access.der], rootDer: registry.root.der, trust: source.readerTrust };
  verifier = await startTestVerifier(platform, website, source, NOW);
});
afterAll(async () => {
  await verifier?.close();
});

/** platform.digest is synchronous on Node: unwrap it inside the synchronous `edit`. */
function await0(value: Uint8Array | Promise<Uint8Array>): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error('expected a synchronous digest');
}

const deviceRequestFrom = (id: 'hotel' | 'netcafe', elements: string[]) => {
  const party = registry.relyingParty(id);
  return createDeviceRequest({
    docType: EID,
    nameSpaces: { [EID]: Object.fromEntries(elements.map((e) => [e, false])) },
    sessionTranscript: transcript,
    readerSigner: party.signer,
    readerCertificateChain: [party.der],
  });
};

describe('the wallet checks readers against the national trust list', () => {
  it('a registered reader asking within its registration is trusted and shows its registered purpose', async () => {
    const source = await sourceOf(baseList);
    const read = await readProximityRequest(
      platform,
      await deviceRequestFrom('netcafe', ['family_name', 'expiry_date']),
      {
        sessionTranscript: transcript,
        trust: source.readerTrust,
        relyingParties: source,
        now: NOW,
      },
    );
    expect(read.reader.trusted).toBe(true);
    expect(read.reader.registration).toMatchObject({
      id: 'netcafe',
      profile: 'netcafe',
      name: { 'zh-CN': '测试 netcafe', en: 'Test netcafe' },
    });
    expect(read.reader.purpose).toBe('测试用途');
  });

  it('an internet café asking for the address is refused (ERR_READER_SCOPE), naming what is beyond', async () => {
    const source = await sourceOf(baseList);
    const read = await readProximityRequest(
      platform,
      await deviceRequestFrom('netcafe', ['family_name', 'resident_address']),
      { sessionTranscript: transcript, trust: source.readerTrust, relyingParties: source, now: NOW },
    );
    expect(read.reader.trusted).toBe(false);
    expect(read.reader.errorCode).toBe('ERR_READER_SCOPE');
    expect(read.reader.beyondRegistration).toEqual([{ docType: EID, namespace: EID, identifier: 'resident_address' }]);
    // the hotel is registered for the address
    const hotel = await readProximityRequest(platform, await deviceRequestFrom('hotel', ['resident_address']), {
      sessionTranscript: transcript,
      trust: source.readerTrust,
      relyingParties: source,
      now: NOW,
    });
    expect(hotel.reader.trusted).toBe(true);
  });

  it('a de-registered reader, and a reader certificate the list does not name, are refused', async () => {
    const deregistered = await sourceOf(
      registry.list({
        edit: (l) =>
          (l.relying_parties[1] = {
            ...l.relying_parties[1]!,
            deregistered_at: new Date(NOW.getTime() - HOUR).toISOString(),
          }),
      }),
    );
    const read = await readProximityRequest(platform, await deviceRequestFrom('netcafe', ['family_name']), {
      sessionTranscript: transcript,
      trust: deregistered.readerTrust,
      relyingParties: deregistered,
      now: NOW,
    });
    expect(read.reader).toMatchObject({ trusted: false, errorCode: 'ERR_READER_DEREGISTERED' });
    const withoutHotel = await sourceOf(registry.list({ edit: (l) => l.relying_parties.splice(0, 1) }));
    const hotel = await readProximityRequest(platform, await deviceRequestFrom('hotel', ['family_name']), {
      sessionTranscript: transcript,
      trust: withoutHotel.readerTrust,
      relyingParties: withoutHotel,
      now: NOW,
    });
    expect(hotel.reader).toMatchObject({ trusted: false, errorCode: 'ERR_READER_NOT_REGISTERED' });
  });

  it('the list’s profile, not the certificate’s copy, decides the scope; a certificate of another profile is refused', async () => {
    // the certificate claims the hotel's elements, the list registers it as an internet café
    const claimsMore = await registry.readerCertificate({
      id: 'cafe-2',
      profile: 'netcafe',
      elements: TEST_ELEMENTS.hotel ?? {},
    });
    // the certificate names the hotel profile, the list the internet café one
    const otherProfile = await registry.readerCertificate({
      id: 'cafe-3',
      profile: 'hotel',
      elements: TEST_ELEMENTS.hotel ?? {},
    });
    const hash = (der: Uint8Array) => encodeBase64url(await0(platform.digest('SHA-256', der)));
    const source = await sourceOf(
      registry.list({
        edit: (l) =>
          l.relying_parties.push(
            { id: 'cafe-2', profile: 'netcafe', certificates: [hash(claimsMore.der)] },
            { id: 'cafe-3', profile: 'netcafe', certificates: [hash(otherProfile.der)] },
          ),
      }),
    );
    const ask = async (reader: { signer: ExportableSigner; der: Uint8Array }, elements: string[]) =>
      readProximityRequest(
        platform,
        await createDeviceRequest({
          docType: EID,
          nameSpaces: { [EID]: Object.fromEntries(elements.map((e) => [e, false])) },
          sessionTranscript: transcript,
          readerSigner: reader.signer,
          readerCertificateChain: [reader.der],
        }),
        { sessionTranscript: transcript, trust: source.readerTrust, relyingParties: source, now: NOW },
      );
    const beyond = await ask(claimsMore, ['family_name', 'resident_address']);
    expect(beyond.reader).toMatchObject({ trusted: false, errorCode: 'ERR_READER_SCOPE' });
    const within = await ask(claimsMore, ['family_name']);
    expect(within.reader.registration).toMatchObject({
      id: 'cafe-2',
      profile: 'netcafe',
      elements: TEST_ELEMENTS.netcafe,
    });
    const refused = await ask(otherProfile, ['family_name']);
    expect(refused.reader).toMatchObject({ trusted: false, errorCode: 'ERR_READER_NOT_REGISTERED' });
  });

  it('OpenID4VP: a registered website within scope is shown with its registration; beyond scope or de-registered it is refused', async () => {
    const source = await sourceOf(baseList);
    const read = (link: string, directory = source) =>
      readPresentationRequest({
        platform,
        input: link,
        trust: directory.readerTrust,
        relyingParties: directory,
        fetch: verifier.fetch,
        clock: () => NOW,
      });
    const query = (claims: string[]) => ({
      credentials: [
        { id: 'eid', format: 'dc+sd-jwt', meta: { vct_values: [EID] }, claims: claims.map((c) => ({ path: [c] })) },
      ],
    });
    const within = await verifier.createRequest({ responseMode: 'direct_post', dcqlQuery: query(['family_name']) });
    const request = await read(within.link);
    expect(request.verifier.registration).toMatchObject({
      id: 'gov-portal',
      profile: 'gov-login',
      name: { 'zh-CN': '测试 gov-portal', en: 'Test gov-portal' },
      purpose: { 'zh-CN': '实名登录', en: 'Log in with your real name' },
    });
    const beyond = await verifier.createRequest({ responseMode: 'direct_post', dcqlQuery: query(['id_number']) });
    await expect(read(beyond.link)).rejects.toMatchObject({ code: 'ERR_READER_SCOPE' });
    const gone = await sourceOf(
      registry.list({
        edit: (l) => {
          const portal = baseList.relying_parties.find((p) => p.id === 'gov-portal');
          const login = baseList.registration_profiles.find((p) => p.id === 'gov-login');
          if (portal && login) {
            l.registration_profiles.push(login);
            l.relying_parties.push({ ...portal, deregistered_at: new Date(NOW.getTime() - 1000).toISOString() });
          }
        },
      }),
    );
    const again = await verifier.createRequest({ responseMode: 'direct_post', dcqlQuery: query(['family_name']) });
    await expect(read(again.link, gone)).rejects.toMatchObject({ code: 'ERR_READER_DEREGISTERED' });
  });
});
