import {
  CREDENTIAL_ISSUER_WELL_KNOWN,
  type CredentialIssuerMetadata,
  type CredentialOffer,
  callIssuer,
  MAX_CREDENTIAL_OFFER_LENGTH,
  PRE_AUTHORIZED_CODE_GRANT,
  parseCredentialIssuerMetadata,
  parseCredentialOffer,
  parseCredentialOfferLink,
  validateCredentialOffer,
  wellKnownUrl,
  ZzError,
} from '@zhengzhao/core';
import type { WalletFetch } from '../wallet-types.js';

const METADATA_MAX = 256 * 1024;

/** The formats this wallet stores: mdoc (proximity), SD-JWT VC (online), ZZ1 (offline QR). */
export const SUPPORTED_FORMATS: readonly string[] = ['mso_mdoc', 'dc+sd-jwt', 'zz1_qr'];

/**
 * The Credential Offer in `input` (OpenID4VCI 1.0 §4.1): an `openid-credential-offer://` link,
 * an https link, the text of a scanned QR code, or the offer's JSON. A by-reference link
 * (`credential_offer_uri`) is fetched. Not a string, empty, oversized or malformed input is
 * `ERR_OID4VCI_OFFER_MALFORMED` / `ERR_INPUT_TOO_LARGE`; an offer without a pre-authorized code
 * (this wallet has no browser-based authorization flow) is `ERR_OID4VCI_OFFER_MALFORMED`.
 */
export async function readOffer(input: unknown, fetchFn: WalletFetch): Promise<CredentialOffer> {
  if (typeof input !== 'string') throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'The offer must be text');
  if (input.length > MAX_CREDENTIAL_OFFER_LENGTH) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', `The offer exceeds ${MAX_CREDENTIAL_OFFER_LENGTH} characters`);
  }
  const text = input.trim();
  if (text.length === 0) throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'The offer is empty');
  let offer: CredentialOffer;
  if (text.startsWith('{')) {
    offer = parseCredentialOffer(text);
  } else {
    const link = parseCredentialOfferLink(text);
    if ('credentialOffer' in link) {
      offer = link.credentialOffer;
    } else {
      const { body } = await callIssuer(fetchFn, link.credentialOfferUri, { method: 'GET', maxLength: 16 * 1024 });
      offer = validateCredentialOffer(body);
    }
  }
  if (!offer.grants?.[PRE_AUTHORIZED_CODE_GRANT]) {
    throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'The offer has no pre-authorized code');
  }
  return offer;
}

/** The issuer's metadata (OpenID4VCI 1.0 §12.2), fetched from its well-known URL and checked. */
export async function fetchIssuerMetadata(fetchFn: WalletFetch, issuer: string): Promise<CredentialIssuerMetadata> {
  const { body } = await callIssuer(fetchFn, wellKnownUrl(issuer, CREDENTIAL_ISSUER_WELL_KNOWN), {
    method: 'GET',
    maxLength: METADATA_MAX,
  });
  return parseCredentialIssuerMetadata(body, issuer);
}

/** Offered configuration ids the issuer describes in a format this wallet stores. */
export function supportedConfigurationIds(offer: CredentialOffer, metadata: CredentialIssuerMetadata): string[] {
  const ids = offer.credential_configuration_ids.filter((id) => {
    const format = metadata.credential_configurations_supported[id]?.format;
    return format !== undefined && SUPPORTED_FORMATS.includes(format);
  });
  if (ids.length === 0) {
    throw new ZzError('ERR_OID4VCI_OFFER_MALFORMED', 'The offer holds nothing this wallet can store');
  }
  return ids;
}

/** The display name for `locale` (exact, then language, then the first), or undefined. */
export function pickDisplayName(
  display: readonly { readonly name: string; readonly locale?: string }[] | undefined,
  locale: string,
): string | undefined {
  if (!display || display.length === 0) return undefined;
  const language = locale.split('-')[0];
  return (
    display.find((d) => d.locale === locale)?.name ??
    display.find((d) => d.locale?.split('-')[0] === language)?.name ??
    display[0]?.name
  );
}

/** Every display name by locale (entries without a locale under `''`). */
export function displayNames(
  display: readonly { readonly name: string; readonly locale?: string }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of display ?? []) if (typeof d.name === 'string') out[d.locale ?? ''] ??= d.name;
  return out;
}
