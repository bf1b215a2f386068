import {
  type ExportableSigner,
  issueQrCredential,
  issueStatusListCwt,
  issueStatusListJwt,
  presentQr,
  STATUS_LIST_CWT_MEDIA_TYPE,
  STATUS_LIST_JWT_MEDIA_TYPE,
  StatusList,
  utf8Encode,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  createTestAuthority,
  type FixedClock,
  fixedClock,
  syntheticResidentClaims,
  type TestAuthority,
} from '@zhengzhao/test-kit';
import type { TrustBundle } from '../src/index.js';

export const platform = createNodePlatform();
export const START = '2026-11-27T08:00:00Z';
export const JWT_LIST_URI = 'https://issuer.example.cn/status/1';
export const CWT_LIST_URI = 'https://issuer.example.cn/status/2';

/** A trust bundle entry for a test authority. */
export function bundleIssuer(authority: TestAuthority, id: string) {
  return {
    id,
    name: { 'zh-CN': '测试签发机构', en: 'Test issuing authority' },
    suite: authority.suite,
    iaca: [authority.root.pem],
    document_signers: [authority.documentSigner.pem],
  };
}

export function bundleOf(issuedAt: string, ...issuers: ReturnType<typeof bundleIssuer>[]): TrustBundle {
  return { version: 1, issued_at: issuedAt, issuers };
}

/** A fake HTTP origin for status lists and the trust bundle, counting requests. */
export interface FakeOrigin {
  readonly fetch: typeof fetch;
  readonly requests: string[];
  /** Path → response; replaced freely by tests. */
  readonly routes: Map<string, { body: string | Uint8Array; contentType: string; etag?: string; status?: number }>;
  down: boolean;
}

export function createFakeOrigin(): FakeOrigin {
  const origin: FakeOrigin = {
    requests: [],
    routes: new Map(),
    down: false,
    fetch: async (input, init) => {
      const url = String(input);
      origin.requests.push(url);
      if (origin.down) throw new TypeError('fetch failed');
      const route = origin.routes.get(url);
      if (!route) return new Response('not found', { status: 404 });
      const headers = new Headers(init?.headers);
      if (route.etag !== undefined && headers.get('if-none-match') === route.etag) {
        return new Response(null, { status: 304, headers: { etag: route.etag } });
      }
      const body = typeof route.body === 'string' ? utf8Encode(route.body) : route.body;
      return new Response(body as Uint8Array<ArrayBuffer>, {
        status: route.status ?? 200,
        headers: { 'content-type': route.contentType, ...(route.etag !== undefined && { etag: route.etag }) },
      });
    },
  };
  return origin;
}

export interface World {
  readonly clock: FixedClock;
  readonly authority: TestAuthority;
  readonly device: ExportableSigner;
  readonly bundle: TrustBundle;
  readonly origin: FakeOrigin;
  /** A fresh ZZ1 QR presentation (hotel purpose) at the clock's now, referencing `statusUri` idx `idx`. */
  qr(options?: { statusUri?: string; idx?: number; authority?: TestAuthority }): Promise<string>;
  /** Publishes a status list at `uri` with `revoked` indices set to 1 (JWT or CWT by uri). */
  publish(
    uri: string,
    options?: {
      revoked?: number[];
      issuedAt?: Date;
      ttl?: number;
      expiresIn?: number;
      etag?: string;
      signer?: TestAuthority;
    },
  ): Promise<string | Uint8Array>;
}

export async function createWorld(): Promise<World> {
  const clock = fixedClock(START);
  const authority = await createTestAuthority({ suite: 'ES256', now: clock.now() });
  const device = await platform.suite('ES256').generateSigner();
  const bundle = bundleOf(START, bundleIssuer(authority, 'cn-44'));
  const origin = createFakeOrigin();
  const claims = syntheticResidentClaims();
  return {
    clock,
    authority,
    device,
    bundle,
    origin,
    async qr(options = {}) {
      const issuer = options.authority ?? authority;
      const now = clock.now();
      const credential = await issueQrCredential(platform, {
        signer: issuer.documentSigner.signer,
        kid: issuer.kid,
        typeId: 'cn.gov.eid.1',
        purpose: 'hotel',
        claims,
        holderPublicKey: device.publicKey,
        iat: new Date(now.getTime() - 3600_000),
        exp: new Date(now.getTime() + 7 * 86400_000),
        issuer: '44',
        status: { uri: options.statusUri ?? JWT_LIST_URI, idx: options.idx ?? 7 },
      });
      return presentQr(platform, { credential, deviceSigner: device, now });
    },
    async publish(uri, options = {}) {
      const issuer = options.signer ?? authority;
      const list = new StatusList(1024, 2);
      for (const idx of options.revoked ?? []) list.set(idx, 1);
      const issuedAt = options.issuedAt ?? clock.now();
      const common = {
        uri,
        list,
        issuedAt,
        ...(options.ttl !== undefined && { ttlSeconds: options.ttl }),
        expiresAt: new Date(issuedAt.getTime() + (options.expiresIn ?? 7 * 86400) * 1000),
        certificateChain: [issuer.documentSigner.der],
      };
      const cwt = uri === CWT_LIST_URI;
      const body = cwt
        ? await issueStatusListCwt(platform, issuer.documentSigner.signer, common)
        : await issueStatusListJwt(platform, issuer.documentSigner.signer, common);
      origin.routes.set(uri, {
        body,
        contentType: cwt ? STATUS_LIST_CWT_MEDIA_TYPE : STATUS_LIST_JWT_MEDIA_TYPE,
        ...(options.etag !== undefined && { etag: options.etag }),
      });
      return body;
    },
  };
}

export { fixedClock };

const DAY_MS = 86_400_000;

/** A relying party's reader-authentication key and certificate (ISO 18013-5 Annex B.1.7), and a trust source for it. */
export async function createTestReader(now: Date, name = 'Hotel Reader') {
  const { createIacaRootCertificate, createStaticTrustSource, createX509Certificate, parseCertificate, X509_OID } =
    await import('@zhengzhao/core');
  const suite = platform.suite('ES256');
  const rootSigner = await suite.generateSigner();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { country: 'CN', organization: `${name} Org`, commonName: `${name} Root` },
    notBefore: at(-1),
    notAfter: at(3650),
    issuerAlternativeName: { uri: 'https://rp.zhengzhao.test' },
  });
  const root = parseCertificate(rootDer);
  const signer = await suite.generateSigner();
  const leaf = await createX509Certificate({
    platform,
    signer: rootSigner,
    issuer: root.subject,
    subject: { country: 'CN', organization: `${name} Org`, commonName: name },
    subjectPublicKey: signer.publicKey,
    notBefore: at(-1),
    notAfter: at(364),
    extensions: {
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: [X509_OID.mdlReaderAuth],
      ...(root.subjectKeyIdentifier && { authorityKeyIdentifier: root.subjectKeyIdentifier }),
    },
  });
  return {
    readerKey: { signer, certificateChain: [leaf] },
    trust: createStaticTrustSource({ platform, roots: [rootDer], leafExtendedKeyUsage: X509_OID.mdlReaderAuth }),
  };
}
