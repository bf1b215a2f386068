import { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type EcPrivateJwk, RESIDENT_ID_TYPE_ID, SOCIAL_SECURITY_CARD_TYPE_ID, ZzError } from '@zhengzhao/core';
import { writeFileAtomic } from '@zhengzhao/server-kit';
import { readJsonFile } from '../io.js';
import type { RunningNationalRegistry } from './start-national-registry.js';

/** One relying party of the demo: its id, certificate chain (leaf first, PEM) and private key. */
export interface DemoRelyingParty {
  readonly id: string;
  readonly organisation: { readonly 'zh-CN': string; readonly en: string };
  readonly certificateChainPem: readonly string[];
  readonly privateKeyJwk: EcPrivateJwk;
}

/**
 * The two relying parties `zz start` runs, registered with the national trust registry: the
 * counter app of a hotel front desk (an ISO 18013-5 reader certificate) and the government-service
 * website (an OpenID4VP access certificate, `x509_san_dns:localhost`). Their certificates are
 * issued by the national root and carry their registration; wallets trust them through the
 * trust list (`rootPem` is the national root).
 */
export interface DemoRelyingParties {
  readonly rootPem: string;
  readonly counter: DemoRelyingParty;
  readonly website: DemoRelyingParty;
  /** A bank that asks for licences through the sharing service (文件调用), with the holder's consent. */
  readonly bank: DemoRelyingParty;
}

const EID = RESIDENT_ID_TYPE_ID;
const SSCARD = SOCIAL_SECURITY_CARD_TYPE_ID;

/** Registration profiles of the demo parties (what each may ask for). */
const DEMO_PROFILES = {
  'demo-front-desk': {
    name: { 'zh-CN': '综合服务窗口（演示）', en: 'Service counter (demo)' },
    purpose: {
      'zh-CN': '旅馆住宿登记、乘车及寄递实名登记、年龄核验',
      en: 'Hotel registration, real-name registers for travel and parcels, age checks',
    },
    elements: {
      [EID]: {
        [EID]: [
          'family_name',
          'given_name',
          'full_name',
          'sex',
          'ethnicity',
          'birth_date',
          'resident_address',
          'id_number',
          'issuing_authority',
          'expiry_date',
          'age_over_18',
          'portrait',
          'portrait_thumb',
        ],
      },
      // hospitals check the social security card at registration (就医挂号)
      [SSCARD]: { [SSCARD]: ['full_name', 'social_security_number', 'document_number', 'expiry_date', 'portrait'] },
    },
  },
  'demo-bank-account': {
    name: { 'zh-CN': '银行开户实名核验（演示）', en: 'Bank account opening (demo)' },
    purpose: { 'zh-CN': '开立银行账户时核验身份', en: 'Identity check when opening a bank account' },
    elements: {
      [EID]: { [EID]: ['family_name', 'given_name', 'full_name', 'id_number', 'birth_date', 'resident_address'] },
    },
  },
  'demo-gov-portal': {
    name: { 'zh-CN': '政务服务登录（演示）', en: 'Government service login (demo)' },
    purpose: { 'zh-CN': '使用电子身份证登录政务服务', en: 'Log in to government services with the e-ID' },
    elements: { [EID]: { [EID]: ['family_name', 'given_name', 'full_name', 'id_number', 'age_over_18'] } },
  },
} as const;

interface PartySpec {
  readonly id: string;
  readonly profile: keyof typeof DEMO_PROFILES;
  readonly organisation: DemoRelyingParty['organisation'];
  readonly dnsNames?: readonly string[];
}

const COUNTER: PartySpec = {
  id: 'demo-hotel-front-desk',
  profile: 'demo-front-desk',
  organisation: { 'zh-CN': '示例酒店前台 (演示)', en: 'Demo Hotel Front Desk' },
};
const WEBSITE: PartySpec = {
  id: 'demo-gov-portal',
  profile: 'demo-gov-portal',
  organisation: { 'zh-CN': '政务服务网 (演示)', en: 'Demo Government Services' },
  dnsNames: ['localhost'],
};
const BANK: PartySpec = {
  id: 'demo-bank',
  profile: 'demo-bank-account',
  organisation: { 'zh-CN': '示例银行 (演示)', en: 'Demo Bank' },
};

/**
 * Loads the demo relying parties from `path` when they were registered with this registry's root,
 * or registers them now: their profiles, a fresh P-256 key each (kept, mode 0600, in the data
 * directory, never in the repository) and a certificate from the national registry.
 */
export async function demoRelyingParties(path: string, registry: RunningNationalRegistry): Promise<DemoRelyingParties> {
  // the profiles on every start: a data directory from an older version gets the current ones
  for (const [id, profile] of Object.entries(DEMO_PROFILES)) {
    const answer = await registry.admin('PUT', `/admin/registration-profiles/${id}`, profile);
    if (answer.status !== 200 && answer.status !== 201) throw failed(`profile ${id}`, answer);
  }
  if (existsSync(path)) {
    const stored = readJsonFile(path) as Partial<DemoRelyingParties>;
    if (stored.rootPem === registry.rootPem && stored.counter?.id && stored.website?.id && stored.bank?.id) {
      return stored as DemoRelyingParties;
    }
  }
  const parties: DemoRelyingParties = {
    rootPem: registry.rootPem,
    counter: await register(registry, COUNTER),
    website: await register(registry, WEBSITE),
    bank: await register(registry, BANK),
  };
  await writeFileAtomic(path, `${JSON.stringify(parties, null, 2)}\n`);
  return parties;
}

async function register(registry: RunningNationalRegistry, spec: PartySpec): Promise<DemoRelyingParty> {
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await webcrypto.subtle.exportKey('jwk', keys.privateKey);
  const publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  let answer = await registry.admin('POST', '/admin/relying-parties', {
    id: spec.id,
    name: spec.organisation,
    profile: spec.profile,
    public_key_jwk: publicJwk,
    ...(spec.dnsNames && { dns_names: spec.dnsNames }),
  });
  // registered before (the key file was lost): a new certificate for the new key
  if (answer.status === 409) {
    answer = await registry.admin('POST', `/admin/relying-parties/${spec.id}/certificates`, {
      public_key_jwk: publicJwk,
      ...(spec.dnsNames && { dns_names: spec.dnsNames }),
    });
  }
  if (answer.status !== 201) throw failed(spec.id, answer);
  const { certificate_pem: certificatePem } = answer.body as { certificate_pem: string };
  return {
    id: spec.id,
    organisation: spec.organisation,
    certificateChainPem: [certificatePem],
    privateKeyJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d } as EcPrivateJwk,
  };
}

function failed(what: string, answer: { status: number; body: unknown }): ZzError {
  const code = (answer.body as { code?: string } | undefined)?.code ?? `HTTP ${answer.status}`;
  return new ZzError('ERR_CONFIG_INVALID', `Registering the demo relying party ${what} failed: ${code}`);
}
