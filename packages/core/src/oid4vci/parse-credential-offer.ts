import { parseJson } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import { MAX_CREDENTIAL_OFFER_LENGTH, validateCredentialOffer } from './credential-offer.js';
import { isEndpointUrl } from './issuer-url.js';
import type { CredentialOffer } from './types.js';

export interface ParseCredentialOfferOptions {
  /** Largest input in characters; default {@link MAX_CREDENTIAL_OFFER_LENGTH}. */
  readonly maxLength?: number;
}

/** A link's offer: by value, or by reference (`credential_offer_uri`, to fetch with GET). */
export type CredentialOfferLink =
  | { readonly credentialOffer: CredentialOffer }
  | { readonly credentialOfferUri: string };

const LINK = /^(openid-credential-offer|https?):\/\/[^?#]*\?([^#]*)$/;

/**
 * Reads a Credential Offer link (OpenID4VCI 1.0 §4.1.3): `openid-credential-offer://?…` or an
 * https universal link, carrying exactly one of `credential_offer` (JSON, by value) or
 * `credential_offer_uri` (https, by reference). Size-bounded; anything else is
 * `ERR_OID4VCI_OFFER_MALFORMED` (`ERR_INPUT_TOO_LARGE` when too long).
 */
export function parseCredentialOfferLink(link: string, options: ParseCredentialOfferOptions = {}): CredentialOfferLink {
  const maxLength = options.maxLength ?? MAX_CREDENTIAL_OFFER_LENGTH;
  if (typeof link !== 'string') throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'Offer link must be a string');
  if (link.length > maxLength) throw new ZzError('ERR_INPUT_TOO_LARGE', `Offer exceeds ${maxLength} characters`);
  const match = LINK.exec(link);
  if (!match) throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'Not a credential offer link');
  const params = new Map<string, string>();
  for (const pair of (match[2] as string).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    if (params.has(key)) throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'Offer link repeats a parameter');
    params.set(key, decodeComponent(eq < 0 ? '' : pair.slice(eq + 1)));
  }
  const byValue = params.get('credential_offer');
  const byReference = params.get('credential_offer_uri');
  if ((byValue === undefined) === (byReference === undefined)) {
    throw new ZzError(
      'ERR_OID4VCI_OFFER_MALFORMED',
      'Offer link needs exactly one of credential_offer, credential_offer_uri',
    );
  }
  if (byReference !== undefined) {
    if (!isEndpointUrl(byReference))
      throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'credential_offer_uri must be https');
    return { credentialOfferUri: byReference };
  }
  return { credentialOffer: validateCredentialOffer(parseOfferJson(byValue as string)) };
}

/**
 * Reads a Credential Offer by value: a link with `credential_offer`, the JSON text, or the parsed
 * object. A by-reference link is `ERR_OID4VCI_OFFER_MALFORMED` here (use
 * {@link parseCredentialOfferLink} and fetch it). Strict and size-bounded.
 */
export function parseCredentialOffer(input: unknown, options: ParseCredentialOfferOptions = {}): CredentialOffer {
  const maxLength = options.maxLength ?? MAX_CREDENTIAL_OFFER_LENGTH;
  if (typeof input !== 'string') return validateCredentialOffer(input);
  if (input.length > maxLength) throw new ZzError('ERR_INPUT_TOO_LARGE', `Offer exceeds ${maxLength} characters`);
  const trimmed = input.trim();
  if (trimmed.startsWith('{')) return validateCredentialOffer(parseOfferJson(trimmed));
  const link = parseCredentialOfferLink(trimmed, options);
  if ('credentialOfferUri' in link) {
    throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'Offer is by reference; fetch credential_offer_uri first');
  }
  return link.credentialOffer;
}

function parseOfferJson(text: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'credential_offer is not JSON', { cause: error });
  }
}

/** application/x-www-form-urlencoded component decoding: `+` is a space; bad escapes are typed errors. */
function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'Offer link has a malformed escape', { cause: error });
  }
}
