import {
  type ErrorCode,
  type ExportableSigner,
  issueCatalogCredential,
  isZzError,
  type Platform,
  RESIDENT_ID_TYPE_ID,
  type SuiteId,
} from '@zhengzhao/core';
import { createTestAuthority, syntheticResidentClaims, type TestAuthority } from '@zhengzhao/test-kit';
import { expect } from 'vitest';

export const NOW = new Date('2026-06-01T08:00:00Z');
export const EID = RESIDENT_ID_TYPE_ID;
const YEAR = 365 * 86_400_000;

/** A holder with one synthetic resident e-ID in both formats, bound to one device key. */
export interface TestHolder {
  readonly authority: TestAuthority;
  readonly deviceSigner: ExportableSigner;
  /** IssuerSigned CBOR bytes, as OpenID4VCI delivers `mso_mdoc`. */
  readonly mdoc: Uint8Array;
  /** SD-JWT VC text, every claim selectively disclosable. */
  readonly sdJwt: string;
}

/**
 * Issues the credentials with core's `issueCatalogCredential` from a test-kit authority of
 * `suite` (an SM2 province signs with SM2/SM3; the device key is the phone's P-256 key either way).
 */
export async function createTestHolder(platform: Platform, suite: SuiteId = 'ES256'): Promise<TestHolder> {
  const authority = await createTestAuthority({ platform, suite, now: NOW });
  const deviceSigner = await platform.suite('ES256').generateSigner();
  const common = {
    signer: authority.documentSigner.signer,
    certificateChain: authority.chain,
    typeId: EID,
    claims: syntheticResidentClaims(),
    deviceKey: deviceSigner.publicKey,
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + YEAR),
  };
  const mdoc = (await issueCatalogCredential(platform, { ...common, format: 'mdoc' })) as Uint8Array;
  const sdJwt = (await issueCatalogCredential(platform, { ...common, format: 'sd-jwt' })) as string;
  return { authority, deviceSigner, mdoc, sdJwt };
}

/** The code a promise (or function) fails with; `undefined` when it succeeds. */
export async function codeOf(run: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof run === 'function' ? run() : run);
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : `not a ZzError: ${String(error)}`;
  }
}

/** Asserts that `run` fails with a ZzError of `code`. */
export async function expectCode(run: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<void> {
  expect(await codeOf(run)).toBe(code);
}
