import {
  CREDENTIAL_CATALOG,
  createNationalRootCertificate,
  createRelyingPartyCertificate,
  createTrustListSignerCertificate,
  type ExportableSigner,
  encodeBase64url,
  encodeCertificatePem,
  type Platform,
  parseCertificate,
  type RegisteredElements,
  type SuiteId,
  signTrustListCose,
  signTrustListJws,
  type TrustList,
  type TrustListAuthority,
  type TrustListRegistrationProfile,
  type TrustListRelyingParty,
  trustListCredentialType,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, type TestAuthority } from './create-test-authority.js';

const DAY = 24 * 60 * 60 * 1000;

/** One province of the test registry: its authority (IACA + DS) and its trust-list entry. */
export interface TestProvince {
  readonly code: string;
  readonly authority: TestAuthority;
  readonly entry: TrustListAuthority;
}

/** A relying party of the test registry: its reader certificate, key and trust-list entry. */
export interface TestRelyingParty {
  readonly id: string;
  readonly signer: ExportableSigner;
  readonly der: Uint8Array;
  readonly entry: TrustListRelyingParty;
}

export interface TestNationalRegistry {
  readonly platform: Platform;
  readonly root: { readonly signer: ExportableSigner; readonly der: Uint8Array; readonly pem: string };
  readonly listSigner: { readonly signer: ExportableSigner; readonly der: Uint8Array };
  /** Guangdong (44, ES256), Zhejiang (33, ES256), Beijing (11, SM2). */
  readonly provinces: readonly TestProvince[];
  readonly province: (code: string) => TestProvince;
  /** Registration profiles `hotel` (name, ID number, address…) and `netcafe` (name and validity only). */
  readonly registrationProfiles: readonly TrustListRegistrationProfile[];
  /** `hotel` and `netcafe`, each registered under the profile of the same id. */
  readonly relyingParties: readonly TestRelyingParty[];
  readonly relyingParty: (id: string) => TestRelyingParty;
  /** The list at `sequence` (default 1), `edit` applied to a fresh copy. */
  list(options?: { sequence?: number; edit?: (list: MutableTrustList) => void }): TrustList;
  jws(list: TrustList): Promise<string>;
  cose(list: TrustList): Promise<Uint8Array>;
  /**
   * Issues another reader certificate for a registration (it is in the list only if added there);
   * `profile` defaults to `id`.
   */
  readerCertificate(registration: TestRegistration): Promise<{ signer: ExportableSigner; der: Uint8Array }>;
}

/** What a test reader certificate's registration extension says. */
export interface TestRegistration {
  readonly id: string;
  /** Registration profile id (default: `id`). */
  readonly profile?: string;
  readonly elements: RegisteredElements;
  readonly dnsNames?: readonly string[];
}

export type MutableTrustList = {
  -readonly [K in keyof TrustList]: TrustList[K] extends readonly (infer E)[] ? E[] : TrustList[K];
};

export const TEST_ELEMENTS: Readonly<Record<string, RegisteredElements>> = {
  hotel: {
    'cn.gov.eid.1': {
      'cn.gov.eid.1': [
        'family_name',
        'given_name',
        'id_number',
        'sex',
        'birth_date',
        'resident_address',
        'expiry_date',
      ],
    },
  },
  netcafe: { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['family_name', 'given_name', 'expiry_date', 'age_over_18'] } },
};

/** The registration profiles of the test registry, with {@link TEST_ELEMENTS}. */
export const TEST_REGISTRATION_PROFILES: readonly TrustListRegistrationProfile[] = [
  {
    id: 'hotel',
    name: { 'zh-CN': '旅馆住宿登记', en: 'Hotel registration' },
    purpose: { 'zh-CN': '测试用途', en: 'Test purpose' },
    elements: TEST_ELEMENTS.hotel as RegisteredElements,
  },
  {
    id: 'netcafe',
    name: { 'zh-CN': '网吧实名上网', en: 'Internet café real-name check' },
    purpose: { 'zh-CN': '测试用途', en: 'Test purpose' },
    elements: TEST_ELEMENTS.netcafe as RegisteredElements,
  },
];

const PROVINCES: readonly { code: string; suite: SuiteId; en: string; zh: string }[] = [
  { code: '44', suite: 'ES256', en: 'Guangdong', zh: '广东省公安厅' },
  { code: '33', suite: 'ES256', en: 'Zhejiang', zh: '浙江省公安厅' },
  { code: '11', suite: 'SM2', en: 'Beijing', zh: '北京市公安局' },
];

/**
 * A national trust registry for tests: an ES256 national root, its trust-list signer, three
 * provinces (one on SM2) enrolled for `cn.gov.eid.1`, two registration profiles, and two
 * registered relying parties with reader certificates carrying their registration. Everything is fresh and in memory.
 */
export async function createTestNationalRegistry(options: {
  now: Date;
  platform?: Platform;
}): Promise<TestNationalRegistry> {
  const platform = options.platform ?? createNodePlatform();
  const { now } = options;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const es256 = platform.suite('ES256');
  const rootSigner = await es256.generateSigner();
  const rootDer = await createNationalRootCertificate({
    platform,
    signer: rootSigner,
    subject: { country: 'CN', organization: 'Zhengzhao Test National Registry', commonName: 'Test National Root' },
    notBefore: at(-1),
    notAfter: at(3650),
  });
  const root = parseCertificate(rootDer);
  const underRoot = async (commonName: string, signer: ExportableSigner) => ({
    platform,
    rootSigner,
    rootCertificate: root,
    subjectPublicKey: signer.publicKey,
    subject: { country: 'CN', organization: 'Zhengzhao Test National Registry', commonName },
    notBefore: at(-1),
    notAfter: at(365),
  });
  const listSignerKey = await es256.generateSigner();
  const listSignerDer = await createTrustListSignerCertificate(await underRoot('Trust list signer', listSignerKey));

  const provinces: TestProvince[] = [];
  for (const p of PROVINCES) {
    const authority = await createTestAuthority({
      platform,
      suite: p.suite,
      now,
      name: `${p.en} Public Security`,
      province: p.en,
    });
    provinces.push({
      code: p.code,
      authority,
      entry: {
        id: `cn-${p.code}-gat`,
        name: { 'zh-CN': p.zh, en: `${p.en} Public Security` },
        kind: 'public_security',
        region: p.code,
        suite: p.suite,
        iaca: [authority.root.pem],
        document_signers: [authority.documentSigner.pem],
        credential_types: ['cn.gov.eid.1'],
        status_lists: [`https://status.${p.code}.example.cn/`],
      },
    });
  }

  const readerCertificate = async (registration: TestRegistration) => {
    const signer = await es256.generateSigner();
    const der = await createRelyingPartyCertificate({
      ...(await underRoot(`RP ${registration.id}`, signer)),
      ...(registration.dnsNames && { dnsNames: registration.dnsNames }),
      registration: {
        id: registration.id,
        name: { 'zh-CN': `测试 ${registration.id}`, en: `Test ${registration.id}` },
        profile: registration.profile ?? registration.id,
        purpose: { 'zh-CN': '测试用途', en: 'Test purpose' },
        elements: registration.elements,
      },
    });
    return { signer, der };
  };
  const relyingParties: TestRelyingParty[] = [];
  for (const id of ['hotel', 'netcafe']) {
    const elements = TEST_ELEMENTS[id] as RegisteredElements;
    const { signer, der } = await readerCertificate({ id, elements });
    relyingParties.push({
      id,
      signer,
      der,
      entry: { id, profile: id, certificates: [encodeBase64url(await platform.digest('SHA-256', der))] },
    });
  }

  const eid = CREDENTIAL_CATALOG.get('cn.gov.eid.1');
  if (!eid) throw new Error('catalog has no cn.gov.eid.1');
  const list = (o: { sequence?: number; edit?: (list: MutableTrustList) => void } = {}): TrustList => {
    const draft: MutableTrustList = structuredClone({
      version: 1,
      sequence: o.sequence ?? 1,
      issued_at: now.toISOString(),
      expires_at: at(7).toISOString(),
      authorities: provinces.map((p) => p.entry),
      credential_types: [trustListCredentialType(eid, ['public_security'])],
      registration_profiles: TEST_REGISTRATION_PROFILES,
      relying_parties: relyingParties.map((r) => r.entry),
    }) as MutableTrustList;
    o.edit?.(draft);
    return draft as TrustList;
  };
  const signing = { signer: listSignerKey, certificateChain: [listSignerDer] };
  const byCode = (code: string) => {
    const found = provinces.find((p) => p.code === code);
    if (!found) throw new Error(`no province ${code}`);
    return found;
  };
  return {
    platform,
    root: { signer: rootSigner, der: rootDer, pem: encodeCertificatePem(rootDer) },
    listSigner: { signer: listSignerKey, der: listSignerDer },
    provinces,
    province: byCode,
    registrationProfiles: TEST_REGISTRATION_PROFILES,
    relyingParties,
    relyingParty: (id) => {
      const found = relyingParties.find((r) => r.id === id);
      if (!found) throw new Error(`no relying party ${id}`);
      return found;
    },
    list,
    jws: (l) => signTrustListJws(l, signing),
    cose: (l) => signTrustListCose(l, signing),
    readerCertificate,
  };
}
