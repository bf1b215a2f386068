import { postCardProof } from './issuer/post-card-proof.js';
import { readIssuedOffer } from './issuer/read-issued-offer.js';
import type { ActivateWithCardInput, IssuedOffer } from './wallet-types.js';

/**
 * Wallet activation, the holder's side (Zhengzhao issue 3 §3, issue 4 §3): the holder proves
 * the card with its number and the one-time activation code the registry clerk showed them (the
 * SMS stand-in) at `POST {issuer}/activation`, and gets a credential offer with its tx_code —
 * pass both to `previewOffer` / `acceptOffer`. A standalone function like `reportLostDevice`: no
 * wallet, no device key, nothing stored; the code is spent by the issuer on success.
 *
 * Errors (`ZzError` codes):
 * - `ERR_INPUT_INVALID`: a malformed issuer URL (https, or http on the loopback interface only),
 *   card number or code — checked before any call;
 * - `ERR_OID4VCI_ACTIVATION_CODE_INVALID`: wrong card number or code, or a code already used;
 * - `ERR_OID4VCI_ACTIVATION_CODE_EXPIRED`: ask the clerk for a new code;
 * - `ERR_OID4VCI_ACTIVATION_LOCKED`: too many failures; `retryAfterSeconds(error)` says how long;
 * - `ERR_ISSUER_CARD_NOT_ACTIVE`: the card is lost, cancelled or replaced;
 * - `ERR_WALLET_SYNC_FAILED`: the issuer is unreachable, silent for `timeoutMs` (default 20 s) or
 *   answered oddly; `ERR_OID4VCI_ISSUER_RESPONSE`: its answer holds no valid offer.
 */
export async function activateWithCard(input: ActivateWithCardInput): Promise<IssuedOffer> {
  return readIssuedOffer(await postCardProof(input, '/activation'));
}
