import {
  claimsFromJson,
  issueCatalogCredential,
  type Platform,
  presentQr,
  type SuiteId,
  type ValidatedClaims,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, syntheticResidentJson, type TestAuthority } from '@zhengzhao/test-kit';
import {
  type LayoutSigner,
  type LayoutValidationReport,
  renderLayoutDocument,
  signLayoutDocument,
  validateLayoutDocument,
  verifyEmbeddedCredential,
} from '../src/index.js';

export const NOW = new Date('2026-03-01T08:00:00Z');
export const TYPE = 'cn.gov.eid.1';
export const platform: Platform = createNodePlatform();
const DAY = 86_400_000;

export interface LayoutFixture {
  readonly authority: TestAuthority;
  readonly signer: LayoutSigner;
  readonly claims: ValidatedClaims;
  /** A `ZZ1:` text (hotel purpose, device proof made at NOW). */
  readonly credential: string;
  readonly rendered: Uint8Array;
  readonly signed: Uint8Array;
}

/** A test authority, a ZZ1 credential of the synthetic resident, its layout document rendered and signed. */
export async function createLayoutFixture(suite: SuiteId): Promise<LayoutFixture> {
  const authority = await createTestAuthority({ platform, suite, now: NOW });
  const claims = claimsFromJson(TYPE, syntheticResidentJson());
  const device = await platform.suite('ES256').generateSigner();
  const compact = await issueCatalogCredential(platform, {
    format: 'qr',
    purpose: 'hotel',
    signer: authority.documentSigner.signer,
    certificateChain: authority.chain,
    kid: authority.kid,
    typeId: TYPE,
    claims,
    deviceKey: device.publicKey,
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + 30 * DAY),
  });
  const credential = await presentQr(platform, { credential: compact as Uint8Array, deviceSigner: device, now: NOW });
  const signer = { signer: authority.documentSigner.signer, certificateChain: authority.chain };
  const rendered = await render(claims, credential);
  const signed = await signLayoutDocument(rendered, signer, { platform, now: NOW });
  return { authority, signer, claims, credential, rendered, signed };
}

export function render(claims: ValidatedClaims | Record<string, unknown>, credential: string): Promise<Uint8Array> {
  return renderLayoutDocument({
    typeId: TYPE,
    claims: claims as ValidatedClaims,
    credential,
    issuerName: '广东省公安厅 Guangdong Provincial Public Security Department',
    documentNumber: 'GD-2026-000001',
    issuedAt: NOW,
    now: NOW,
  });
}

/** Validates with the fixture's trust and core verification of the embedded credential at NOW. */
export function validate(
  fixture: Pick<LayoutFixture, 'authority'>,
  bytes: Uint8Array,
): Promise<LayoutValidationReport> {
  const trust = fixture.authority.trustSource;
  return validateLayoutDocument(bytes, {
    platform,
    trust,
    now: NOW,
    verifyCredential: (credential) => verifyEmbeddedCredential(platform, credential, { trust, now: NOW }),
  });
}

/** The id and code of the first failed check, or 'ok'. */
export function outcome(report: LayoutValidationReport): string {
  const failed = report.checks.find((check) => check.outcome === 'failed');
  return failed ? `${failed.id} ${failed.code}` : report.valid ? 'ok' : 'failed';
}

export const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The /ByteRange numbers of a signed PDF. */
export function byteRangeOf(bytes: Uint8Array): number[] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(latin1(bytes));
  if (!match) throw new Error('no ByteRange');
  return match.slice(1, 5).map(Number);
}

/** The DER CMS in the /Contents hole (padding stripped by its own length). */
export function cmsOf(bytes: Uint8Array): Uint8Array {
  const [, start = 0, end = 0] = byteRangeOf(bytes);
  const all = Buffer.from(latin1(bytes).slice(start + 1, end - 1), 'hex');
  const length =
    all[1] === 0x82 ? 4 + all.readUInt16BE(2) : all[1] === 0x81 ? 3 + (all[2] as number) : 2 + (all[1] as number);
  return new Uint8Array(all.subarray(0, length));
}

/** A copy of `bytes` with the /Contents hole holding `cms` (zero padded). */
export function withCms(bytes: Uint8Array, cms: Uint8Array): Uint8Array {
  const [, start = 0, end = 0] = byteRangeOf(bytes);
  const hex = Buffer.from(cms)
    .toString('hex')
    .padEnd(end - start - 2, '0');
  const out = new Uint8Array(bytes);
  out.set(Buffer.from(hex, 'latin1'), start + 1);
  return out;
}
