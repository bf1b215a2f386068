import { callIssuer, createProofJwt, type Platform, type Signer, ZzError } from '@zhengzhao/core';
import { fetchIssuerMetadata } from '../receive/read-offer.js';
import type { WalletFetch } from '../wallet-types.js';

/**
 * An OpenID4VCI key proof (OpenID4VCI 1.0 §8.2.1.1) for the issuer's wallet endpoints: a JWT
 * signed by the device key, `aud` = the credential issuer, with a fresh `c_nonce` from the nonce
 * endpoint — the wallet proves it holds the key its wallet id is the thumbprint of.
 */
export async function deviceKeyProof(
  platform: Platform,
  options: { issuer: string; deviceSigner: Signer; fetch: WalletFetch; now: Date },
): Promise<string> {
  const metadata = await fetchIssuerMetadata(options.fetch, options.issuer);
  let nonce: string | undefined;
  if (metadata.nonce_endpoint !== undefined) {
    const { body } = await callIssuer(options.fetch, metadata.nonce_endpoint, { method: 'POST', maxLength: 16 * 1024 });
    if (typeof body.c_nonce !== 'string' || body.c_nonce.length === 0) {
      throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Nonce response has no c_nonce');
    }
    nonce = body.c_nonce;
  }
  return createProofJwt(platform, {
    signer: options.deviceSigner,
    audience: metadata.credential_issuer,
    now: options.now,
    ...(nonce !== undefined ? { nonce } : {}),
  });
}
