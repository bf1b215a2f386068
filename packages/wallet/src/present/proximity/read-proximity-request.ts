import {
  bytesEqual,
  coseX5Chain,
  decodeCbor,
  isZzError,
  type MdocSessionTranscript,
  type ParsedDeviceRequest,
  type Platform,
  parseCertificate,
  parseCoseSign1,
  parseDeviceRequest,
  type TrustSource,
  ZzError,
} from '@zhengzhao/core';
import { elementsBeyondRegistration } from '../elements-beyond-registration.js';
import {
  type RelyingPartyDirectory,
  type RelyingPartyRegistrationView,
  registrationView,
} from '../registered-relying-party.js';
import type { ProximityReader, ProximityRequest, RequestedDocument, RequestedElement } from './proximity-types.js';

export interface ReadProximityRequestOptions {
  /** The SessionTranscript the holder computed itself (readerAuth must cover it). */
  readonly sessionTranscript: MdocSessionTranscript;
  /** Reader trust anchors (leaf must carry id-mdlReaderAuth): with the national trust list, its `readerTrust`. */
  readonly trust: TrustSource;
  readonly now: Date;
  /**
   * The national trust list's relying parties (core `TrustListSource`): when given, a trusted
   * reader must also be registered and not de-registered, and may ask only for registered elements.
   */
  readonly relyingParties?: RelyingPartyDirectory;
}

/**
 * Reads a decrypted DeviceRequest (ISO/IEC 18013-5 §8.3.2.1.2.1) for the holder: first its
 * structure (anything malformed throws `ERR_SESSION_REQUEST_MALFORMED` or `ERR_INPUT_TOO_LARGE`:
 * the session answers status 11), then the reader (§9.1.4) with core's `parseDeviceRequest`,
 * which checks the leaf's id-mdlReaderAuth, the chain against `trust` at `now` and the detached
 * signature over ReaderAuthenticationBytes. A reader that fails any of these is not an error here:
 * it comes back as `reader.trusted = false` with the failure's code, for the UI to refuse.
 */
export async function readProximityRequest(
  platform: Platform,
  deviceRequest: Uint8Array,
  options: ReadProximityRequestOptions,
): Promise<ProximityRequest> {
  const { sessionTranscript, trust, now } = options;
  const structure = await parseDeviceRequest(platform, deviceRequest, { sessionTranscript, now });
  const documents = structure.docRequests.map(toRequestedDocument);
  const certificates = readerCertificatesOf(deviceRequest);
  const first = certificates[0];
  const untrusted = (errorCode: ProximityReader['errorCode']): ProximityRequest => ({
    reader: { trusted: false, ...(first && { certificate: first }), ...(errorCode && { errorCode }) },
    documents,
  });
  let verified: ParsedDeviceRequest;
  try {
    verified = await parseDeviceRequest(platform, deviceRequest, {
      sessionTranscript,
      trust,
      now,
      requireReaderAuth: true,
    });
  } catch (error) {
    if (!isZzError(error)) throw error;
    return untrusted(error.code);
  }
  // One reader per request: every docRequest must be signed under the same certificate.
  if (!first || !certificates.every((der) => der !== undefined && bytesEqual(der, first))) {
    return untrusted('ERR_SESSION_READER_AUTH_INVALID');
  }
  const subject = verified.docRequests[0]?.reader?.subject ?? parseCertificate(first).subject;
  const named = {
    ...(subject.organization !== undefined && { organisation: subject.organization, purpose: subject.organization }),
    ...(subject.commonName !== undefined && { commonName: subject.commonName }),
    certificate: first,
  };
  if (!options.relyingParties) return { reader: { trusted: true, ...named }, documents };
  let registration: RelyingPartyRegistrationView;
  try {
    registration = registrationView(await options.relyingParties.relyingPartyForCertificate(first, now));
  } catch (error) {
    if (!isZzError(error)) throw error;
    return untrusted(error.code);
  }
  const registered = { ...named, purpose: registration.purpose['zh-CN'], registration };
  const beyond = elementsBeyondRegistration({ reader: { trusted: true }, documents }, registration.elements);
  if (beyond.length > 0) {
    return {
      reader: { trusted: false, ...registered, beyondRegistration: beyond, errorCode: 'ERR_READER_SCOPE' },
      documents,
    };
  }
  return { reader: { trusted: true, ...registered }, documents };
}

function toRequestedDocument(docRequest: ParsedDeviceRequest['docRequests'][number]): RequestedDocument {
  const elements: Record<string, RequestedElement[]> = {};
  for (const [namespace, items] of Object.entries(docRequest.nameSpaces)) {
    const list = Object.entries(items).map(([identifier, intentToRetain]) => ({ identifier, intentToRetain }));
    // defineProperty: a namespace called "__proto__" stays an ordinary own property
    Object.defineProperty(elements, namespace, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return { docType: docRequest.docType, elements };
}

/** The leaf certificate of each docRequest's readerAuth x5chain (undefined where there is none). */
function readerCertificatesOf(deviceRequest: Uint8Array): (Uint8Array | undefined)[] {
  try {
    const request = decodeCbor(deviceRequest) as Map<unknown, unknown>;
    const docRequests = request.get('docRequests') as unknown[];
    return docRequests.map((docRequest) => {
      const readerAuth = (docRequest as Map<unknown, unknown>).get('readerAuth');
      if (readerAuth === undefined) return undefined;
      const leaf = coseX5Chain(parseCoseSign1(readerAuth))[0];
      return leaf === undefined ? undefined : new Uint8Array(leaf);
    });
  } catch (error) {
    // parseDeviceRequest accepted the structure already; a failure here is a malformed x5chain.
    throw new ZzError('ERR_SESSION_REQUEST_MALFORMED', 'readerAuth x5chain is malformed', { cause: error });
  }
}
