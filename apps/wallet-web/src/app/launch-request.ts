/**
 * What the wallet was opened with (same-device flows): an OpenID4VP authorization request
 * (`?client_id=…&request_uri=…`, or `?request=openid4vp://…`) or a credential offer
 * (`?credential_offer=…` / `?credential_offer_uri=…`). Read once at start; the URL is then cleaned
 * so a reload does not replay it.
 */
export type LaunchRequest =
  | { readonly kind: 'presentation'; readonly request: string }
  | { readonly kind: 'offer'; readonly offer: string };

export function readLaunchRequest(search: string): LaunchRequest | undefined {
  const params = new URLSearchParams(search);
  const wrapped = params.get('request');
  if (wrapped?.startsWith('openid4vp:')) return { kind: 'presentation', request: wrapped };
  if (params.has('client_id') && (params.has('request_uri') || params.has('request') || params.has('dcql_query'))) {
    return { kind: 'presentation', request: `openid4vp://?${params.toString()}` };
  }
  if (params.has('credential_offer') || params.has('credential_offer_uri')) {
    return { kind: 'offer', offer: `openid-credential-offer://?${params.toString()}` };
  }
  return undefined;
}
