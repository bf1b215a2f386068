import {
  type CredentialView,
  declinePresentationRequest,
  type PresentationRequest,
  type PresentationResult,
  type PresentationSelection,
  readPresentationRequest,
  respondToPresentationRequest,
  type Wallet,
} from '@zhengzhao/wallet';
import type { RequestedItem } from '../components/request-consent.js';
import type { AppConfig } from './app-config.js';
import { nationalTrustList } from './national-trust-list.js';
import { relyingPartyTrust } from './relying-party-trust.js';

const SEPARATOR = '\u0000';
const pageFetch = (url: string, init: RequestInit) => fetch(url, init);

/** Reads and verifies an OpenID4VP request (a link, or QR text), fetching its signed Request Object. */
export async function readOnlineRequest(
  wallet: Wallet,
  config: AppConfig,
  input: string,
): Promise<PresentationRequest> {
  const list = await nationalTrustList(wallet.platform, config);
  return readPresentationRequest({
    platform: wallet.platform,
    input,
    trust: list?.readerTrust ?? relyingPartyTrust(wallet.platform, config),
    ...(list && { relyingParties: list }),
    fetch: pageFetch,
  });
}

/** One query the wallet can answer: the card that answers it and the claim names asked for. */
export interface OnlineMatch {
  readonly queryId: string;
  readonly card: CredentialView;
  readonly claims: readonly string[];
}

/**
 * Matches each DCQL query to a held card by type (SD-JWT VC `vct`, which is the catalog type)
 * with an unused SD-JWT copy left. The claims are the top-level names of the requested paths.
 * Matching by type avoids spending a one-time copy on a request the holder may decline.
 */
export function matchOnline(request: PresentationRequest, cards: readonly CredentialView[]): OnlineMatch[] {
  return request.credentials.flatMap((query) => {
    if (query.format !== 'dc+sd-jwt') return [];
    const card = cards.find((c) => query.types.includes(c.type) && c.status.value !== 'revoked' && c.copies.sdJwt > 0);
    if (!card) return [];
    const claims = [
      ...new Set(query.claims.map((claim) => claim.path[0]).filter((name): name is string => typeof name === 'string')),
    ];
    return [{ queryId: query.queryId, card, claims }];
  });
}

export function onlineItems(matches: readonly OnlineMatch[]): RequestedItem[] {
  return matches.flatMap((match) =>
    match.claims.map((claim) => ({
      key: [match.queryId, claim].join(SEPARATOR),
      typeId: match.card.type,
      identifier: claim,
    })),
  );
}

/**
 * Presents one fresh SD-JWT copy per matched query with only the ticked claims and a Key Binding
 * JWT for this verifier and nonce, posts the response, records it in the holder's log, and
 * returns the verifier's redirect (same-device flow).
 */
export async function approveOnline(
  wallet: Wallet,
  request: PresentationRequest,
  matches: readonly OnlineMatch[],
  keys: readonly string[],
): Promise<PresentationResult> {
  const chosen = new Set(keys);
  const deviceSigner = await wallet.deviceSigner();
  const selections: PresentationSelection[] = [];
  for (const match of matches) {
    const claims = match.claims.filter((claim) => chosen.has([match.queryId, claim].join(SEPARATOR)));
    if (claims.length === 0 && match.claims.length > 0) continue;
    const copy = await wallet.takeCopy(match.card.credentialId, 'dc+sd-jwt');
    selections.push({ queryId: match.queryId, sdJwt: copy.credential, deviceSigner, claims });
  }
  const result = await respondToPresentationRequest({
    platform: wallet.platform,
    request,
    selections,
    fetch: pageFetch,
  });
  // the presentation is sent: a log entry that cannot be written must not hide that from the holder
  for (const selection of selections) {
    const match = matches.find((m) => m.queryId === selection.queryId);
    if (!match) continue;
    await wallet
      .recordTransaction({
        channel: 'online',
        verifier: request.verifier.host,
        ...(request.verifier.organisation ? { verifierOrganisation: request.verifier.organisation } : {}),
        purpose: request.purpose || request.verifier.organisation || request.verifier.host,
        credentialType: match.card.type,
        credentialId: match.card.credentialId,
        elements: selection.claims.filter((claim): claim is string => typeof claim === 'string'),
      })
      .catch(() => undefined);
  }
  return result;
}

/** Tells the verifier the holder declined (`access_denied`); returns its redirect if any. */
export function declineOnline(request: PresentationRequest): Promise<PresentationResult> {
  return declinePresentationRequest({ request, fetch: pageFetch });
}
