import { ZzError } from '../errors/zz-error.js';
import type { TrustResolution } from './trust-source.js';

/**
 * Refuses a credential signed at or after the moment its key was revoked (`resolution.revoked`:
 * a compromised key, a withdrawn authority). `signedAt` is the MSO `signed` time, the JWT `iat`
 * or the QR credential `iat`; when the credential says nothing, it counts as signed now.
 */
export function checkSignedBeforeRevocation(
  resolution: TrustResolution | undefined,
  signedAt: Date | undefined,
  now: Date,
): void {
  const revoked = resolution?.revoked;
  if (!revoked) return;
  const signed = signedAt ?? now;
  if (signed.getTime() >= revoked.at.getTime()) {
    throw new ZzError(
      revoked.code,
      revoked.code === 'ERR_TRUST_KEY_COMPROMISED'
        ? 'The credential was signed after its key was declared compromised'
        : 'The credential was signed after its issuer was withdrawn from the trust list',
    );
  }
}
