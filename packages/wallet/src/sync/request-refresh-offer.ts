import type { Platform, Signer } from '@zhengzhao/core';
import { callIssuerJson } from '../issuer/call-issuer-json.js';
import { deviceKeyProof } from '../issuer/device-key-proof.js';
import { readIssuedOffer } from '../issuer/read-issued-offer.js';
import type { IssuedOffer, WalletFetch } from '../wallet-types.js';

/**
 * Asks the issuer for a fresh batch after a `refresh` notification (card changed, renewed,
 * replaced): `POST {issuer}/wallets/{walletId}/offer` with an OpenID4VCI key proof (a JWT signed
 * by the device key, `aud` = the issuer, a fresh `c_nonce`) — the wallet proves it holds the key
 * the wallet id is the thumbprint of, instead of the holder typing an activation code again.
 * The answer is a normal credential offer (and its tx_code) for the same person.
 */
export async function requestRefreshOffer(
  platform: Platform,
  options: { issuer: string; walletId: string; deviceSigner: Signer; fetch: WalletFetch; now: Date },
): Promise<IssuedOffer> {
  const proof = await deviceKeyProof(platform, options);
  const issuer = options.issuer.replace(/\/$/, '');
  const body = await callIssuerJson(options.fetch, `${issuer}/wallets/${encodeURIComponent(options.walletId)}/offer`, {
    method: 'POST',
    body: { proof },
    maxLength: 32 * 1024,
  });
  return readIssuedOffer(body);
}
