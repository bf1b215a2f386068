import {
  CREDENTIAL_CATALOG,
  credentialNamespaces,
  elementNamespace,
  type RegisteredElements,
  ZzError,
} from '@zhengzhao/core';
import { TrustRegistryError } from '../../errors.js';
import type { CatalogEntry } from '../catalog/catalog.js';

/**
 * Checks the elements a registration profile lets relying parties ask for against the catalog:
 * each credential type exists (`ERR_CATALOG_UNKNOWN_TYPE`), each namespace is one its elements
 * live in and each element id one of its elements in that namespace
 * (`ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN`). An mDL has elements in `org.iso.18013.5.1` and
 * `cn.gov.mdl.1`.
 */
export function checkRegisteredElements(
  elements: RegisteredElements,
  catalog: ReadonlyMap<string, CatalogEntry>,
): void {
  for (const [typeId, namespaces] of Object.entries(elements)) {
    const type = catalog.get(typeId);
    if (!type) throw new ZzError('ERR_CATALOG_UNKNOWN_TYPE', `Credential type ${typeId} is not in the catalog`);
    // the registry publishes only types of the code's catalog, which knows each element's namespace
    const definition = CREDENTIAL_CATALOG.get(typeId);
    const known = definition ? credentialNamespaces(definition) : [type.namespace];
    for (const [namespace, ids] of Object.entries(namespaces)) {
      if (!known.includes(namespace)) {
        throw new TrustRegistryError(
          'ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN',
          `${typeId} has no namespace ${namespace} (its elements live in ${known.join(', ')})`,
        );
      }
      for (const id of ids) {
        const inNamespace = definition
          ? definition.elements.some((e) => e.id === id && elementNamespace(definition, e) === namespace)
          : type.elements.some((element) => element.id === id);
        if (!inNamespace) {
          throw new TrustRegistryError('ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN', `${typeId} has no element ${id}`);
        }
      }
    }
  }
}
