import { encodePaperQr, issuePaperCredential, type Platform, type StatusReference } from '@zhengzhao/core';
import type { TestAuthority } from './create-test-authority.js';
import { syntheticResidentClaims } from './synthetic-resident.js';

const DAY = 86_400_000;

export interface IssueTestPaperCredentialOptions {
  /** `paper_basic` (default) or `paper_with_portrait` (then give `claims.portrait_thumb`). */
  readonly purpose?: string;
  /** Issue time. */
  readonly issuedAt: Date;
  /** Default 300 days (the test authority's DS certificate lives 364 days). */
  readonly lifetimeDays?: number;
  /** The paper card's own status entry; default `{ idx: 1, uri: 'https://issuer.example.cn/status/paper' }`. */
  readonly status?: StatusReference;
  /** Added to (or replacing) the synthetic resident's claims. */
  readonly claims?: Record<string, unknown>;
}

/** A printed paper credential: the COSE bytes and the `ZZ1:` text on the card. */
export interface IssuedTestPaperCredential {
  readonly credential: Uint8Array;
  readonly text: string;
  readonly status: StatusReference;
}

/**
 * Issues a paper credential (ADR 0010) for the synthetic resident with `authority`'s document
 * signer, bounded by its certificate's notAfter, and encodes the printable QR text.
 */
export async function issueTestPaperCredential(
  platform: Platform,
  authority: TestAuthority,
  options: IssueTestPaperCredentialOptions,
): Promise<IssuedTestPaperCredential> {
  const status = options.status ?? { idx: 1, uri: 'https://issuer.example.cn/status/paper' };
  const { documentSigner } = authority;
  const credential = await issuePaperCredential(platform, {
    signer: documentSigner.signer,
    kid: documentSigner.kid,
    signerNotAfter: documentSigner.certificate.notAfter,
    typeId: 'cn.gov.eid.1',
    purpose: options.purpose ?? 'paper_basic',
    claims: { ...syntheticResidentClaims(), ...options.claims },
    iat: options.issuedAt,
    exp: new Date(options.issuedAt.getTime() + (options.lifetimeDays ?? 300) * DAY),
    status,
    issuer: '44',
  });
  return { credential, text: await encodePaperQr(platform, credential), status };
}
