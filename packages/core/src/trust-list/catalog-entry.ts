import type { CredentialTypeDefinition } from '../catalog/credential-type.js';
import type { TrustListCredentialType } from './trust-list-types.js';

/** A catalog credential type as the trust list publishes it, with the kinds of authority that may issue it. */
export function trustListCredentialType(
  definition: CredentialTypeDefinition,
  authorityKinds: readonly string[],
): TrustListCredentialType {
  return {
    id: definition.typeId,
    name: definition.display,
    authority_kinds: [...authorityKinds],
    elements: definition.elements.map((element) => ({
      id: element.id,
      value_type: element.valueType,
      name: element.display,
    })),
  };
}
