import { type CborValue, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { coseSign1Value, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Signer } from '../platform/crypto-suite.js';
import { readerAuthenticationBytes } from './reader-authentication-bytes.js';

/** Limits shared by DeviceRequest creation and parsing. */
export const DEVICE_REQUEST_LIMITS = { docRequests: 16, nameSpaces: 64, elementsPerNameSpace: 512, nameLength: 256 };

/** Requested elements: namespace → element identifier → intentToRetain. */
export type RequestedNameSpaces = Readonly<Record<string, Readonly<Record<string, boolean>>>>;

export interface CreateDeviceRequestOptions {
  readonly docType: string;
  readonly nameSpaces: RequestedNameSpaces;
  /** The SessionTranscript of this session (readerAuth covers it). */
  readonly sessionTranscript: MdocSessionTranscript;
  /** Signs readerAuth; requires `readerCertificateChain`. */
  readonly readerSigner?: Signer;
  /** The reader certificate (DER) first, then any intermediates: x5chain of readerAuth. */
  readonly readerCertificateChain?: readonly Uint8Array[];
}

/**
 * Builds a DeviceRequest for one document (ISO/IEC 18013-5 §8.3.2.1.2.1):
 * `{"version": "1.0", "docRequests": [{"itemsRequest": ItemsRequestBytes, ? "readerAuth"}]}` with
 * `ItemsRequest = {"docType", "nameSpaces": {ns: {element: intentToRetain}}}`. With a signer,
 * readerAuth is an untagged COSE_Sign1 with a null payload, signed over ReaderAuthenticationBytes
 * (§9.1.4), the certificate chain in the unprotected x5chain header (33).
 */
export async function createDeviceRequest(options: CreateDeviceRequestOptions): Promise<Uint8Array> {
  const { docType, sessionTranscript, readerSigner, readerCertificateChain } = options ?? {};
  assertName(docType, 'docType');
  if (!Array.isArray(sessionTranscript)) throw new ZzError('ERR_INPUT_INVALID', 'SessionTranscript must be an array');
  const itemsRequestBytes = encodeCbor(
    new Map<string, CborValue>([
      ['docType', docType],
      ['nameSpaces', requestedNameSpacesValue(options.nameSpaces)],
    ]),
  );
  const docRequest = new Map<string, CborValue>([['itemsRequest', embedEncoded(itemsRequestBytes)]]);
  if (readerSigner) {
    const chain = readerCertificateChain ?? [];
    if (!Array.isArray(chain) || chain.length === 0 || !chain.every((der) => der instanceof Uint8Array)) {
      throw new ZzError('ERR_INPUT_INVALID', 'readerAuth needs the reader certificate chain (DER, leaf first)');
    }
    const x5chain: CborValue = chain.length === 1 ? (chain[0] as Uint8Array) : [...chain];
    const readerAuth = await signCoseSign1(readerSigner, {
      payload: readerAuthenticationBytes(sessionTranscript, itemsRequestBytes),
      detached: true,
      unprotectedHeaders: new Map([[COSE_HEADER.x5chain, x5chain]]),
    });
    docRequest.set('readerAuth', coseSign1Value(readerAuth));
  } else if (readerCertificateChain !== undefined) {
    throw new ZzError('ERR_INPUT_INVALID', 'readerCertificateChain needs a readerSigner');
  }
  return encodeCbor(
    new Map<string, CborValue>([
      ['version', '1.0'],
      ['docRequests', [docRequest]],
    ]),
  );
}

function requestedNameSpacesValue(nameSpaces: RequestedNameSpaces): CborValue {
  if (typeof nameSpaces !== 'object' || nameSpaces === null || Array.isArray(nameSpaces)) {
    throw new ZzError('ERR_INPUT_INVALID', 'nameSpaces must be an object');
  }
  const entries = Object.entries(nameSpaces);
  if (entries.length === 0 || entries.length > DEVICE_REQUEST_LIMITS.nameSpaces) {
    throw new ZzError('ERR_INPUT_INVALID', 'nameSpaces must list 1 to 64 namespaces');
  }
  const out = new Map<string, CborValue>();
  for (const [ns, elements] of entries) {
    assertName(ns, 'namespace');
    if (typeof elements !== 'object' || elements === null || Array.isArray(elements)) {
      throw new ZzError('ERR_INPUT_INVALID', 'Each namespace maps element identifiers to intentToRetain');
    }
    const list = Object.entries(elements);
    if (list.length === 0 || list.length > DEVICE_REQUEST_LIMITS.elementsPerNameSpace) {
      throw new ZzError('ERR_INPUT_INVALID', 'A namespace must request 1 to 512 elements');
    }
    const map = new Map<string, CborValue>();
    for (const [element, retain] of list) {
      assertName(element, 'element identifier');
      if (typeof retain !== 'boolean') throw new ZzError('ERR_INPUT_INVALID', 'intentToRetain must be a boolean');
      map.set(element, retain);
    }
    out.set(ns, map);
  }
  return out;
}

function assertName(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > DEVICE_REQUEST_LIMITS.nameLength) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a non-empty string of at most 256 characters`);
  }
}
