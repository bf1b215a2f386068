import {
  createRelyingPartyCertificate,
  createTrustListSource,
  encodeBase64url,
  isZzError,
  parseCertificate,
  parseRegisteredElements,
  parseTrustList,
  type RelyingPartyRegistration,
  readRelyingPartyRegistration,
  relyingPartyRegistrationExtension,
  signJwsCompact,
  TRUST_LIST_JWS_TYPE,
  type TrustList,
  verifyTrustList,
} from '@zhengzhao/core';
import { createTestNationalRegistry, TEST_ELEMENTS, type TestNationalRegistry } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';

const NOW = new Date('2026-06-01T08:00:00Z');
const HOUR = 3_600_000;

let registry: TestNationalRegistry;
beforeAll(async () => {
  registry = await createTestNationalRegistry({ now: NOW });
});

const sourceOf = async (list: TrustList) =>
  createTrustListSource(
    registry.platform,
    await verifyTrustList(registry.platform, await registry.jws(list), { roots: [registry.root.der], now: NOW }),
    [registry.root.der],
  );

/** The list as a verifier receives it (plain JSON), for hand edits the types would not allow. */
interface WireList {
  [member: string]: unknown;
  registration_profiles: unknown[];
  relying_parties: unknown[];
}
const wire = (list: TrustList = registry.list()) => JSON.parse(JSON.stringify(list)) as WireList;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : 'not a ZzError';
  }
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('parseTrustList: registration profiles and the relying parties that name them', () => {
  it('reads the profiles and the compact relying-party entries, dropping unknown members', () => {
    const payload = wire();
    const parties = payload.relying_parties as Record<string, unknown>[];
    // an entry of the former format still carrying its name, purpose and elements
    parties[0] = { ...parties[0], name: { 'zh-CN': '旧', en: 'old' }, elements: {}, extra: 1 };
    const list = parseTrustList(payload);
    expect(list.registration_profiles.map((profile) => profile.id)).toEqual(['hotel', 'netcafe']);
    expect(list.registration_profiles[1]?.elements).toEqual(TEST_ELEMENTS.netcafe);
    expect(list.relying_parties[0]).toEqual(registry.relyingParty('hotel').entry);
    expect(Object.keys(list.relying_parties[0] ?? {})).toEqual(['id', 'profile', 'certificates']);
  });

  it('refuses a relying party naming an unknown profile, or none', () => {
    for (const profile of ['bank', undefined, 42, '']) {
      const payload = wire();
      (payload.relying_parties[1] as Record<string, unknown>).profile = profile;
      expect(
        codeOf(() => parseTrustList(payload)),
        String(profile),
      ).toBe('ERR_TRUST_LIST_MALFORMED');
      expect(messageOf(() => parseTrustList(payload))).toContain('relying_parties[1].profile');
    }
  });

  it('refuses duplicate profile ids, a list without profiles, and malformed profiles', () => {
    const twice = wire();
    twice.registration_profiles.push({ ...(twice.registration_profiles[0] as object) });
    expect(messageOf(() => parseTrustList(twice))).toContain('registration_profiles lists hotel twice');

    const without = wire();
    delete (without as Record<string, unknown>).registration_profiles;
    expect(codeOf(() => parseTrustList(without))).toBe('ERR_TRUST_LIST_MALFORMED');

    const edits: [string, (profile: Record<string, unknown>) => void][] = [
      ['.id', (p) => (p.id = 'not an id')],
      ['.name', (p) => (p.name = { 'zh-CN': '旅馆' })],
      ['.purpose', (p) => (p.purpose = 'Guest registration')],
      ['.elements', (p) => (p.elements = ['family_name'])],
      ['.elements.cn.gov.eid.1.cn.gov.eid.1[0]', (p) => (p.elements = { 'cn.gov.eid.1': { 'cn.gov.eid.1': [''] } })],
    ];
    for (const [member, edit] of edits) {
      const payload = wire();
      edit(payload.registration_profiles[0] as Record<string, unknown>);
      expect(
        messageOf(() => parseTrustList(payload)),
        member,
      ).toContain(`registration_profiles[0]${member}`);
    }
  });

  it('refuses malformed relying-party members, naming the entry', () => {
    const edits: [string, (party: Record<string, unknown>) => void][] = [
      ['.id must be an identifier', (p) => (p.id = 'a b')],
      ['.certificates must be an array', (p) => (p.certificates = 'x')],
      ['.certificates[0] must be a base64url SHA-256', (p) => (p.certificates = ['too short'])],
      ['.certificates has more than 64 entries', (p) => (p.certificates = Array(65).fill('A'.repeat(43)))],
      ['.deregistered_at must be an RFC 3339', (p) => (p.deregistered_at = '2026-06-01')],
    ];
    for (const [problem, edit] of edits) {
      const payload = wire();
      edit(payload.relying_parties[1] as Record<string, unknown>);
      expect(
        messageOf(() => parseTrustList(payload)),
        problem,
      ).toContain(`relying_parties[1]${problem}`);
    }
    const notObject = wire();
    notObject.relying_parties[1] = ['netcafe'];
    expect(messageOf(() => parseTrustList(notObject))).toContain('relying_parties[1] must be an object');
    const twice = wire();
    twice.relying_parties.push({ ...(twice.relying_parties[0] as object) });
    expect(messageOf(() => parseTrustList(twice))).toContain('relying_parties lists hotel twice');
  });

  it('a profile’s `__proto__` key is refused, not turned into a prototype', () => {
    const asType = JSON.parse('{"__proto__": {"cn.gov.eid.1": ["family_name"]}}') as unknown;
    const asNamespace = JSON.parse('{"cn.gov.eid.1": {"__proto__": ["family_name"]}}') as unknown;
    expect(Object.hasOwn(asType as object, '__proto__')).toBe(true);
    for (const elements of [asType, asNamespace]) {
      expect(codeOf(() => parseRegisteredElements(elements, 'elements'))).toBe('ERR_TRUST_LIST_MALFORMED');
      const payload = wire();
      (payload.registration_profiles[0] as Record<string, unknown>).elements = elements;
      expect(messageOf(() => parseTrustList(payload))).toContain('registration_profiles[0].elements');
    }
    // other names of Object.prototype are plain own entries
    const parsed = parseRegisteredElements(JSON.parse('{"constructor": {"toString": ["x"]}}'), 'elements');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, 'constructor')).toBe(true);
    expect(parsed.constructor?.toString).toEqual(['x']);
  });

  it('a signed list with a `__proto__` profile is ERR_TRUST_LIST_MALFORMED after its signature verifies', async () => {
    const payload = wire();
    (payload.registration_profiles[0] as Record<string, unknown>).elements = JSON.parse(
      '{"__proto__": {"cn.gov.eid.1": ["family_name"]}}',
    );
    const signed = await signJwsCompact(
      registry.listSigner.signer,
      { typ: TRUST_LIST_JWS_TYPE, x5c: [Buffer.from(registry.listSigner.der).toString('base64')] },
      payload,
    );
    expect(signed.split('.')[1]).toBe(encodeBase64url(new TextEncoder().encode(JSON.stringify(payload))));
    await expect(
      verifyTrustList(registry.platform, signed, { roots: [registry.root.der], now: NOW }),
    ).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
  });

  it('signing refuses what a verifier would refuse: a party naming an unknown profile', async () => {
    const list = registry.list({ edit: (l) => l.registration_profiles.splice(1, 1) });
    await expect(registry.jws(list)).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
    await expect(registry.cose(list)).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
  });
});

describe('relyingPartyForCertificate: name from the certificate, purpose and elements from the profile', () => {
  it('the list’s profile is authoritative: a certificate claiming more gets the profile’s elements', async () => {
    const cafe = await registry.readerCertificate({
      id: 'cafe-2',
      profile: 'netcafe',
      elements: TEST_ELEMENTS.hotel ?? {},
    });
    const source = await sourceOf(
      registry.list({
        edit: (l) => l.relying_parties.push({ id: 'cafe-2', profile: 'netcafe', certificates: [await0(cafe.der)] }),
      }),
    );
    const party = await source.relyingPartyForCertificate(cafe.der, NOW);
    expect(party).toEqual({
      id: 'cafe-2',
      profile: 'netcafe',
      name: { 'zh-CN': '测试 cafe-2', en: 'Test cafe-2' },
      purpose: { 'zh-CN': '测试用途', en: 'Test purpose' },
      elements: TEST_ELEMENTS.netcafe,
    });
  });

  it('a profile changed in the list changes what every party under it may ask for, with no new certificate', async () => {
    const source = await sourceOf(
      registry.list({
        edit: (l) => {
          l.registration_profiles[1] = {
            ...l.registration_profiles[1]!,
            purpose: { 'zh-CN': '上网实名登记', en: 'Real-name check of users' },
            elements: { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['age_over_18'] } },
          };
        },
      }),
    );
    expect(await source.relyingPartyForCertificate(registry.relyingParty('netcafe').der, NOW)).toMatchObject({
      purpose: { en: 'Real-name check of users' },
      elements: { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['age_over_18'] } },
    });
  });

  it('refuses a certificate whose registration names another profile than the list', async () => {
    const moved = await registry.readerCertificate({
      id: 'cafe-3',
      profile: 'hotel',
      elements: TEST_ELEMENTS.hotel ?? {},
    });
    const source = await sourceOf(
      registry.list({
        edit: (l) => l.relying_parties.push({ id: 'cafe-3', profile: 'netcafe', certificates: [await0(moved.der)] }),
      }),
    );
    await expect(source.relyingPartyForCertificate(moved.der, NOW)).rejects.toMatchObject({
      code: 'ERR_READER_NOT_REGISTERED',
    });
    // de-registration is still told apart
    const gone = await sourceOf(
      registry.list({
        edit: (l) =>
          l.relying_parties.push({
            id: 'cafe-3',
            profile: 'netcafe',
            certificates: [await0(moved.der)],
            deregistered_at: new Date(NOW.getTime() - HOUR).toISOString(),
          }),
      }),
    );
    await expect(gone.relyingPartyForCertificate(moved.der, NOW)).rejects.toMatchObject({
      code: 'ERR_READER_DEREGISTERED',
    });
  });

  it('a hand-built list whose party names no profile fails closed (ERR_TRUST_LIST_MALFORMED)', async () => {
    const verified = await verifyTrustList(registry.platform, await registry.jws(registry.list()), {
      roots: [registry.root.der],
      now: NOW,
    });
    const broken = { ...verified, list: { ...verified.list, registration_profiles: [] } };
    const source = await createTrustListSource(registry.platform, broken, [registry.root.der]);
    await expect(source.relyingPartyForCertificate(registry.relyingParty('hotel').der, NOW)).rejects.toMatchObject({
      code: 'ERR_TRUST_LIST_MALFORMED',
    });
  });
});

describe('the registration extension carries the profile', () => {
  const registration: RelyingPartyRegistration = {
    id: 'hotel-1',
    name: { 'zh-CN': '测试旅馆', en: 'Test hotel' },
    profile: 'hotel',
    purpose: { 'zh-CN': '旅馆住宿登记', en: 'Hotel registration' },
    elements: TEST_ELEMENTS.hotel ?? {},
  };

  it('round-trips through a certificate', async () => {
    const signer = await registry.platform.suite('ES256').generateSigner();
    const der = await createRelyingPartyCertificate({
      platform: registry.platform,
      rootSigner: registry.root.signer,
      rootCertificate: registry.root.der,
      subjectPublicKey: signer.publicKey,
      subject: { country: 'CN', commonName: 'Test hotel' },
      notBefore: NOW,
      notAfter: new Date(NOW.getTime() + 24 * HOUR),
      registration,
    });
    expect(readRelyingPartyRegistration(parseCertificate(der))).toEqual(registration);
  });

  it('refuses a registration without a profile, or with a `__proto__` element map', () => {
    const { profile: _profile, ...withoutProfile } = registration;
    expect(codeOf(() => relyingPartyRegistrationExtension(withoutProfile as RelyingPartyRegistration))).toBe(
      'ERR_INPUT_INVALID',
    );
    expect(
      codeOf(() =>
        relyingPartyRegistrationExtension({ ...registration, profile: 'hotel chain' } as RelyingPartyRegistration),
      ),
    ).toBe('ERR_INPUT_INVALID');
    const proto = { ...registration, elements: JSON.parse('{"__proto__": {"x": ["y"]}}') };
    expect(codeOf(() => relyingPartyRegistrationExtension(proto))).toBe('ERR_TRUST_LIST_MALFORMED');
  });
});

/** The SHA-256 of a certificate inside the synchronous `edit` (platform.digest is synchronous on Node). */
function await0(der: Uint8Array): string {
  const digest = registry.platform.digest('SHA-256', der);
  if (!(digest instanceof Uint8Array)) throw new Error('expected a synchronous digest');
  return encodeBase64url(digest);
}
