import type { TrustListRelyingParty } from '@zhengzhao/core';
import { rfc3339 } from '../../context.js';
import type { RelyingPartyCertificateRecord, RelyingPartyRecord } from './relying-party-repository.js';

/**
 * A relying party's trust-list entry: its registration profile, its certificates still valid at
 * `at` (expired ones drop out, so the list stays within its 64 certificates per party),
 * de-registration if any. Its name is in its certificates, not in the list.
 */
export function relyingPartyEntry(
  party: RelyingPartyRecord,
  certificates: readonly RelyingPartyCertificateRecord[],
  at: Date,
): TrustListRelyingParty {
  return {
    id: party.id,
    profile: party.profile,
    certificates: liveCertificates(party.id, certificates, at).map((c) => c.certificateSha256),
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
