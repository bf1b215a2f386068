import { validateCredentialOffer } from './credential-offer.js';
import { CREDENTIAL_OFFER_SCHEME, type CredentialOffer } from './types.js';

/**
 * The offer as a link for a QR code or a deep link, by value (OpenID4VCI 1.0 §4.1.3):
 * `openid-credential-offer://?credential_offer=<percent-encoded JSON>`. The offer is validated
 * first (`ERR_OID4VCI_OFFER_MALFORMED`).
 */
export function encodeCredentialOfferUri(offer: CredentialOffer, scheme: string = CREDENTIAL_OFFER_SCHEME): string {
  const valid = validateCredentialOffer(offer);
  return `${scheme}?credential_offer=${encodeURIComponent(JSON.stringify(valid))}`;
}
