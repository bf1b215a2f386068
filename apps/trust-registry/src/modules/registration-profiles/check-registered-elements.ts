import { type RegisteredElements, ZzError } from '@zhengzhao/core';
import { TrustRegistryError } from '../../errors.js';
import type { CatalogEntry } from '../catalog/catalog.js';

/**
 * Checks the elements a registration profile lets relying parties ask for against the catalog:
 * each credential type exists (`ERR_CATALOG_UNKNOWN_TYPE`), each namespace is the type's
 * namespace and each element id one of its elements (`ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN`).
 */
export function checkRegisteredElements(
  elements: RegisteredElements,
  catalog: ReadonlyMap<string, CatalogEntry>,
): void {
  for (const [typeId, namespaces] of Object.entries(elements)) {
    const type = catalog.get(typeId);
    if (!type) throw new ZzError('ERR_CATALOG_UNKNOWN_TYPE', `Credential type ${typeId} is not in the catalog`);
    for (const [namespace, ids] of Object.entries(namespaces)) {
      if (namespace !== type.namespace) {
        throw new TrustRegistryError(
          'ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN',
          `${typeId} has no namespace ${namespace} (its elements live in ${type.namespace})`,
        );
      }
      for (const id of ids) {
        if (!type.elements.some((element) => element.id === id)) {
          throw new TrustRegistryError('ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN', `${typeId} has no element ${id}`);
        }
      }
    }
  }
}
