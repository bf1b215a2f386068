import {
  type CborValue,
  createDeviceRequest,
  DEVICE_REQUEST_LIMITS,
  decodeCbor,
  elementsOutsideRegistration,
  encodeCbor,
  type MdocSessionTranscript,
  parseCertificate,
  type RegisteredElements,
  type RequestedElement,
  type RequestedNameSpaces,
  readRelyingPartyRegistration,
  type Signer,
  ZzError,
} from '@zhengzhao/core';

/** One requested document: its docType and the elements per namespace (element → intentToRetain). */
export interface ProximityDocRequest {
  readonly docType: string;
  readonly nameSpaces: RequestedNameSpaces;
}

/** The reader's key for reader authentication (ISO 18013-5 §9.1.4) and its certificate chain (DER, leaf first). */
export interface ReaderKey {
  readonly signer: Signer;
  readonly certificateChain: readonly Uint8Array[];
}

/**
 * A DeviceRequest with one or more docRequests (ISO/IEC 18013-5 §8.3.2.1.2.1), each with its own
 * readerAuth when a reader key is given. Each docRequest is built by core's `createDeviceRequest`
 * and the docRequests are gathered into one request; ItemsRequestBytes travel inside tag 24, so
 * the signed bytes are carried unchanged.
 */
export async function buildDeviceRequest(
  docRequests: readonly ProximityDocRequest[],
  sessionTranscript: MdocSessionTranscript,
  readerKey: ReaderKey | undefined,
  /** The national trust list's elements for this reader (its profile), checked as well as the certificate's copy. */
  registered?: RegisteredElements,
): Promise<Uint8Array> {
  if (
    !Array.isArray(docRequests) ||
    docRequests.length === 0 ||
    docRequests.length > DEVICE_REQUEST_LIMITS.docRequests
  ) {
    throw new ZzError('ERR_INPUT_INVALID', `Request 1 to ${DEVICE_REQUEST_LIMITS.docRequests} documents`);
  }
  if (readerKey) assertWithinRegistration(docRequests, readerKey.certificateChain[0], registered);
  const gathered: CborValue[] = [];
  for (const docRequest of docRequests) {
    const single = await createDeviceRequest({
      docType: docRequest?.docType,
      nameSpaces: docRequest?.nameSpaces,
      sessionTranscript,
      ...(readerKey && { readerSigner: readerKey.signer, readerCertificateChain: readerKey.certificateChain }),
    });
    const decoded = decodeCbor(single) as Map<string, CborValue>;
    const [only] = decoded.get('docRequests') as CborValue[];
    gathered.push(only as CborValue);
  }
  return encodeCbor(
    new Map<string, CborValue>([
      ['version', '1.0'],
      ['docRequests', gathered],
    ]),
  );
}

/**
 * The SDK never sends a request beyond the relying party's registration (Zhengzhao issue 6 §5):
 * when the reader certificate carries one (issued by the national registry), every requested
 * element must be in it, or `ERR_READER_SCOPE` is thrown before anything leaves the reader.
 */
function assertWithinRegistration(
  docRequests: readonly ProximityDocRequest[],
  leaf: Uint8Array | undefined,
  registered: RegisteredElements | undefined,
): void {
  if (!(leaf instanceof Uint8Array)) return; // createDeviceRequest reports the missing chain
  const registration = readRelyingPartyRegistration(parseCertificate(leaf));
  if (!registration && !registered) return;
  const requested: RequestedElement[] = [];
  for (const { docType, nameSpaces } of docRequests) {
    if (typeof nameSpaces !== 'object' || nameSpaces === null) continue;
    for (const [namespace, elements] of Object.entries(nameSpaces)) {
      if (typeof elements !== 'object' || elements === null) continue;
      for (const identifier of Object.keys(elements)) requested.push({ docType, namespace, identifier });
    }
  }
  const beyond = [
    ...(registration ? elementsOutsideRegistration(requested, registration.elements) : []),
    ...(registered ? elementsOutsideRegistration(requested, registered) : []),
  ].filter(
    (element, i, all) =>
      all.findIndex(
        (e) =>
          e.docType === element.docType && e.namespace === element.namespace && e.identifier === element.identifier,
      ) === i,
  );
  if (beyond.length > 0) {
    throw new ZzError(
      'ERR_READER_SCOPE',
      `Not registered for: ${beyond.map((element) => `${element.docType}/${element.identifier}`).join(', ')}`,
    );
  }
}
