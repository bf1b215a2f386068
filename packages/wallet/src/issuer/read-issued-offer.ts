import { parseCredentialOfferLink, validateCredentialOffer, ZzError } from '@zhengzhao/core';
import type { IssuedOffer } from '../wallet-types.js';

/** A tx_code as the holder would type it: printable ASCII, at most 64 characters. */
const TX_CODE = /^[\x21-\x7e]{1,64}$/;

/**
 * The credential offer in an issuer's answer to `POST /activation` or `POST /wallets/:id/offer`
 * (`{credential_offer_link, credential_offer, tx_code, expires_in}`): the link (OpenID4VCI 1.0
 * §4.1.3, checked to parse), else the offer object (§4.1.1, checked), and the tx_code the holder
 * would otherwise type. A missing or malformed offer or tx_code is `ERR_OID4VCI_ISSUER_RESPONSE`.
 */
export function readIssuedOffer(body: Readonly<Record<string, unknown>>): IssuedOffer {
  const offer = body.credential_offer_link ?? body.credential_offer;
  let text: string;
  try {
    if (typeof offer === 'string') {
      parseCredentialOfferLink(offer);
      text = offer;
    } else if (typeof offer === 'object' && offer !== null && !Array.isArray(offer)) {
      validateCredentialOffer(offer);
      text = JSON.stringify(offer);
    } else {
      throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'The answer has no credential offer');
    }
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'The answer has no valid credential offer', { cause: error });
  }
  const txCode = body.tx_code;
  if (txCode === undefined || txCode === null) return { offer: text };
  if (typeof txCode !== 'string' || !TX_CODE.test(txCode)) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'The answer has a malformed tx_code');
  }
  return { offer: text, txCode };
}
