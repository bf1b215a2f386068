import { activateWithCard, type IssuedOffer } from '@zhengzhao/wallet';

/**
 * Activation with the card (engine `activateWithCard`, `POST {issuer}/activation`) with the
 * page's own fetch: the card number and the clerk's one-time code → an offer and its tx_code.
 */
export function activateCard(input: {
  issuerUrl: string;
  cardNumber: string;
  activationCode: string;
}): Promise<IssuedOffer> {
  return activateWithCard({ ...input, fetch: (url, init) => fetch(url, init) });
}
