import { decodeBase64url } from '@zhengzhao/core';
import {
  type ApprovedDocument,
  type CredentialView,
  type ProximityRequest,
  type ProximitySession,
  startProximitySession,
  type Wallet,
} from '@zhengzhao/wallet';
import type { RequestedItem } from '../components/request-consent.js';
import type { AppConfig } from './app-config.js';
import { nationalTrustList } from './national-trust-list.js';
import { relyingPartyTrust } from './relying-party-trust.js';

const SEPARATOR = '\u0000';

/** Starts a proximity session over the configured relay (ISO 18013-5 engagement QR + relay). */
export async function startProximity(wallet: Wallet, config: AppConfig): Promise<ProximitySession> {
  if (!config.relayUrl) throw new Error('No relay configured');
  const list = await nationalTrustList(wallet.platform, config);
  return startProximitySession({
    platform: wallet.platform,
    relayBaseUrl: config.relayUrl,
    trust: list?.readerTrust ?? relyingPartyTrust(wallet.platform, config),
    ...(list && { relyingParties: list }),
  });
}

/** Every requested element as one consent item; key = docType, namespace and element. */
export function proximityItems(request: ProximityRequest): RequestedItem[] {
  return request.documents.flatMap((document) =>
    Object.entries(document.elements).flatMap(([namespace, elements]) =>
      elements.map((element) => ({
        key: [document.docType, namespace, element.identifier].join(SEPARATOR),
        typeId: document.docType,
        identifier: element.identifier,
        intentToRetain: element.intentToRetain,
      })),
    ),
  );
}

/**
 * Sends what the holder ticked: per requested document, one fresh mdoc copy of a held card of
 * that docType with only the chosen elements, device-signed; then records the presentation in
 * the holder's log (element names only). Documents with nothing ticked or no card are left out.
 */
export async function approveProximity(
  wallet: Wallet,
  session: ProximitySession,
  request: ProximityRequest,
  keys: readonly string[],
): Promise<void> {
  const cards = await wallet.credentials();
  const chosen = new Set(keys);
  const deviceSigner = await wallet.deviceSigner();
  const documents: ApprovedDocument[] = [];
  const used: { card: CredentialView; elements: string[] }[] = [];
  for (const document of request.documents) {
    const card = cards.find((c) => c.type === document.docType && c.status.value !== 'revoked' && c.copies.mdoc > 0);
    if (!card) continue;
    const elements: Record<string, string[]> = {};
    for (const [namespace, requested] of Object.entries(document.elements)) {
      const picked = requested
        .map((element) => element.identifier)
        .filter((identifier) => chosen.has([document.docType, namespace, identifier].join(SEPARATOR)));
      if (picked.length > 0) elements[namespace] = picked;
    }
    if (Object.keys(elements).length === 0) continue;
    const copy = await wallet.takeCopy(card.credentialId, 'mso_mdoc');
    documents.push({ issuerSigned: decodeBase64url(copy.credential), deviceSigner, elements });
    used.push({ card, elements: Object.values(elements).flat() });
  }
  if (documents.length === 0) throw new Error('Nothing to present');
  await session.respond({ documents });
  // the response is sent: a log entry that cannot be written must not hide that from the holder
  const verifier = request.reader.commonName || request.reader.organisation || 'unknown';
  for (const { card, elements } of used) {
    await wallet
      .recordTransaction({
        channel: 'proximity',
        verifier,
        ...(request.reader.organisation ? { verifierOrganisation: request.reader.organisation } : {}),
        purpose: request.reader.purpose || request.reader.organisation || verifier,
        credentialType: card.type,
        credentialId: card.credentialId,
        elements,
      })
      .catch(() => undefined);
  }
}
