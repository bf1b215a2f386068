import { issueCatalogCredential as issue } from '@zhengzhao/core';
import type { TestAuthority } from '@zhengzhao/test-kit';
import { platform } from '../helpers/fixture.js';

export { syntheticResidentClaims } from '@zhengzhao/test-kit';

/** An e-ID SD-JWT VC signed by `authority` (to show an authority trusted for another type is refused). */
export async function issueCatalogCredential(
  authority: TestAuthority,
  now: Date,
  claims: Parameters<typeof issue>[1]['claims'],
): Promise<string> {
  const device = await platform.suite('ES256').generateSigner();
  return (await issue(platform, {
    format: 'sd-jwt',
    signer: authority.documentSigner.signer,
    certificateChain: [authority.documentSigner.der],
    typeId: 'cn.gov.eid.1',
    claims,
    deviceKey: device.publicKey,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  })) as string;
}
