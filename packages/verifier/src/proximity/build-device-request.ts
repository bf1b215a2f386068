import {
  type CborValue,
  createDeviceRequest,
  DEVICE_REQUEST_LIMITS,
  decodeCbor,
  encodeCbor,
  type MdocSessionTranscript,
  type RequestedNameSpaces,
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
): Promise<Uint8Array> {
  if (
    !Array.isArray(docRequests) ||
    docRequests.length === 0 ||
    docRequests.length > DEVICE_REQUEST_LIMITS.docRequests
  ) {
    throw new ZzError('ERR_INPUT_INVALID', `Request 1 to ${DEVICE_REQUEST_LIMITS.docRequests} documents`);
  }
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
