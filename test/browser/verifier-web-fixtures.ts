import {
  encodeCertificatePem,
  issueQrCredential,
  issueStatusListJwt,
  type Platform,
  presentQr,
  RESIDENT_ID_TYPE_ID,
  type Signer,
  StatusList,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, syntheticResidentClaims, type TestAuthority } from '@zhengzhao/test-kit';
import { createSyntheticPortrait } from '../../packages/core/test/qr/synthetic-portrait.js';

/** Status list entries the fixture's list sets (draft-ietf-oauth-status-list §7.1). */
export const STATUS_INDEX = { valid: 3, revoked: 7, suspended: 9 } as const;

export interface PresentOptions {
  /** A QR purpose set of the catalog (`hotel`, `hotel_with_portrait`, `age_over_18`, `identity_basic`). */
  readonly purpose: string;
  /** Status list entry; none for `age_over_18` (docs/qr-format.md §7). */
  readonly statusIndex?: number;
  /** When the holder's phone made the QR (default now). */
  readonly at?: Date;
}

export interface CounterFixture {
  readonly platform: Platform;
  readonly authority: TestAuthority;
  /** The trust bundle JSON served next to the app (Zhengzhao issue 5 §1 format). */
  readonly trustBundle: string;
  /** Path (on the app's origin) and signed token of the one status list. */
  readonly statusPath: string;
  readonly statusToken: string;
  /** A fresh `ZZ1:` presentation by a new holder device, as the wallet would show it. */
  present(options: PresentOptions): Promise<string>;
}

const HOUR = 3_600_000;

/**
 * A Guangdong test authority (ES256) with real certificates, its trust bundle, a signed status
 * list JWT (entries 7 revoked, 9 suspended; valid for 48 h) for `origin/status/44/1`, and a function that issues
 * and presents ZZ1 QR credentials of the synthetic resident at the real current time (the app
 * verifies against the browser's clock).
 */
export async function createCounterFixture(origin: string): Promise<CounterFixture> {
  const platform = createNodePlatform();
  const now = new Date();
  const authority = await createTestAuthority({
    platform,
    suite: 'ES256',
    now,
    name: 'Guangdong Test PSB',
    province: 'Guangdong',
  });
  const trustBundle = JSON.stringify({
    version: 1,
    issued_at: now.toISOString(),
    issuers: [
      {
        id: 'cn-44',
        name: { 'zh-CN': '广东省公安厅（测试）', en: 'Guangdong PSB (test)' },
        suite: 'ES256',
        iaca: [encodeCertificatePem(authority.root.der)],
        document_signers: [encodeCertificatePem(authority.documentSigner.der)],
        doc_types: [RESIDENT_ID_TYPE_ID],
      },
    ],
  });
  const statusPath = '/status/44/1';
  const statusUri = `${origin}${statusPath}`;
  const list = new StatusList(1024, 2);
  list.set(STATUS_INDEX.revoked, 1);
  list.set(STATUS_INDEX.suspended, 2);
  const statusToken = await issueStatusListJwt(platform, authority.documentSigner.signer, {
    uri: statusUri,
    list,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 48 * HOUR),
    ttlSeconds: 3600,
    certificateChain: authority.chain,
  });
  const claims = { ...syntheticResidentClaims(), portrait_thumb: createSyntheticPortrait(96, 120, 35) };

  return {
    platform,
    authority,
    trustBundle,
    statusPath,
    statusToken,
    async present({ purpose, statusIndex, at = new Date() }) {
      const device: Signer = await platform.suite('ES256').generateSigner();
      const credential = await issueQrCredential(platform, {
        signer: authority.documentSigner.signer,
        kid: authority.kid,
        typeId: RESIDENT_ID_TYPE_ID,
        purpose,
        claims,
        holderPublicKey: device.publicKey,
        iat: new Date(at.getTime() - HOUR),
        exp: new Date(at.getTime() + 72 * HOUR),
        ...(statusIndex !== undefined && { issuer: '44', status: { idx: statusIndex, uri: statusUri } }),
      });
      return presentQr(platform, { credential, deviceSigner: device, now: at });
    },
  };
}
