import type { CredentialTypeDefinition, ElementDefinition } from './credential-type.js';

/**
 * The mdoc namespace an element lives in (ISO/IEC 18013-5 §8.3.2.1.2.2 NameSpace): its own
 * `namespace` when it has one, else the type's. The mDL keeps the ISO elements in
 * `org.iso.18013.5.1` and the Chinese ones in `cn.gov.mdl.1`. Accepts the element or its id
 * (an id the type does not have gets the type's namespace).
 */
export function elementNamespace(type: CredentialTypeDefinition, element: ElementDefinition | string): string {
  const definition = typeof element === 'string' ? type.elements.find((e) => e.id === element) : element;
  return definition?.namespace ?? type.namespace;
}

/** Every namespace the type's elements live in, the type's own first. */
export function credentialNamespaces(type: CredentialTypeDefinition): readonly string[] {
  return [...new Set([type.namespace, ...type.elements.map((element) => elementNamespace(type, element))])];
}
