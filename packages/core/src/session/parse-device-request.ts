import { decodeCbor, decodeEmbedded } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { type CoseSign1, coseX5Chain, parseCoseSign1, verifyCoseSign1 } from '../cose/sign1.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Platform } from '../platform/platform.js';
import type { TrustResolution, TrustSource } from '../trust/trust-source.js';
import type { CertificateName } from '../x509/name.js';
import { X509_OID } from '../x509/oids.js';
import { parseCertificate } from '../x509/parse-certificate.js';
import { DEVICE_REQUEST_LIMITS, type RequestedNameSpaces } from './create-device-request.js';
import { readerAuthenticationBytes } from './reader-authentication-bytes.js';
import { MAX_SESSION_MESSAGE_BYTES } from './session-cipher.js';

export interface ParseDeviceRequestOptions {
  /** The SessionTranscript of this session, computed by the holder itself. */
  readonly sessionTranscript: MdocSessionTranscript;
  /**
   * Trust for reader certificates (e.g. `createStaticTrustSource` with
   * `leafExtendedKeyUsage: X509_OID.mdlReaderAuth`). Without it readerAuth is not checked.
   */
  readonly trust?: TrustSource;
  /** The moment of verification (certificate validity). */
  readonly now: Date;
  /** Refuse docRequests without readerAuth (`ERR_SESSION_READER_AUTH_MISSING`); needs `trust`. */
  readonly requireReaderAuth?: boolean;
}

/** The authenticated reader of a docRequest. */
export interface VerifiedReader {
  /** Subject of the reader certificate. */
  readonly subject: CertificateName;
  readonly resolution: TrustResolution;
}

export interface ParsedDocRequest {
  readonly docType: string;
  readonly nameSpaces: RequestedNameSpaces;
  /** The exact ItemsRequest bytes (inside ItemsRequestBytes). */
  readonly itemsRequestBytes: Uint8Array;
  /** `absent`: no readerAuth; `verified`: chain trusted and signature valid; `not-checked`: no trust source given. */
  readonly readerAuth: 'absent' | 'verified' | 'not-checked';
  readonly reader?: VerifiedReader;
}

export interface ParsedDeviceRequest {
  readonly version: string;
  readonly docRequests: readonly ParsedDocRequest[];
}

const read = new CborReader('ERR_SESSION_REQUEST_MALFORMED');

/**
 * Parses a DeviceRequest (ISO/IEC 18013-5 §8.3.2.1.2.1) and verifies each readerAuth (§9.1.4):
 * first the leaf's extended key usage id-mdlReaderAuth (Annex B.1.7) and the x5chain against
 * `trust` at `now` (`ERR_TRUST_*`), then the detached signature over
 * ReaderAuthenticationBytes rebuilt from the holder's own SessionTranscript and the received
 * ItemsRequestBytes (`ERR_SESSION_READER_AUTH_INVALID`). Structural faults are
 * `ERR_SESSION_REQUEST_MALFORMED`.
 */
export async function parseDeviceRequest(
  platform: Platform,
  bytes: Uint8Array,
  options: ParseDeviceRequestOptions,
): Promise<ParsedDeviceRequest> {
  const { sessionTranscript, trust, now, requireReaderAuth } = options ?? {};
  if (!Array.isArray(sessionTranscript)) throw new ZzError('ERR_INPUT_INVALID', 'SessionTranscript must be an array');
  if (trust && (!(now instanceof Date) || Number.isNaN(now.getTime()))) {
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
  }
  if (requireReaderAuth && !trust) throw new ZzError('ERR_INPUT_INVALID', 'requireReaderAuth needs a trust source');
  const structure = guard(() => decodeStructure(bytes));
  const docRequests: ParsedDocRequest[] = [];
  for (const request of structure.docRequests) {
    const { readerAuth, ...items } = request;
    if (!readerAuth) {
      if (requireReaderAuth) throw new ZzError('ERR_SESSION_READER_AUTH_MISSING', 'A docRequest has no readerAuth');
      docRequests.push({ ...items, readerAuth: 'absent' });
    } else if (!trust) {
      docRequests.push({ ...items, readerAuth: 'not-checked' });
    } else {
      const reader = await verifyReaderAuth(
        platform,
        readerAuth,
        items.itemsRequestBytes,
        sessionTranscript,
        trust,
        now,
      );
      docRequests.push({ ...items, readerAuth: 'verified', reader });
    }
  }
  return { version: structure.version, docRequests };
}

async function verifyReaderAuth(
  platform: Platform,
  readerAuth: CoseSign1,
  itemsRequestBytes: Uint8Array,
  sessionTranscript: MdocSessionTranscript,
  trust: TrustSource,
  now: Date,
): Promise<VerifiedReader> {
  const chain = guard(() => coseX5Chain(readerAuth));
  if (chain.length === 0) throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'readerAuth carries no x5chain');
  // Annex B.1.7: the leaf must be a reader-authentication certificate, whatever the trust source
  // checks (so an issuer trust list cannot turn a document signer into a reader).
  const leaf = parseCertificate(chain[0] as Uint8Array);
  if (!leaf.extendedKeyUsage?.includes(X509_OID.mdlReaderAuth)) {
    throw new ZzError('ERR_TRUST_KEY_USAGE', 'The reader certificate lacks id-mdlReaderAuth');
  }
  const resolution = await trust.resolveChain(chain, { now });
  const subject = leaf.subject;
  try {
    await verifyCoseSign1(platform, readerAuth, resolution.publicKey, {
      detachedPayload: readerAuthenticationBytes(sessionTranscript, itemsRequestBytes),
    });
  } catch (error) {
    if (!isZzError(error) || error.code.startsWith('ERR_COSE_')) {
      throw new ZzError('ERR_SESSION_READER_AUTH_INVALID', 'readerAuth does not verify', { cause: error });
    }
    throw error;
  }
  return { subject, resolution };
}

interface DocRequestStructure {
  readonly docType: string;
  readonly nameSpaces: RequestedNameSpaces;
  readonly itemsRequestBytes: Uint8Array;
  readonly readerAuth?: CoseSign1;
}

function decodeStructure(bytes: Uint8Array): { version: string; docRequests: DocRequestStructure[] } {
  if (!(bytes instanceof Uint8Array)) read.fail('DeviceRequest must be bytes');
  const request = read.map(decodeCbor(bytes, { maxBytes: MAX_SESSION_MESSAGE_BYTES }), 'DeviceRequest');
  const version = read.text(read.required(request, 'version', 'DeviceRequest'), 'DeviceRequest version');
  if (version !== '1.0' && version !== '1.1') read.fail('DeviceRequest version must be 1.0 or 1.1');
  const list = read.array(read.required(request, 'docRequests', 'DeviceRequest'), 'docRequests');
  if (list.length === 0 || list.length > DEVICE_REQUEST_LIMITS.docRequests) read.fail('docRequests must have 1 to 16');
  return { version, docRequests: list.map(decodeDocRequest) };
}

function decodeDocRequest(value: unknown): DocRequestStructure {
  const docRequest = read.map(value, 'DocRequest');
  const embedded = decodeEmbedded(read.required(docRequest, 'itemsRequest', 'DocRequest'), 'ItemsRequestBytes');
  const items = read.map(embedded.value, 'ItemsRequest');
  const docType = name(read.required(items, 'docType', 'ItemsRequest'), 'docType');
  const nameSpacesMap = read.map(read.required(items, 'nameSpaces', 'ItemsRequest'), 'ItemsRequest nameSpaces');
  if (nameSpacesMap.size === 0 || nameSpacesMap.size > DEVICE_REQUEST_LIMITS.nameSpaces) {
    read.fail('ItemsRequest must request 1 to 64 namespaces');
  }
  const nameSpaces: [string, Record<string, boolean>][] = [];
  for (const [ns, elements] of nameSpacesMap) {
    const map = read.map(elements, 'DataElements');
    if (map.size === 0 || map.size > DEVICE_REQUEST_LIMITS.elementsPerNameSpace) {
      read.fail('A namespace must request 1 to 512 elements');
    }
    const entries: [string, boolean][] = [];
    for (const [element, retain] of map)
      entries.push([name(element, 'element'), read.boolean(retain, 'intentToRetain')]);
    nameSpaces.push([name(ns, 'namespace'), Object.fromEntries(entries)]);
  }
  const readerAuthValue = docRequest.get('readerAuth');
  let readerAuth: CoseSign1 | undefined;
  if (readerAuthValue !== undefined) {
    readerAuth = parseCoseSign1(readerAuthValue);
    if (readerAuth.payload !== null) read.fail('readerAuth payload must be detached (null)');
  }
  return {
    docType,
    nameSpaces: Object.fromEntries(nameSpaces),
    itemsRequestBytes: new Uint8Array(embedded.bytes),
    ...(readerAuth && { readerAuth }),
  };
}

function name(value: unknown, what: string): string {
  const text = read.text(value, what);
  if (text.length === 0 || text.length > DEVICE_REQUEST_LIMITS.nameLength) read.fail(`${what} has a bad length`);
  return text;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isZzError(error, 'ERR_SESSION_REQUEST_MALFORMED') || isZzError(error, 'ERR_INPUT_TOO_LARGE')) throw error;
    throw new ZzError('ERR_SESSION_REQUEST_MALFORMED', 'DeviceRequest is malformed', { cause: error });
  }
}
