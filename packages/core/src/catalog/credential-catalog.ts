import { ZzError } from '../errors/zz-error.js';
import type { CredentialTypeDefinition, ElementDefinition } from './credential-type.js';
import { RESIDENT_ID_TYPE } from './resident-id-type.js';

/** Catalog v0: every credential type the platform knows, by type id. */
export const CREDENTIAL_CATALOG: ReadonlyMap<string, CredentialTypeDefinition> = new Map([
  [RESIDENT_ID_TYPE.typeId, RESIDENT_ID_TYPE],
]);

/** The catalog entry for `typeId`, or `ERR_CATALOG_UNKNOWN_TYPE`. */
export function getCredentialType(typeId: string): CredentialTypeDefinition {
  const type = typeof typeId === 'string' ? CREDENTIAL_CATALOG.get(typeId) : undefined;
  if (!type) throw new ZzError('ERR_CATALOG_UNKNOWN_TYPE', 'Credential type is not in the catalog');
  return type;
}

/** The definition of one element of a type, or undefined. */
export function findElement(type: CredentialTypeDefinition, elementId: string): ElementDefinition | undefined {
  return type.elements.find((element) => element.id === elementId);
}
