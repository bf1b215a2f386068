import type { TrustListRelyingParty } from '@zhengzhao/core';
import { rfc3339 } from '../../context.js';
import type { RelyingPartyCertificateRecord, RelyingPartyRecord } from './relying-party-repository.js';

/**
 * A relying party's trust-list entry: its certificates still valid at `at` (expired ones drop
 * out, so the list stays within its 64 certificates per party), de-registration if any.
 */
export function relyingPartyEntry(
  party: RelyingPartyRecord,
  certificates: readonly RelyingPartyCertificateRecord[],
  at: Date,
): TrustListRelyingParty {
  return {
    id: party.id,
    name: party.name,
    purpose: party.purpose,
    certificates: liveCertificates(party.id, certificates, at).map((c) => c.certificateSha256),
    elements: party.elements,
    ...(party.deregisteredAt !== null && { deregistered_at: rfc3339(party.deregisteredAt.getTime()) }),
  };
}

/** The certificates of `partyId` not expired at `at`. */
export function liveCertificates(
  partyId: string,
  certificates: readonly RelyingPartyCertificateRecord[],
  at: Date,
): RelyingPartyCertificateRecord[] {
  return certificates.filter((c) => c.relyingPartyId === partyId && c.notAfter.getTime() > at.getTime());
}
