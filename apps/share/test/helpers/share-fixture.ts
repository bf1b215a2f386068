import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExportableSigner,
  encodeBase64url,
  encodeX5c,
  issueCatalogCredential,
  MemoryMerkleNodeStore,
  type MerkleNodeStore,
  presentSdJwtVc,
  publicKeyToJwk,
  signJwsCompact,
} from '@zhengzhao/core';
import { createFileKeyStore, createLogger, type Database } from '@zhengzhao/server-kit';
import {
  createTestNationalRegistry,
  type FixedClock,
  fixedClock,
  syntheticResidentClaims,
  type TestNationalRegistry,
} from '@zhengzhao/test-kit';
import { createVerifier } from '@zhengzhao/verifier';
import {
  AGENCY_CALL_TYP,
  CONSENT_TYP,
  type CreateShareAppOptions,
  createShareApp,
  HOLDER_CALL_TYP,
  type ShareApp,
  type ShareDatabase,
} from '../../src/index.js';

export const NOW = '2026-11-28T08:00:00Z';
export const PUBLIC_URL = 'https://share.zhengzhao.test';
export const DOC_TYPE = 'cn.gov.eid.1';
const DAY = 86_400_000;

export interface ShareFixture {
  readonly app: ShareApp;
  readonly registry: TestNationalRegistry;
  readonly clock: FixedClock;
  readonly store: MerkleNodeStore;
  /** A signed agency call as `registry.relyingParty(id)` (default `hotel`). */
  agencyCall(payload: Record<string, unknown>, id?: string): Promise<string>;
  /** Registers a new holder with a credential issued to its device key. */
  newHolder(): Promise<TestHolder>;
}

export interface TestHolder {
  readonly id: string;
  readonly handle: string;
  readonly key: ExportableSigner;
  readonly device: ExportableSigner;
  /** The full SD-JWT VC (every disclosure). */
  readonly credential: string;
  /** Headers of a signed holder call. */
  auth(method: string, path: string): Promise<{ authorization: string }>;
  consent(payload: Record<string, unknown>): Promise<string>;
  /** A presentation disclosing `elements`, with a KB-JWT when `binding` is given. */
  present(elements: readonly string[], binding?: { audience: string; nonce: string }): Promise<string>;
}

let jtiCounter = 0;
const jti = () => `jti-${Date.now().toString(36)}-${(jtiCounter++).toString(36)}`;

export async function openShareFixture(
  database: Database<ShareDatabase>,
  logStore: MerkleNodeStore & { flush?(): void } = new MemoryMerkleNodeStore(),
  extra: Partial<CreateShareAppOptions> = {},
): Promise<ShareFixture> {
  const clock = fixedClock(NOW);
  const registry = await createTestNationalRegistry({ now: clock.now() });
  const { platform } = registry;
  const verifier = createVerifier({
    platform,
    trust: { nationalRoot: registry.root.pem, trustList: await registry.jws(registry.list()) },
    clock: () => clock.now(),
  });
  const app = await createShareApp({
    database,
    keyStore: createFileKeyStore({
      dir: mkdtempSync(join(tmpdir(), 'zz-share-keys-')),
      passphrase: 'share-test-passphrase',
      platform,
    }),
    logStore,
    platform,
    clock: () => clock.now(),
    verifier,
    publicUrl: PUBLIC_URL,
    logger: createLogger({ name: 'share-test', level: 'silent' }),
    // tests register many wallets from one address
    registrationRateLimit: { max: 10_000, windowMs: 60_000 },
    agencyRateLimit: { max: 100_000, windowMs: 60_000 },
    ...extra,
  });
  const seconds = () => Math.floor(clock.now().getTime() / 1000);
  const authority = registry.province('44').authority;
  return {
    app,
    registry,
    clock,
    store: logStore,
    agencyCall(payload, id = 'hotel') {
      const party = registry.relyingParty(id);
      return signJwsCompact(
        party.signer,
        { typ: AGENCY_CALL_TYP, x5c: encodeX5c([party.der]) },
        { aud: PUBLIC_URL, iat: seconds(), jti: jti(), ...payload },
      );
    },
    async newHolder() {
      const key = await platform.suite('ES256').generateSigner();
      const device = await platform.suite('ES256').generateSigner();
      const registered = await app.inject({
        method: 'POST',
        url: '/holders',
        payload: { public_jwk: publicKeyToJwk(key.publicKey) },
      });
      if (registered.statusCode !== 201) throw new Error(`holder registration: ${registered.body}`);
      const { holder_id: id, handle } = registered.json() as { holder_id: string; handle: string };
      const credential = (await issueCatalogCredential(platform, {
        format: 'sd-jwt',
        signer: authority.documentSigner.signer,
        certificateChain: [authority.documentSigner.der],
        kid: authority.documentSigner.kid,
        typeId: DOC_TYPE,
        claims: syntheticResidentClaims(),
        deviceKey: device.publicKey,
        issuedAt: new Date(clock.now().getTime() - DAY),
        expiresAt: new Date(clock.now().getTime() + 30 * DAY),
      })) as string;
      return {
        id,
        handle,
        key,
        device,
        credential,
        async auth(method, path) {
          const token = await signJwsCompact(
            key,
            { typ: HOLDER_CALL_TYP },
            { sub: id, aud: PUBLIC_URL, htm: method, htu: path, iat: seconds(), jti: jti() },
          );
          return { authorization: `ZZ-Holder ${token}` };
        },
        consent(payload) {
          return signJwsCompact(key, { typ: CONSENT_TYP }, { iat: seconds(), ...payload });
        },
        present(elements, binding) {
          return presentSdJwtVc(platform, credential, {
            disclose: elements,
            now: clock.now(),
            ...(binding ? { holderSigner: device, audience: binding.audience, nonce: binding.nonce } : {}),
          });
        },
      };
    },
  };
}

/** base64url helper for tests that tamper with bytes. */
export const b64u = encodeBase64url;
