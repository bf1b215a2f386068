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
import type { TestAuthority } from './create-test-authority.js';
import { syntheticResidentClaims } from './synthetic-resident.js';

const DAY = 86_400_000;

/** The three encodings of a catalog credential. */
export type TestCredentialFormat = 'mdoc' | 'sd-jwt' | 'qr';
export const TEST_CREDENTIAL_FORMATS: readonly TestCredentialFormat[] = ['mdoc', 'sd-jwt', 'qr'];

/** A credential of one province in one format, signed at `signedAt` with `signer` (default its DS). */
export interface IssuedTestCredential {
  readonly format: TestCredentialFormat;
  readonly value: Uint8Array | string;
  readonly device: ExportableSigner;
}

export async function issueTestCredential(
  platform: Platform,
  authority: TestAuthority,
  format: TestCredentialFormat,
  signedAt: Date,
  documentSigner: { signer: ExportableSigner; der: Uint8Array; kid: Uint8Array } = authority.documentSigner,
): Promise<IssuedTestCredential> {
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

/** Verifies an issued credential with `trust` at `now` (QR presented at `now`; no key binding for SD-JWT). */
export async function verifyTestCredential(
  platform: Platform,
  credential: IssuedTestCredential,
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
export function reportOutcome(report: VerificationReport): string {
  return report.valid ? 'ok' : (report.checks.find((check) => check.outcome === 'failed')?.code ?? 'failed');
}
