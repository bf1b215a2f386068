import { ZzError } from '@zhengzhao/core';
import type { PresentationRequest } from './oid4vp/presentation-types.js';
import type { ProximityRequest } from './proximity/proximity-types.js';

/**
 * What a relying party is registered to ask for (DESIGN.md M10): credential type (mdoc docType or
 * SD-JWT vct) → namespace → element identifiers. For SD-JWT VCs the namespace is the vct itself
 * and the identifiers are top-level claim names (the catalog uses one name for docType, namespace
 * and vct, e.g. `cn.gov.eid.1`). Reader certificates carry no registration yet; the national
 * trust registry will publish it per relying party.
 */
export type ReaderRegistration = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** One requested element the registration does not cover. */
export interface ElementBeyondRegistration {
  readonly docType: string;
  readonly namespace: string;
  readonly identifier: string;
}

/**
 * The requested elements that exceed the relying party's registration (empty when the request
 * stays within it), for the UI to warn about or refuse (`ERR_READER_SCOPE`). Works on a
 * proximity request and on an OpenID4VP request; for an SD-JWT query listing several vcts, an
 * element counts as beyond unless every listed vct registers it (the strict reading).
 */
export function elementsBeyondRegistration(
  request: ProximityRequest | PresentationRequest,
  registration: ReaderRegistration,
): ElementBeyondRegistration[] {
  if (typeof registration !== 'object' || registration === null || Array.isArray(registration)) {
    throw new ZzError('ERR_INPUT_INVALID', 'registration must map credential types to namespaces to elements');
  }
  if (typeof request !== 'object' || request === null) {
    throw new ZzError('ERR_INPUT_INVALID', 'request must be a proximity or a presentation request');
  }
  const beyond: ElementBeyondRegistration[] = [];
  const check = (docType: string, namespace: string, identifier: string) => {
    const allowed = Object.hasOwn(registration, docType) ? registration[docType] : undefined;
    const elements = allowed && Object.hasOwn(allowed, namespace) ? allowed[namespace] : undefined;
    const known = Array.isArray(elements) && elements.includes(identifier);
    const listed = beyond.some(
      (e) => e.docType === docType && e.namespace === namespace && e.identifier === identifier,
    );
    if (!known && !listed) beyond.push({ docType, namespace, identifier });
  };
  if ('documents' in request) {
    for (const document of request.documents) {
      for (const [namespace, elements] of Object.entries(document.elements)) {
        for (const element of elements) check(document.docType, namespace, element.identifier);
      }
    }
    return beyond;
  }
  if (!('credentials' in request) || !Array.isArray(request.credentials as unknown)) {
    throw new ZzError('ERR_INPUT_INVALID', 'request must be a proximity or a presentation request');
  }
  for (const credential of request.credentials) {
    for (const claim of credential.claims) {
      if (credential.format === 'mso_mdoc') {
        const [namespace, element] = claim.path;
        if (typeof namespace === 'string' && typeof element === 'string') {
          check(credential.types[0] as string, namespace, element);
        }
        continue;
      }
      const [name] = claim.path;
      if (typeof name !== 'string') continue;
      for (const vct of credential.types) check(vct, vct, name);
    }
  }
  return beyond;
}
