import {
  decodeIssuerSigned,
  encodeDeviceResponse,
  type MdocDocument,
  type MdocIssuerSigned,
  type MdocSessionTranscript,
  type Platform,
  parseMobileSecurityObject,
  presentMdoc,
  ZzError,
} from '@zhengzhao/core';
import type { ApprovedDocument, ProximityApproval, ProximityRequest } from './proximity-types.js';

/** ISO/IEC 18013-5 §8.3.2.1.2.3 DocumentError code 0: data not returned. */
const DATA_NOT_RETURNED = 0;
const MAX_DOCUMENTS = 16;
const MAX_ELEMENTS = 512;

export interface BuildProximityResponseOptions {
  readonly request: ProximityRequest;
  readonly approval: ProximityApproval;
  readonly sessionTranscript: MdocSessionTranscript;
}

/**
 * Builds the DeviceResponse the holder approved (ISO/IEC 18013-5 §8.3.2.1.2.2, §9.1.3): per
 * approved credential, only the approved IssuerSignedItems (their bytes unchanged) and a detached
 * deviceSignature over DeviceAuthenticationBytes with this session's SessionTranscript (core's
 * `presentMdoc`). Every approved element must have been requested for that docType, each docType
 * approved once, and at least one element approved per document, or `ERR_INPUT_INVALID`: the
 * wallet never sends more than the reader asked for. Requested docTypes left out are listed in
 * `documentErrors` with code 0 (data not returned).
 */
export async function buildProximityResponse(
  platform: Platform,
  options: BuildProximityResponseOptions,
): Promise<Uint8Array> {
  const { request, approval, sessionTranscript } = options;
  const approved = approval?.documents;
  if (!Array.isArray(approved) || approved.length === 0 || approved.length > MAX_DOCUMENTS) {
    throw invalid('An approval lists 1 to 16 documents; to send nothing, decline');
  }
  const documents: MdocDocument[] = [];
  for (const entry of approved as readonly ApprovedDocument[]) {
    const issuerSigned = readIssuerSigned(entry?.issuerSigned);
    const docType = parseMobileSecurityObject(issuerSigned.issuerAuth.payload as Uint8Array).docType;
    if (documents.some((document) => document.docType === docType)) throw invalid('A docType is approved twice');
    const requested = requestedElements(request, docType);
    if (requested.size === 0) throw invalid('The reader did not request this docType');
    const disclose = approvedElements(entry.elements, requested);
    if (typeof entry.deviceSigner?.sign !== 'function') throw invalid('deviceSigner must be a Signer');
    documents.push(
      await presentMdoc(platform, {
        issuerSigned,
        deviceSigner: entry.deviceSigner,
        sessionTranscript,
        disclose,
        docType,
      }),
    );
  }
  const missing = [...new Set(request.documents.map((document) => document.docType))].filter(
    (docType) => !documents.some((document) => document.docType === docType),
  );
  return encodeDeviceResponse({
    version: '1.0',
    documents,
    ...(missing.length > 0 && { documentErrors: missing.map((docType) => new Map([[docType, DATA_NOT_RETURNED]])) }),
    status: 0,
  });
}

function readIssuerSigned(value: Uint8Array | MdocIssuerSigned | undefined): MdocIssuerSigned {
  if (value instanceof Uint8Array) return decodeIssuerSigned(value);
  if (typeof value !== 'object' || value === null || !(value.issuerAuth?.payload instanceof Uint8Array)) {
    throw invalid('issuerSigned must be IssuerSigned bytes or a decoded IssuerSigned');
  }
  return value;
}

/** Namespace → requested element identifiers, merged over every docRequest for `docType`. */
function requestedElements(request: ProximityRequest, docType: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const document of request.documents) {
    if (document.docType !== docType) continue;
    for (const [namespace, elements] of Object.entries(document.elements)) {
      const set = result.get(namespace) ?? new Set<string>();
      for (const element of elements) set.add(element.identifier);
      result.set(namespace, set);
    }
  }
  return result;
}

function approvedElements(
  elements: ApprovedDocument['elements'] | undefined,
  requested: Map<string, Set<string>>,
): Record<string, string[]> {
  if (typeof elements !== 'object' || elements === null || Array.isArray(elements)) {
    throw invalid('elements must map namespaces to element identifiers');
  }
  const disclose: Record<string, string[]> = {};
  let count = 0;
  for (const [namespace, identifiers] of Object.entries(elements)) {
    if (!Array.isArray(identifiers)) throw invalid('elements must map namespaces to element identifiers');
    const allowed = requested.get(namespace);
    const list: string[] = [];
    for (const identifier of identifiers as readonly unknown[]) {
      if (typeof identifier !== 'string' || !allowed?.has(identifier)) {
        throw invalid('An approved element was not requested by the reader');
      }
      if (!list.includes(identifier)) list.push(identifier);
    }
    count += list.length;
    if (count > MAX_ELEMENTS) throw invalid('Too many approved elements');
    if (list.length > 0) {
      Object.defineProperty(disclose, namespace, { value: list, enumerable: true, writable: true, configurable: true });
    }
  }
  if (count === 0) throw invalid('Approve at least one element per document, or decline');
  return disclose;
}

function invalid(message: string): ZzError {
  return new ZzError('ERR_INPUT_INVALID', message);
}
