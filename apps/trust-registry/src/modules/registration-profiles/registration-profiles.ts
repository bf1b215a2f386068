import type { LocalizedText, RegisteredElements, TrustListRegistrationProfile } from '@zhengzhao/core';
import type { RegistryDb } from '../../context.js';
import { listCatalog } from '../catalog/catalog.js';
import { checkRegisteredElements } from './check-registered-elements.js';
import { DEFAULT_REGISTRATION_PROFILES } from './default-registration-profiles.js';
import {
  findRegistrationProfileRow,
  listRegistrationProfileRows,
  upsertRegistrationProfile,
} from './registration-profile-repository.js';

/** `PUT /admin/registration-profiles/:id` (snake_case like the trust list). */
export interface PutRegistrationProfileRequest {
  readonly name: LocalizedText;
  readonly purpose: LocalizedText;
  readonly elements: RegisteredElements;
}

/** Every registration profile as the trust list publishes it, by id. */
export function listRegistrationProfiles(db: RegistryDb): Promise<TrustListRegistrationProfile[]> {
  return listRegistrationProfileRows(db);
}

/** The profile `id`, or undefined. */
export function findRegistrationProfile(db: RegistryDb, id: string): Promise<TrustListRegistrationProfile | undefined> {
  return findRegistrationProfileRow(db, id);
}

/** Checks `elements` against the registry's catalog (`ERR_CATALOG_UNKNOWN_TYPE`, `ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN`). */
async function checkAgainstCatalog(db: RegistryDb, elements: RegisteredElements): Promise<void> {
  checkRegisteredElements(elements, new Map((await listCatalog(db)).map((type) => [type.id, type])));
}

/**
 * Creates or replaces the profile `id`, its elements checked against the catalog. Every relying
 * party under it may ask for the new elements from the next list on (the list, not the copy in
 * their certificates, is authoritative). Returns the profile and whether it is new.
 */
export async function putRegistrationProfile(
  db: RegistryDb,
  id: string,
  request: PutRegistrationProfileRequest,
  now: Date,
): Promise<{ readonly profile: TrustListRegistrationProfile; readonly created: boolean }> {
  await checkAgainstCatalog(db, request.elements);
  const profile: TrustListRegistrationProfile = {
    id,
    name: request.name,
    purpose: request.purpose,
    elements: request.elements,
  };
  return { profile, created: await upsertRegistrationProfile(db, profile, now) };
}

/**
 * Adds every profile of {@link DEFAULT_REGISTRATION_PROFILES} the registry does not hold yet
 * (run after the catalog is seeded); returns the ids added. Profiles already held are never
 * touched.
 */
export async function seedRegistrationProfiles(db: RegistryDb, now: Date): Promise<string[]> {
  const known = new Set((await listRegistrationProfileRows(db)).map((profile) => profile.id));
  const added: string[] = [];
  for (const profile of DEFAULT_REGISTRATION_PROFILES) {
    if (known.has(profile.id)) continue;
    await checkAgainstCatalog(db, profile.elements);
    await upsertRegistrationProfile(db, profile, now);
    added.push(profile.id);
  }
  return added;
}
