import type { TrustList } from '@zhengzhao/core';
import { type RegistryDb, rfc3339 } from '../../context.js';
import { authorityEntry } from '../authorities/authority-entry.js';
import {
  listAuthorities,
  listAuthorityCertificates,
  listCompromisedKeys,
} from '../authorities/authority-repository.js';
import { listCatalog } from '../catalog/catalog.js';
import { listRegistrationProfiles } from '../registration-profiles/registration-profiles.js';
import { relyingPartyEntry } from '../relying-parties/relying-party-entry.js';
import { listRelyingParties, listRelyingPartyCertificates } from '../relying-parties/relying-party-repository.js';

export interface BuildTrustListOptions {
  readonly sequence: number;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/**
 * The trust list as the database holds it now (read inside the publishing transaction): every
 * authority, withdrawn ones included (their `withdrawn_at` tells verifiers from when to refuse),
 * the catalog's credential types with their authority kinds, every registration profile, and
 * every relying party (with its profile's id).
 */
export async function buildTrustList(db: RegistryDb, options: BuildTrustListOptions): Promise<TrustList> {
  // one query after the other: inside a transaction they share one connection
  const authorities = await listAuthorities(db);
  const certificates = await listAuthorityCertificates(db);
  const compromised = await listCompromisedKeys(db);
  const catalog = await listCatalog(db);
  const profiles = await listRegistrationProfiles(db);
  const parties = await listRelyingParties(db);
  const partyCertificates = await listRelyingPartyCertificates(db);
  return {
    version: 1,
    sequence: options.sequence,
    issued_at: rfc3339(options.issuedAt.getTime()),
    expires_at: rfc3339(options.expiresAt.getTime()),
    authorities: authorities.map((authority) => authorityEntry(authority, certificates, compromised)),
    credential_types: catalog.map(({ namespace: _namespace, ...type }) => type),
    registration_profiles: profiles,
    relying_parties: parties.map((party) => relyingPartyEntry(party, partyCertificates, options.issuedAt)),
  };
}
