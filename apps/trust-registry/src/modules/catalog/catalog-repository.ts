import type { RegistryDb } from '../../context.js';

/** The registry's policy for one credential type of the catalog. */
export interface CatalogRow {
  readonly typeId: string;
  readonly authorityKinds: readonly string[];
  readonly updatedAt: Date;
}

export async function listCatalogRows(db: RegistryDb): Promise<CatalogRow[]> {
  const rows = await db.selectFrom('credential_types').selectAll().orderBy('type_id').execute();
  return rows.map((r) => ({
    typeId: r.type_id,
    authorityKinds: JSON.parse(r.authority_kinds) as string[],
    updatedAt: new Date(Number(r.updated_at)),
  }));
}

export async function insertCatalogRow(db: RegistryDb, row: CatalogRow): Promise<void> {
  await db
    .insertInto('credential_types')
    .values({
      type_id: row.typeId,
      authority_kinds: JSON.stringify(row.authorityKinds),
      updated_at: row.updatedAt.getTime(),
    })
    .execute();
}

/** Sets the kinds of an existing row; false when there is no such row. */
export async function updateAuthorityKinds(
  db: RegistryDb,
  typeId: string,
  kinds: readonly string[],
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('credential_types')
    .set({ authority_kinds: JSON.stringify(kinds), updated_at: now.getTime() })
    .where('type_id', '=', typeId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
