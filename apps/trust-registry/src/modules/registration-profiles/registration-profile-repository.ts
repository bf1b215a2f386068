import type { LocalizedText, RegisteredElements, TrustListRegistrationProfile } from '@zhengzhao/core';
import type { RegistryDb } from '../../context.js';
import type { RegistrationProfilesTable } from '../../db/schema.js';

function toProfile(row: RegistrationProfilesTable): TrustListRegistrationProfile {
  return {
    id: row.id,
    name: JSON.parse(row.name) as LocalizedText,
    purpose: JSON.parse(row.purpose) as LocalizedText,
    elements: JSON.parse(row.elements) as RegisteredElements,
  };
}

export async function findRegistrationProfileRow(
  db: RegistryDb,
  id: string,
): Promise<TrustListRegistrationProfile | undefined> {
  const row = await db.selectFrom('registration_profiles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

/** Every profile, by id. */
export async function listRegistrationProfileRows(db: RegistryDb): Promise<TrustListRegistrationProfile[]> {
  return (await db.selectFrom('registration_profiles').selectAll().orderBy('id').execute()).map(toProfile);
}

/** Inserts `profile`, or replaces the one with its id; true when it was new. */
export async function upsertRegistrationProfile(
  db: RegistryDb,
  profile: TrustListRegistrationProfile,
  now: Date,
): Promise<boolean> {
  const values = {
    name: JSON.stringify(profile.name),
    purpose: JSON.stringify(profile.purpose),
    elements: JSON.stringify(profile.elements),
    updated_at: now.getTime(),
  };
  const updated = await db
    .updateTable('registration_profiles')
    .set(values)
    .where('id', '=', profile.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return false;
  await db
    .insertInto('registration_profiles')
    .values({ id: profile.id, ...values })
    .execute();
  return true;
}
