import { ZzError } from '@zhengzhao/core';
import { bytesOf, getPrfOutput, type PrfAssertion, toArrayBuffer } from './get-prf-output.js';
import { toWebAuthnError } from './webauthn-error.js';

export interface CreatePrfCredentialOptions {
  /** The wallet's PRF salt (`wallet.prfSalt()`). */
  readonly salt: Uint8Array;
  /** Relying-party name shown by the authenticator (证照钱包). */
  readonly rpName: string;
  /** A label for the passkey in the phone's list; never personal data. */
  readonly userName: string;
}

/**
 * Enrols the phone's fingerprint or face for this wallet: a discoverable credential on the
 * platform authenticator (WebAuthn Level 3 §5.1.3 `navigator.credentials.create`, attachment
 * `platform`, `residentKey: 'required'`, `userVerification: 'required'`) with the PRF extension
 * (§10.1.4) evaluated over the wallet's salt. Authenticators that cannot evaluate PRF during
 * creation (CTAP2 hmac-secret before CTAP 2.2) report `prf.enabled` only; the output then comes
 * from an immediate `get()`, which asks for the fingerprint once more.
 */
export async function createPrfCredential(options: CreatePrfCredentialOptions): Promise<PrfAssertion> {
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.create({
      publicKey: {
        rp: { name: options.rpName },
        user: {
          id: crypto.getRandomValues(new Uint8Array(16)),
          name: options.userName,
          displayName: options.userName,
        },
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 }, // ES256
          { type: 'public-key', alg: -257 }, // RS256 (Windows Hello)
        ],
        authenticatorSelection: {
          authenticatorAttachment: 'platform',
          residentKey: 'required',
          requireResidentKey: true,
          userVerification: 'required',
        },
        attestation: 'none',
        timeout: 60_000,
        extensions: { prf: { eval: { first: toArrayBuffer(options.salt) } } },
      },
    });
  } catch (error) {
    throw toWebAuthnError(error);
  }
  if (!(credential instanceof PublicKeyCredential)) throw new ZzError('ERR_WEBAUTHN_CANCELLED');
  const prf = credential.getClientExtensionResults().prf;
  const credentialId = new Uint8Array(credential.rawId);
  const first = prf?.results?.first;
  if (first) return { credentialId, output: bytesOf(first) };
  if (!prf?.enabled) throw new ZzError('ERR_WEBAUTHN_PRF_UNSUPPORTED');
  return getPrfOutput({ credentialIds: [credentialId], salt: options.salt });
}
