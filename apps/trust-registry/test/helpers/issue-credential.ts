import {
  type ExportableSigner,
  issueCatalogCredential,
  type Platform,
  presentQr,
  type TrustSource,
  type VerificationReport,
  verifyIssuerSigned,
  verifyQr,
  verifySdJwtVc,
} from '@zhengzhao/core';
import { syntheticResidentClaims, type TestAuthority } from '@zhengzhao/test-kit';

/**
 * Issues and verifies `cn.gov.eid.1` credentials of a test authority in each format, as
 * packages/core/test/trust-list/issue-for-province.ts does for the core's own tests.
 */

const DAY = 86_400_000;

export type Format = 'mdoc' | 'sd-jwt' | 'qr';
export const FORMATS: readonly Format[] = ['mdoc', 'sd-jwt', 'qr'];

export interface IssuedCredential {
  readonly format: Format;
  readonly value: Uint8Array | string;
  readonly device: ExportableSigner;
}

/** A credential signed at `signedAt` by `documentSigner` (default the authority's DS). */
export async function issueFor(
  platform: Platform,
  authority: TestAuthority,
  format: Format,
  signedAt: Date,
  documentSigner: { signer: ExportableSigner; der: Uint8Array; kid: Uint8Array } = authority.documentSigner,
): Promise<IssuedCredential> {
  const device = await platform.suite('ES256').generateSigner();
  const value = await issueCatalogCredential(platform, {
    format,
    signer: documentSigner.signer,
    certificateChain: [documentSigner.der],
    kid: documentSigner.kid,
    typeId: 'cn.gov.eid.1',
    claims: syntheticResidentClaims(),
    deviceKey: device.publicKey,
    issuedAt: signedAt,
    expiresAt: new Date(signedAt.getTime() + 30 * DAY),
  });
  return { format, value, device };
}

/** Verifies with `trust` at `now` (QR presented at `now`; SD-JWT without key binding). */
export async function verifyIssued(
  platform: Platform,
  credential: IssuedCredential,
  trust: TrustSource,
  now: Date,
): Promise<VerificationReport> {
  switch (credential.format) {
    case 'mdoc':
      return verifyIssuerSigned(platform, credential.value as Uint8Array, { trust, now, docType: 'cn.gov.eid.1' });
    case 'sd-jwt':
      return verifySdJwtVc(platform, credential.value as string, { trust, now, requireKeyBinding: false });
    case 'qr': {
      const text = await presentQr(platform, {
        credential: credential.value as Uint8Array,
        deviceSigner: credential.device,
        now,
      });
      return verifyQr(platform, text, { trust, now });
    }
  }
}

/** The code of the first failed check, or 'ok'. */
export function outcome(report: VerificationReport): string {
  return report.valid ? 'ok' : (report.checks.find((check) => check.outcome === 'failed')?.code ?? 'failed');
}
