import type { LocalizedText, RegisteredElements, TrustListRelyingParty } from '@zhengzhao/core';

/**
 * Who the national trust list says a relying party is (core's `TrustListSource` is one): for a
 * reader / access certificate whose chain already validated, its registered entry — or
 * `ERR_READER_NOT_REGISTERED` / `ERR_READER_DEREGISTERED`.
 */
export interface RelyingPartyDirectory {
  relyingPartyForCertificate(certificate: Uint8Array, now: Date): Promise<TrustListRelyingParty>;
}

/** A relying party's registration as the wallet shows it: who, why, and what it may ask for. */
export interface RelyingPartyRegistrationView {
  readonly id: string;
  readonly name: LocalizedText;
  readonly purpose: LocalizedText;
  readonly elements: RegisteredElements;
}

export function registrationView(party: TrustListRelyingParty): RelyingPartyRegistrationView {
  return { id: party.id, name: party.name, purpose: party.purpose, elements: party.elements };
}
