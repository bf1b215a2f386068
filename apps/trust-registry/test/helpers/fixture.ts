import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  certificateKid,
  createDocumentSignerCertificate,
  createTrustListSource,
  decodeCertificatePem,
  type ExportableSigner,
  encodeCertificatePem,
  type Platform,
  publicKeyToJwk,
  type RegisteredElements,
  TRUST_LIST_COSE_MEDIA_TYPE,
  type TrustListRegistrationProfile,
  type TrustListSource,
  type VerifiedTrustList,
  verifyTrustList,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createFileKeyStore, createLogger, type Database, type KeyStore } from '@zhengzhao/server-kit';
import { type FixedClock, fixedClock, type TestAuthority } from '@zhengzhao/test-kit';
import {
  type CreateTrustRegistryAppOptions,
  createTrustRegistryApp,
  DEFAULT_REGISTRATION_PROFILES,
  type TrustRegistryApp,
  type TrustRegistryDatabase,
} from '../../src/index.js';

export const NOW = '2026-06-01T08:00:00Z';
export const ADMIN_TOKEN = 'trust-registry-admin-token-0123456789';
export const PUBLIC_URL = 'https://trust.zhengzhao.test';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const platform: Platform = createNodePlatform();

/** A temporary key directory and a file KeyStore on it (the same directory reopens the same keys). */
export function createKeyDirectory(): { dir: string; store: () => KeyStore; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'zz-trust-registry-keys-'));
  return {
    dir,
    store: () => createFileKeyStore({ dir, passphrase: 'trust-registry-test-passphrase', platform }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A trust registry app on `database` with test settings (silent log, no republish timer). */
export async function openTestRegistry(
  database: Database<TrustRegistryDatabase>,
  keyStore: KeyStore,
  clock: FixedClock = fixedClock(NOW),
  extra: Partial<CreateTrustRegistryAppOptions> = {},
): Promise<TrustRegistryApp> {
  return createTrustRegistryApp({
    database,
    keyStore,
    platform,
    clock: () => clock.now(),
    adminToken: [{ token: ADMIN_TOKEN, actor: 'ops-1' }],
    publicUrl: PUBLIC_URL,
    logger: createLogger({ name: 'trust-registry-test', level: 'silent' }),
    republishIntervalMs: 0,
    ...extra,
  });
}

export const bearer = (token = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` });

/** An admin call with the test token. */
export function admin(app: TrustRegistryApp, method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: bearer(),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** The enrolment body of a test authority. */
export function enrolment(
  authority: TestAuthority,
  id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    name: { 'zh-CN': `${id} 公安厅`, en: `${id} Public Security` },
    kind: 'public_security',
    suite: authority.suite,
    iaca: [authority.root.pem],
    document_signers: [authority.documentSigner.pem],
    credential_types: ['cn.gov.eid.1'],
    status_lists: [`https://status.${id}.example.cn/`],
    ...overrides,
  };
}

/** A default registration profile of the registry (`hotel`, `netcafe`, `gov-login`, `station`, `age-check`). */
export function defaultProfile(id: string): TrustListRegistrationProfile {
  const profile = DEFAULT_REGISTRATION_PROFILES.find((p) => p.id === id);
  if (!profile) throw new Error(`no default registration profile ${id}`);
  return profile;
}

export const HOTEL_ELEMENTS: RegisteredElements = defaultProfile('hotel').elements;
export const NETCAFE_ELEMENTS: RegisteredElements = defaultProfile('netcafe').elements;

/** A relying party's key pair (its private key never goes to the registry). */
export async function readerKey(): Promise<ExportableSigner> {
  return platform.suite('ES256').generateSigner();
}

/** The registration body of a relying party under `profile`. */
export function registration(
  id: string,
  key: ExportableSigner,
  profile: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    name: { 'zh-CN': `测试 ${id}`, en: `Test ${id}` },
    profile,
    public_key_jwk: publicKeyToJwk(key.publicKey),
    ...overrides,
  };
}

/** The pinned root: `GET /root.pem` as DER. */
export async function pinnedRoot(app: TrustRegistryApp): Promise<Uint8Array> {
  const res = await app.inject({ method: 'GET', url: '/root.pem' });
  if (res.statusCode !== 200) throw new Error(`GET /root.pem answered ${res.statusCode}`);
  return decodeCertificatePem(res.body);
}

/** `GET /trust-list` in one form, verified against `GET /root.pem` at `now`. */
export async function fetchVerifiedList(
  app: TrustRegistryApp,
  now: Date,
  form: 'jws' | 'cose' = 'jws',
): Promise<VerifiedTrustList> {
  const res = await app.inject({
    method: 'GET',
    url: '/trust-list',
    headers: form === 'cose' ? { accept: TRUST_LIST_COSE_MEDIA_TYPE } : {},
  });
  if (res.statusCode !== 200) throw new Error(`GET /trust-list answered ${res.statusCode}`);
  const signed = form === 'cose' ? new Uint8Array(res.rawPayload) : res.body;
  return verifyTrustList(platform, signed, { roots: [await pinnedRoot(app)], now });
}

/** A verifier's view: the list from `/trust-list`, verified, as a TrustSource. */
export async function trustSourceOf(app: TrustRegistryApp, now: Date): Promise<TrustListSource> {
  const root = await pinnedRoot(app);
  return createTrustListSource(platform, await fetchVerifiedList(app, now), [root]);
}

/** The sequence of the newest list. */
export async function currentSequence(app: TrustRegistryApp, now: Date): Promise<number> {
  return (await fetchVerifiedList(app, now)).list.sequence;
}

/** A new document signer under `authority`'s IACA (key rotation). */
export async function newDocumentSigner(authority: TestAuthority, now: Date) {
  const signer = await authority.platform.suite(authority.suite).generateSigner();
  const der = await createDocumentSignerCertificate({
    platform: authority.platform,
    issuerSigner: authority.root.signer,
    issuerCertificate: authority.root.certificate,
    subjectPublicKey: signer.publicKey,
    subject: { country: 'CN', organization: 'Rotated', commonName: 'DS 2' },
    notBefore: new Date(now.getTime() - HOUR),
    notAfter: new Date(now.getTime() + 300 * DAY),
  });
  return { signer, der, kid: await certificateKid(authority.platform, der), pem: encodeCertificatePem(der) };
}
