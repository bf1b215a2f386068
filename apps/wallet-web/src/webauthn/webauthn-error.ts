import { ZzError } from '@zhengzhao/core';

/**
 * Turns what `navigator.credentials.create/get` throws into a catalogue error
 * (WebAuthn Level 3 §5.1.3, §5.1.4: `NotAllowedError` covers both "cancelled" and "timed out",
 * deliberately indistinguishable to the page).
 */
export function toWebAuthnError(error: unknown): ZzError {
  if (error instanceof ZzError) return error;
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return new ZzError('ERR_WEBAUTHN_CANCELLED', undefined, { cause: error });
  }
  if (name === 'NotSupportedError' || name === 'SecurityError') {
    return new ZzError('ERR_WEBAUTHN_UNSUPPORTED', undefined, { cause: error });
  }
  return new ZzError('ERR_WEBAUTHN_CANCELLED', 'User verification failed', { cause: error });
}
