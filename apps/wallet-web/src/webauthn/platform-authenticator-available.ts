/**
 * True when this browser offers a user-verifying platform authenticator (fingerprint, face,
 * device PIN): WebAuthn Level 3 §5.1.7 `isUserVerifyingPlatformAuthenticatorAvailable`. PRF support
 * itself is only known after `create()` (`getClientExtensionResults().prf.enabled`).
 */
export async function platformAuthenticatorAvailable(): Promise<boolean> {
  if (typeof PublicKeyCredential === 'undefined' || !window.isSecureContext) return false;
  try {
    return await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}
