/**
 * National trust registry (Zhengzhao issue 6 §7), in one run on one machine:
 * (a) SM2 against ES256 — catalog issuance (mdoc, SD-JWT VC) and issuer verification with each
 *     suite's own test authority, as ratios of ops/s, plus the raw signature verify ratio;
 * (b) the national trust list at full size — 34 provinces (each its own IACA and DS) and 10,000
 *     registered relying parties over 20 registration profiles — signed in both forms: its size, and the median time a counter
 *     spends to verify and index it on refresh (`verifyTrustList` + `createTrustListSource`),
 *     an absolute budget of 50 ms from the issue, printed beside a raw ES256 verify of this run.
 */
import {
  createTrustListSource,
  encodeBase64url,
  issueCatalogCredential,
  type Platform,
  type SuiteId,
  type TrustListAuthority,
  type TrustListRegistrationProfile,
  type TrustListRelyingParty,
  utf8Encode,
  verifyIssuerSigned,
  verifySdJwtVc,
  verifyTrustList,
  ZzError,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  createTestAuthority,
  createTestNationalRegistry,
  syntheticResidentClaims,
  type TestAuthority,
} from '@zhengzhao/test-kit';
import { compare, median, opsPerSecond, report } from './lib.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const DAY = 86_400_000;
const EID = 'cn.gov.eid.1';

export async function run(): Promise<void> {
  const platform = createNodePlatform();
  await suites(platform);
  await trustList(platform);
}

// (a) SM2 against ES256 ---------------------------------------------------------------------------

async function suites(platform: Platform): Promise<void> {
  const es256 = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
  const sm2 = await createTestAuthority({ platform, suite: 'SM2', now: NOW });
  const claims = syntheticResidentClaims();
  const issueWith = async (authority: TestAuthority, format: 'mdoc' | 'sd-jwt') => {
    // the holder's device key is of the authority's suite (it is only carried, never used here)
    const device = await platform.suite(authority.suite).generateSigner();
    return () =>
      issueCatalogCredential(platform, {
        format,
        signer: authority.documentSigner.signer,
        certificateChain: [authority.documentSigner.der],
        kid: authority.documentSigner.kid,
        typeId: EID,
        claims,
        deviceKey: device.publicKey,
        issuedAt: NOW,
        expiresAt: new Date(NOW.getTime() + 30 * DAY),
      });
  };
  const verifyWith = async (authority: TestAuthority, format: 'mdoc' | 'sd-jwt') => {
    const value = await (await issueWith(authority, format))();
    const trust = authority.trustSource;
    const verify =
      format === 'mdoc'
        ? () => verifyIssuerSigned(platform, value as Uint8Array, { trust, now: NOW, docType: EID })
        : () => verifySdJwtVc(platform, value as string, { trust, now: NOW, requireKeyBinding: false });
    const check = await verify();
    if (!check.valid) throw new ZzError('ERR_CRYPTO_OPERATION', `bench ${authority.suite} ${format} does not verify`);
    return verify;
  };

  for (const format of ['mdoc', 'sd-jwt'] as const) {
    const issue = await compare(await issueWith(sm2, format), await issueWith(es256, format));
    report(
      `SM2 ÷ ES256 ${format} issueCatalogCredential (${Math.round(issue.subject)} vs ${Math.round(issue.baseline)}/s)`,
      `${issue.ratio.toFixed(3)}×`,
      'report',
      undefined,
    );
    // the authority's trust source keeps validated chains: this is the verifier's steady state
    const verify = await compare(await verifyWith(sm2, format), await verifyWith(es256, format));
    report(
      `SM2 ÷ ES256 ${format === 'mdoc' ? 'verifyIssuerSigned' : 'verifySdJwtVc (no KB)'} (${Math.round(verify.subject)} vs ${Math.round(verify.baseline)}/s)`,
      `${verify.ratio.toFixed(3)}×`,
      '≥ 0.12×',
      verify.ratio >= 0.12,
    );
  }

  const data = utf8Encode('x'.repeat(300)); // about a COSE Sig_structure over an MSO digest
  const esSigner = await platform.suite('ES256').generateSigner();
  const smSigner = await platform.suite('SM2').generateSigner();
  const esSignature = await esSigner.sign(data);
  const smSignature = await smSigner.sign(data);
  const raw = await compare(
    () => platform.suite('SM2').verify(smSigner.publicKey.point, data, smSignature),
    () => platform.suite('ES256').verify(esSigner.publicKey.point, data, esSignature),
  );
  report(
    `SM2 ÷ ES256 raw platform verify (${Math.round(raw.subject)} vs ${Math.round(raw.baseline)}/s)`,
    `${raw.ratio.toFixed(3)}×`,
    '≥ 0.12×',
    raw.ratio >= 0.12,
  );
}

// (b) the national trust list at full size --------------------------------------------------------

/** GB/T 2260 province-level codes: 34 (including Taiwan, Hong Kong and Macao). */
const PROVINCES: readonly [code: string, en: string, zh: string][] = [
  ['11', 'Beijing', '北京市公安局'],
  ['12', 'Tianjin', '天津市公安局'],
  ['13', 'Hebei', '河北省公安厅'],
  ['14', 'Shanxi', '山西省公安厅'],
  ['15', 'Inner Mongolia', '内蒙古自治区公安厅'],
  ['21', 'Liaoning', '辽宁省公安厅'],
  ['22', 'Jilin', '吉林省公安厅'],
  ['23', 'Heilongjiang', '黑龙江省公安厅'],
  ['31', 'Shanghai', '上海市公安局'],
  ['32', 'Jiangsu', '江苏省公安厅'],
  ['33', 'Zhejiang', '浙江省公安厅'],
  ['34', 'Anhui', '安徽省公安厅'],
  ['35', 'Fujian', '福建省公安厅'],
  ['36', 'Jiangxi', '江西省公安厅'],
  ['37', 'Shandong', '山东省公安厅'],
  ['41', 'Henan', '河南省公安厅'],
  ['42', 'Hubei', '湖北省公安厅'],
  ['43', 'Hunan', '湖南省公安厅'],
  ['44', 'Guangdong', '广东省公安厅'],
  ['45', 'Guangxi', '广西壮族自治区公安厅'],
  ['46', 'Hainan', '海南省公安厅'],
  ['50', 'Chongqing', '重庆市公安局'],
  ['51', 'Sichuan', '四川省公安厅'],
  ['52', 'Guizhou', '贵州省公安厅'],
  ['53', 'Yunnan', '云南省公安厅'],
  ['54', 'Tibet', '西藏自治区公安厅'],
  ['61', 'Shaanxi', '陕西省公安厅'],
  ['62', 'Gansu', '甘肃省公安厅'],
  ['63', 'Qinghai', '青海省公安厅'],
  ['64', 'Ningxia', '宁夏回族自治区公安厅'],
  ['65', 'Xinjiang', '新疆维吾尔自治区公安厅'],
  ['71', 'Taiwan', '台湾省公安厅'],
  ['81', 'Hong Kong', '香港特别行政区入境事务处'],
  ['82', 'Macao', '澳门特别行政区身份证明局'],
];

/** ~20 registration profiles a national registry would hold, each with its element set. */
const PROFILES: readonly [
  id: string,
  zh: string,
  en: string,
  purposeZh: string,
  purposeEn: string,
  elements: string,
][] = [
  [
    'hotel',
    '旅馆住宿登记',
    'Hotel registration',
    '按治安管理规定登记入住旅客',
    'Guest registration under the public security regulations',
    'full_name sex ethnicity birth_date resident_address id_number issuing_authority expiry_date',
  ],
  [
    'hotel-portrait',
    '旅馆住宿登记（人像比对）',
    'Hotel registration with face check',
    '登记入住旅客并比对人像',
    'Guest registration with a face comparison',
    'full_name sex ethnicity birth_date resident_address id_number issuing_authority expiry_date portrait_thumb',
  ],
  [
    'netcafe',
    '网吧实名上网',
    'Internet café real-name check',
    '上网人员实名登记与年龄核验',
    'Real-name check and age verification of users',
    'full_name id_number expiry_date age_over_18',
  ],
  [
    'gov-login',
    '政务服务登录',
    'Government services login',
    '政务服务实名登录',
    'Log in to government services with your real name',
    'full_name id_number expiry_date',
  ],
  [
    'station',
    '铁路进站核验',
    'Railway station gate check',
    '进站验票验证',
    'Ticket and identity check at the gate',
    'full_name id_number expiry_date portrait_thumb',
  ],
  [
    'airport',
    '机场安检',
    'Airport security check',
    '乘机人身份核验',
    'Identity check of passengers',
    'full_name id_number expiry_date portrait',
  ],
  [
    'bank',
    '银行开户',
    'Bank account opening',
    '开户客户身份识别',
    'Customer due diligence when opening an account',
    'full_name sex ethnicity birth_date resident_address id_number issuing_authority issue_date expiry_date portrait',
  ],
  [
    'telecom',
    '电话号码实名登记',
    'Phone number registration',
    '电话号码实名登记',
    'Real-name registration of a phone number',
    'full_name id_number resident_address expiry_date portrait_thumb',
  ],
  [
    'pharmacy',
    '特殊药品销售',
    'Controlled medicines',
    '特殊药品销售登记',
    'Sale of controlled medicines',
    'full_name id_number age_over_18',
  ],
  [
    'tobacco',
    '烟酒销售年龄核验',
    'Tobacco and alcohol age check',
    '核验购买人已满十八周岁',
    'Check that the buyer is 18 or over',
    'age_over_18',
  ],
  [
    'hospital',
    '医院挂号',
    'Hospital registration',
    '就诊实名登记',
    'Patient registration',
    'full_name sex birth_date id_number',
  ],
  [
    'school',
    '学校入学登记',
    'School enrolment',
    '学生入学身份核验',
    'Identity check at enrolment',
    'full_name sex birth_date id_number resident_address',
  ],
  [
    'post',
    '寄递实名',
    'Parcel sender registration',
    '寄件人实名登记',
    'Real-name registration of senders',
    'full_name id_number',
  ],
  [
    'car-rental',
    '汽车租赁',
    'Car rental',
    '承租人身份核验',
    'Identity check of renters',
    'full_name id_number resident_address expiry_date age_over_18',
  ],
  [
    'pawn',
    '典当登记',
    'Pawnbroker registration',
    '当户身份登记',
    'Registration of pawn customers',
    'full_name sex id_number resident_address expiry_date',
  ],
  [
    'second-hand',
    '旧货收购登记',
    'Second-hand dealer registration',
    '出售人身份登记',
    'Registration of sellers',
    'full_name id_number resident_address',
  ],
  [
    'venue',
    '大型活动入场',
    'Event entry',
    '实名制入场核验',
    'Named-ticket check at entry',
    'full_name id_number portrait_thumb',
  ],
  [
    'age-16',
    '未成年人保护（16岁）',
    'Age check (16)',
    '核验已满十六周岁',
    'Check that the person is 16 or over',
    'age_over_16',
  ],
  [
    'senior',
    '老年人优待',
    'Senior benefits',
    '核验已满六十周岁',
    'Check that the person is 60 or over',
    'full_name age_over_60',
  ],
  [
    'court',
    '法院立案',
    'Court filing',
    '当事人身份核验',
    'Identity check of parties',
    'full_name sex birth_date id_number resident_address issuing_authority',
  ],
];

/** A small deterministic generator (mulberry32), so every run builds the same list. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds and signs the full-size list (exported for profiling with `node --cpu-prof`). */
export async function buildNationalTrustList(platform: Platform) {
  const registry = await createTestNationalRegistry({ now: NOW, platform });
  const roots = [registry.root.der];

  // 34 real authorities (fresh IACA + DS each); every third on SM2.
  const started = performance.now();
  const authorities: TrustListAuthority[] = [];
  const issuers: TestAuthority[] = [];
  for (const [i, [code, en, zh]] of PROVINCES.entries()) {
    const suite: SuiteId = i % 3 === 0 ? 'SM2' : 'ES256';
    const authority = await createTestAuthority({
      platform,
      suite,
      now: NOW,
      name: `${en} Public Security`,
      province: en,
    });
    issuers.push(authority);
    authorities.push({
      id: `cn-${code}-gat`,
      name: { 'zh-CN': zh, en: `${en} Public Security` },
      kind: 'public_security',
      region: code,
      suite,
      iaca: [authority.root.pem],
      document_signers: [authority.documentSigner.pem],
      credential_types: [EID],
      status_lists: [`https://status.${code}.gov.example.cn/eid/`],
    });
  }
  const authoritiesMs = performance.now() - started;

  // 10,000 relying parties over the ~20 profiles, one certificate hash each; #4242 holds a real
  // reader certificate.
  const profiles: TrustListRegistrationProfile[] = PROFILES.map(([id, zh, en, purposeZh, purposeEn, elements]) => ({
    id,
    name: { 'zh-CN': zh, en },
    purpose: { 'zh-CN': purposeZh, en: purposeEn },
    elements: { [EID]: { [EID]: elements.split(' ') } },
  }));
  const random = prng(20260601);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const reader = { id: '', der: new Uint8Array(0) };
  const parties: TrustListRelyingParty[] = [];
  for (let i = 0; i < 10_000; i++) {
    const profile = pick(profiles);
    const [code] = pick(PROVINCES);
    const id = `cn-${code}-${profile.id}-${String(i).padStart(5, '0')}`;
    let hash: Uint8Array;
    if (i === 4242) {
      const certificate = await registry.readerCertificate({ id, profile: profile.id, elements: profile.elements });
      Object.assign(reader, { id, der: certificate.der });
      hash = await platform.digest('SHA-256', certificate.der);
    } else {
      hash = platform.randomBytes(32);
    }
    parties.push({ id, profile: profile.id, certificates: [encodeBase64url(hash)] });
  }
  const list = registry.list({
    sequence: 42,
    edit: (draft) => {
      draft.authorities = authorities;
      draft.registration_profiles = profiles;
      draft.relying_parties = parties;
    },
  });
  const forms = { jws: await registry.jws(list), cose: await registry.cose(list) };
  /** What a counter does on refresh, timed in its two steps. */
  const refresh = async (signed: string | Uint8Array) => {
    const start = performance.now();
    const verified = await verifyTrustList(platform, signed, { roots, now: NOW, minSequence: 41 });
    const verifiedAt = performance.now();
    const source = await createTrustListSource(platform, verified, roots);
    const end = performance.now();
    return { source, verifyMs: verifiedAt - start, indexMs: end - verifiedAt, ms: end - start };
  };
  return { registry, list, forms, reader, issuers, refresh, authoritiesMs };
}

async function trustList(platform: Platform): Promise<void> {
  const { forms, reader, issuers, refresh, authoritiesMs } = await buildNationalTrustList(platform);
  const sm2Count = issuers.filter((issuer) => issuer.suite === 'SM2').length;
  report(
    `setup: 34 test authorities, ${sm2Count} on SM2 (ms to create)`,
    authoritiesMs.toFixed(0),
    'report',
    undefined,
  );

  // Raw ES256 verify of this run, for context: the budget below is absolute, not a ratio.
  const data = utf8Encode('x'.repeat(300));
  const signer = await platform.suite('ES256').generateSigner();
  const signature = await signer.sign(data);
  const es256 = () => platform.suite('ES256').verify(signer.publicKey.point, data, signature);
  const es256PerSecond = await opsPerSecond(es256);
  report(
    'context: raw platform ES256 verify in this run',
    `${(1e6 / es256PerSecond).toFixed(1)} µs`,
    'report',
    undefined,
  );

  for (const [form, signed] of Object.entries(forms)) {
    const bytes = typeof signed === 'string' ? utf8Encode(signed).length : signed.length;
    report(
      `trust list ${form}, 34 authorities + ${PROFILES.length} profiles + 10,000 RPs (bytes)`,
      String(bytes),
      'report',
      undefined,
    );
  }

  // Cold: the first refresh of the process parses every listed certificate (later refreshes
  // naming the same authorities reuse them). One sample, so only indicative.
  const cold = await refresh(forms.jws);
  report(
    'trust list jws: first verify + index in the process (cold, 1 sample)',
    `${cold.ms.toFixed(1)} ms`,
    'report',
    undefined,
  );

  // Correctness before timing: every suite's credential verifies through the indexed list.
  const { source } = cold;
  if (
    source.list.relying_parties.length !== 10_000 ||
    source.list.authorities.length !== 34 ||
    source.list.registration_profiles.length !== PROFILES.length
  ) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'bench trust list did not round-trip');
  }
  for (const issuer of [issuers[0], issuers[1]] as TestAuthority[]) {
    const device = await platform.suite('ES256').generateSigner();
    const mdoc = await issueCatalogCredential(platform, {
      format: 'mdoc',
      signer: issuer.documentSigner.signer,
      certificateChain: [issuer.documentSigner.der],
      kid: issuer.documentSigner.kid,
      typeId: EID,
      claims: syntheticResidentClaims(),
      deviceKey: device.publicKey,
      issuedAt: NOW,
      expiresAt: new Date(NOW.getTime() + 30 * DAY),
    });
    const check = await verifyIssuerSigned(platform, mdoc as Uint8Array, { trust: source, now: NOW, docType: EID });
    if (!check.valid) throw new ZzError('ERR_CRYPTO_OPERATION', `bench ${issuer.suite} mdoc not trusted via the list`);
  }

  // Warm: the steady state of a counter refreshing a list, both forms interleaved.
  const timings: Record<string, { ms: number[]; verifyMs: number[]; indexMs: number[] }> = {};
  for (const form of Object.keys(forms)) timings[form] = { ms: [], verifyMs: [], indexMs: [] };
  for (let round = 0; round < 18; round++) {
    for (const [form, signed] of Object.entries(forms)) {
      const timing = await refresh(signed);
      if (round < 3) continue; // warm-up
      const into = timings[form] as { ms: number[]; verifyMs: number[]; indexMs: number[] };
      into.ms.push(timing.ms);
      into.verifyMs.push(timing.verifyMs);
      into.indexMs.push(timing.indexMs);
    }
  }
  for (const [form, t] of Object.entries(timings)) {
    const ms = median(t.ms);
    report(
      `trust list ${form}: verify + index, median of 15 (verify ${median(t.verifyMs).toFixed(0)} + index ${median(t.indexMs).toFixed(0)})`,
      `${ms.toFixed(1)} ms`,
      '≤ 50 ms',
      ms <= 50,
    );
    report(
      `trust list ${form}: the same in raw ES256 verifies of this run`,
      `${Math.round((ms * es256PerSecond) / 1000)}×`,
      'report',
      undefined,
    );
  }

  // Lookup on the indexed list: a reader certificate to its registration.
  const party = await source.relyingPartyForCertificate(reader.der, NOW);
  if (party.id !== reader.id || source.registrationProfile(party.profile)?.elements !== party.elements) {
    throw new ZzError('ERR_CRYPTO_OPERATION', 'bench reader lookup found another party');
  }
  const lookup = await compare(() => source.relyingPartyForCertificate(reader.der, NOW), es256);
  report(
    `relyingPartyForCertificate ÷ raw ES256 verify (${(1e6 / lookup.subject).toFixed(0)} µs/lookup)`,
    `${lookup.ratio.toFixed(3)}×`,
    'report',
    undefined,
  );
}
