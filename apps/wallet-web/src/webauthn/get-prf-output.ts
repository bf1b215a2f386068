import { ZzError } from '@zhengzhao/core';
import { toWebAuthnError } from './webauthn-error.js';

export interface PrfAssertion {
  /** The credential the holder used (`rawId`). */
  readonly credentialId: Uint8Array;
  /** `prf.results.first`: 32 bytes, the same each time for this credential and salt. */
  readonly output: Uint8Array;
}

export interface GetPrfOutputOptions {
  /** The wallet's enrolled credentials (`wallet.prfCredentialIds()`). */
  readonly credentialIds: readonly Uint8Array[];
  /** The wallet's PRF salt (`wallet.prfSalt()`). */
  readonly salt: Uint8Array;
  readonly signal?: AbortSignal;
}

/** Copies bytes into a fresh ArrayBuffer (WebAuthn takes BufferSource; avoid shared views). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * Asks the platform authenticator to verify the holder (fingerprint, face) and to evaluate the
 * PRF extension over the wallet's salt: WebAuthn Level 3 §5.1.4 `navigator.credentials.get` with
 * `userVerification: 'required'` and §10.1.4 `prf.eval.first`. The challenge is random and never
 * checked by a server: the wallet trusts the PRF output (which only the enrolled authenticator can
 * produce, after user verification), not the assertion signature.
 */
export async function getPrfOutput(options: GetPrfOutputOptions): Promise<PrfAssertion> {
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.get({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        allowCredentials: options.credentialIds.map((id) => ({
          type: 'public-key' as const,
          id: toArrayBuffer(id),
          transports: ['internal' as const],
        })),
        userVerification: 'required',
        timeout: 60_000,
        extensions: { prf: { eval: { first: toArrayBuffer(options.salt) } } },
      },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw toWebAuthnError(error);
  }
  if (!(credential instanceof PublicKeyCredential)) throw new ZzError('ERR_WEBAUTHN_CANCELLED');
  const first = credential.getClientExtensionResults().prf?.results?.first;
  if (!first) throw new ZzError('ERR_WEBAUTHN_PRF_UNSUPPORTED');
  return { credentialId: new Uint8Array(credential.rawId), output: bytesOf(first) };
}

/** A BufferSource as a Uint8Array copy. */
export function bytesOf(source: BufferSource): Uint8Array {
  if (source instanceof ArrayBuffer) return new Uint8Array(source.slice(0));
  return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
}
