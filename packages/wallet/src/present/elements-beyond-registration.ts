import { elementsOutsideRegistration, type RequestedElement, ZzError } from '@zhengzhao/core';
import type { PresentationRequest } from './oid4vp/presentation-types.js';
import type { ProximityRequest } from './proximity/proximity-types.js';

/**
 * What a relying party is registered to ask for (DESIGN.md M10): credential type (mdoc docType or
 * SD-JWT vct) → namespace → element identifiers — core's `RegisteredElements`, as a national
 * trust list's registration profile gives it. For SD-JWT VCs the namespace is the vct itself and
 * the identifiers are top-level claim names (the catalog uses one name for docType, namespace and
 * vct, e.g. `cn.gov.eid.1`).
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
  const requested: RequestedElement[] = [];
  if ('documents' in request) {
    for (const document of request.documents) {
      for (const [namespace, elements] of Object.entries(document.elements)) {
        for (const element of elements)
          requested.push({ docType: document.docType, namespace, identifier: element.identifier });
      }
    }
    return elementsOutsideRegistration(requested, registration);
  }
  if (!('credentials' in request) || !Array.isArray(request.credentials as unknown)) {
    throw new ZzError('ERR_INPUT_INVALID', 'request must be a proximity or a presentation request');
  }
  for (const credential of request.credentials) {
    for (const claim of credential.claims) {
      if (credential.format === 'mso_mdoc') {
        const [namespace, element] = claim.path;
        if (typeof namespace === 'string' && typeof element === 'string') {
          requested.push({ docType: credential.types[0] as string, namespace, identifier: element });
        }
        continue;
      }
      const [name] = claim.path;
      if (typeof name !== 'string') continue;
      for (const vct of credential.types) requested.push({ docType: vct, namespace: vct, identifier: name });
    }
  }
  return elementsOutsideRegistration(requested, registration);
}
