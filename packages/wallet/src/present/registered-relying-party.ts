import type { LocalizedText, RegisteredElements, RegisteredRelyingParty } from '@zhengzhao/core';

/**
 * Who the national trust list says a relying party is (core's `TrustListSource` is one): for a
 * reader / access certificate whose chain already validated, its registration — name from the
 * certificate, purpose and elements from the list's registration profile — or
 * `ERR_READER_NOT_REGISTERED` / `ERR_READER_DEREGISTERED`.
 */
export interface RelyingPartyDirectory {
  relyingPartyForCertificate(certificate: Uint8Array, now: Date): Promise<RegisteredRelyingParty>;
}

/** A relying party's registration as the wallet shows it: who, why, and what it may ask for. */
export interface RelyingPartyRegistrationView {
  readonly id: string;
  /** Its registration profile in the trust list (`hotel`, `gov-login`…). */
  readonly profile: string;
  readonly name: LocalizedText;
  readonly purpose: LocalizedText;
  readonly elements: RegisteredElements;
}

export function registrationView(party: RegisteredRelyingParty): RelyingPartyRegistrationView {
  return {
    id: party.id,
    profile: party.profile,
    name: party.name,
    purpose: party.purpose,
    elements: party.elements,
  };
}
