import {
  decodeIssuerSigned,
  type ExportableSigner,
  issueCatalogCredential,
  issueStatusListJwt,
  type Platform,
  RESIDENT_ID_TYPE_ID,
  STATUS_LIST_JWT_MEDIA_TYPE,
  StatusList,
  type StatusReference,
  utf8Encode,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createLogger } from '@zhengzhao/server-kit';
import {
  createTestAuthority,
  type FixedClock,
  fixedClock,
  syntheticResidentClaims,
  syntheticResidentJson,
  type TestAuthority,
} from '@zhengzhao/test-kit';
import type { TrustBundle } from '@zhengzhao/verifier';
import {
  type CreateVerifierServiceAppOptions,
  createDemoRequestSigning,
  createVerifierServiceApp,
  type DemoRequestSigning,
  type VerifierServiceApp,
} from '../../src/index.js';

export const platform: Platform = createNodePlatform();
export const HOST = 'verifier.zhengzhao.test';
export const BASE_URL = `https://${HOST}`;
export const STATUS_URI = 'https://issuer.zhengzhao.test/status/1';
export const VALID_IDX = 3;
export const REVOKED_IDX = 7;
export const API_KEY = 'hotel-key-0123456789abcdefghijkl';
export const OTHER_API_KEY = 'bank-key-0123456789abcdefghijklm';
export const TYPE = RESIDENT_ID_TYPE_ID;
/** The synthetic resident's personal data: never in a log line. */
export const PERSON = syntheticResidentJson();

/** One holder's credentials in every format, issued by a test authority. */
export interface Credentials {
  readonly device: ExportableSigner;
  readonly mdoc: Uint8Array;
  readonly sdJwt: string;
  readonly qr: Uint8Array;
  readonly revokedSdJwt: string;
  readonly revokedMdoc: Uint8Array;
}

export interface Fixture {
  readonly clock: FixedClock;
  readonly authority: TestAuthority;
  readonly credentials: Credentials;
  readonly signing: DemoRequestSigning;
  readonly app: VerifierServiceApp;
  /** Every log line the app wrote. */
  readonly logs: string[];
  /** The issuer's status list origin, as the service's `fetch` sees it. */
  readonly origin: StatusOrigin;
}

/** A fake issuer origin serving one Token Status List JWT (idx REVOKED_IDX revoked). */
export interface StatusOrigin {
  readonly fetch: typeof fetch;
  /** Every URL fetched (the service must only ever fetch whole lists). */
  readonly requests: string[];
  /** When true, every fetch fails as if the network were down. */
  down: boolean;
  /** Publishes a fresh list at the clock's now, with these indices revoked. */
  publish(revoked: readonly number[]): Promise<void>;
}

async function createStatusOrigin(authority: TestAuthority, clock: FixedClock): Promise<StatusOrigin> {
  let token = '';
  const origin: StatusOrigin = {
    requests: [],
    down: false,
    fetch: async (input) => {
      const url = String(input);
      origin.requests.push(url);
      if (origin.down) throw new TypeError('fetch failed');
      if (url !== STATUS_URI) return new Response('not found', { status: 404 });
      return new Response(utf8Encode(token) as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': STATUS_LIST_JWT_MEDIA_TYPE },
      });
    },
    async publish(revoked) {
      const list = new StatusList(1024, 2);
      for (const idx of revoked) list.set(idx, 1);
      const issuedAt = clock.now();
      token = await issueStatusListJwt(platform, authority.documentSigner.signer, {
        uri: STATUS_URI,
        list,
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + 7 * 86_400_000),
        ttlSeconds: 300,
        certificateChain: authority.chain,
      });
    },
  };
  await origin.publish([REVOKED_IDX]);
  return origin;
}

async function issue(
  authority: TestAuthority,
  device: ExportableSigner,
  now: Date,
  format: 'mdoc' | 'sd-jwt' | 'qr',
  status: StatusReference,
) {
  return issueCatalogCredential(platform, {
    format,
    signer: authority.documentSigner.signer,
    certificateChain: authority.chain,
    kid: authority.kid,
    typeId: TYPE,
    claims: syntheticResidentClaims(),
    deviceKey: device.publicKey,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 180 * 86_400_000),
    status,
    sdJwtIssuer: 'https://issuer.zhengzhao.test',
    qrIssuer: '44',
  });
}

/** A verifier service on a fixed clock with a test authority, credentials and a captured log. */
export async function createFixture(
  overrides: Partial<CreateVerifierServiceAppOptions> = {},
  fixtureOptions: { readonly trustBundle?: boolean } = {},
): Promise<Fixture> {
  const clock = fixedClock('2026-06-01T08:00:00Z');
  const now = clock.now();
  const authority = await createTestAuthority({ platform, suite: 'ES256', now });
  const device = await platform.suite('ES256').generateSigner();
  const valid = { uri: STATUS_URI, idx: VALID_IDX };
  const revoked = { uri: STATUS_URI, idx: REVOKED_IDX };
  const credentials: Credentials = {
    device,
    mdoc: (await issue(authority, device, now, 'mdoc', valid)) as Uint8Array,
    sdJwt: (await issue(authority, device, now, 'sd-jwt', valid)) as string,
    qr: (await issue(authority, device, now, 'qr', valid)) as Uint8Array,
    revokedSdJwt: (await issue(authority, device, now, 'sd-jwt', revoked)) as string,
    revokedMdoc: (await issue(authority, device, now, 'mdoc', revoked)) as Uint8Array,
  };
  decodeIssuerSigned(credentials.mdoc); // issued bytes decode
  const signing = await createDemoRequestSigning({ platform, host: HOST, now });
  const origin = await createStatusOrigin(authority, clock);
  const logs: string[] = [];
  const logger = createLogger({
    name: 'verifier',
    level: 'debug',
    destination: { write: (line: string) => logs.push(line) },
  });
  const app = await createVerifierServiceApp({
    platform,
    clock: () => clock.now(),
    logger,
    trust: fixtureOptions.trustBundle ? trustBundleOf(authority, now) : authority.trustSource,
    fetch: origin.fetch,
    apiKeys: [
      { id: 'hotel-1', key: API_KEY },
      { id: 'bank-2', key: OTHER_API_KEY },
    ],
    publicBaseUrl: BASE_URL,
    requestSigning: signing,
    ...overrides,
  });
  await app.ready();
  return { clock, authority, credentials, signing, app, logs, origin };
}

/** A national trust list (verifier SDK trust bundle) naming the test authority as `cn-44`. */
export function trustBundleOf(authority: TestAuthority, issuedAt: Date): TrustBundle {
  return {
    version: 1,
    issued_at: issuedAt.toISOString(),
    issuers: [
      {
        id: 'cn-44',
        name: { 'zh-CN': '广东省公安厅', en: 'Guangdong Public Security Department' },
        suite: 'ES256',
        iaca: [authority.root.pem],
        document_signers: [authority.documentSigner.pem],
      },
    ],
  };
}

/** Returns the code of a ZzError (or the message of another error) thrown by `promise`. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
  }
}
