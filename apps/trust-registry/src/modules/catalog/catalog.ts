import {
  CREDENTIAL_CATALOG,
  type CredentialTypeDefinition,
  type TrustListCredentialType,
  trustListCredentialType,
} from '@zhengzhao/core';
import type { RegistryDb } from '../../context.js';
import { TrustRegistryError } from '../../errors.js';
import { insertCatalogRow, listCatalogRows, updateAuthorityKinds } from './catalog-repository.js';
import { defaultAuthorityKinds } from './default-authority-kinds.js';

/** A credential type as the registry publishes it: the trust-list entry plus its mdoc namespace. */
export interface CatalogEntry extends TrustListCredentialType {
  /** The mdoc namespace of its elements (relying parties register elements under it). */
  readonly namespace: string;
}

/** The catalog entry of a definition with its authority kinds. */
function entryOf(definition: CredentialTypeDefinition, kinds: readonly string[]): CatalogEntry {
  return { ...trustListCredentialType(definition, kinds), namespace: definition.namespace };
}

/**
 * The catalog: the code's `CREDENTIAL_CATALOG` (schemas) with the registry's authority kinds,
 * by type id. Rows of types the code no longer defines are left out.
 */
export async function listCatalog(db: RegistryDb): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const row of await listCatalogRows(db)) {
    const definition = CREDENTIAL_CATALOG.get(row.typeId);
    if (definition) entries.push(entryOf(definition, row.authorityKinds));
  }
  return entries;
}

/** The entry of `typeId`, or undefined when the catalog has no such type. */
export async function findCatalogEntry(db: RegistryDb, typeId: string): Promise<CatalogEntry | undefined> {
  return (await listCatalog(db)).find((entry) => entry.id === typeId);
}

/**
 * Adds every type of `CREDENTIAL_CATALOG` the registry does not hold yet, with its default kinds
 * (`DEFAULT_AUTHORITY_KINDS`); returns the ids added. Kinds already set are never touched.
 */
export async function seedCatalog(db: RegistryDb, now: Date): Promise<string[]> {
  const known = new Set((await listCatalogRows(db)).map((row) => row.typeId));
  const added: string[] = [];
  for (const typeId of CREDENTIAL_CATALOG.keys()) {
    if (known.has(typeId)) continue;
    await insertCatalogRow(db, { typeId, authorityKinds: defaultAuthorityKinds(typeId), updatedAt: now });
    added.push(typeId);
  }
  return added;
}

/** Replaces the kinds of authority that may issue `typeId` (404 `ERR_TRUST_REGISTRY_CREDENTIAL_TYPE_UNKNOWN`). */
export async function setAuthorityKinds(
  db: RegistryDb,
  typeId: string,
  kinds: readonly string[],
  now: Date,
): Promise<CatalogEntry> {
  const definition = CREDENTIAL_CATALOG.get(typeId);
  if (!definition || !(await updateAuthorityKinds(db, typeId, [...new Set(kinds)], now))) {
    throw new TrustRegistryError('ERR_TRUST_REGISTRY_CREDENTIAL_TYPE_UNKNOWN');
  }
  return entryOf(definition, [...new Set(kinds)]);
}
