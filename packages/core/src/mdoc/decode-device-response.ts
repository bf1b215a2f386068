import { decodeCbor, decodeEmbedded } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { type CoseSign1, parseCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import { asMalformed } from './parse-mobile-security-object.js';
import type {
  MdocDeviceResponse,
  MdocDeviceSigned,
  MdocDocument,
  MdocIssuerSigned,
  MdocIssuerSignedItem,
} from './types.js';

const read = new CborReader('ERR_MDOC_MALFORMED');

/** Bounds that keep parsing linear and small whatever the input. */
export const MDOC_LIMITS = { maxBytes: 1 << 20, documents: 16, nameSpaces: 64, itemsPerNameSpace: 1024 } as const;

export interface DecodeMdocOptions {
  /** Largest accepted input (default 1 MiB, `ERR_INPUT_TOO_LARGE` above). */
  readonly maxBytes?: number;
}

/**
 * Decodes and strictly parses a `DeviceResponse` (ISO/IEC 18013-5 §8.3.2.1.2.2). Every embedded
 * item keeps its exact bytes for hashing. Ill-formed CBOR ends in `ERR_CBOR_MALFORMED`, a wrong
 * shape in `ERR_MDOC_MALFORMED`; no cryptography happens here.
 */
export function decodeDeviceResponse(bytes: Uint8Array, options: DecodeMdocOptions = {}): MdocDeviceResponse {
  const value = decodeCbor(bytes, { maxBytes: options.maxBytes ?? MDOC_LIMITS.maxBytes });
  return guard(() => parseDeviceResponse(value), 'DeviceResponse');
}

/** Decodes `IssuerSigned` bytes (an OpenID4VCI `mso_mdoc` credential, §8.3.2.1.2.2). */
export function decodeIssuerSigned(bytes: Uint8Array, options: DecodeMdocOptions = {}): MdocIssuerSigned {
  const value = decodeCbor(bytes, { maxBytes: options.maxBytes ?? MDOC_LIMITS.maxBytes });
  return guard(() => parseIssuerSigned(value), 'IssuerSigned');
}

function parseDeviceResponse(value: unknown): MdocDeviceResponse {
  const map = read.map(value, 'DeviceResponse');
  const version = read.text(read.required(map, 'version', 'DeviceResponse'), 'DeviceResponse version');
  if (!/^1\.\d+$/.test(version)) read.fail('DeviceResponse version must be 1.x');
  const status = read.uint(read.required(map, 'status', 'DeviceResponse'), 'DeviceResponse status');
  const documents: MdocDocument[] = [];
  if (map.has('documents')) {
    const list = read.array(map.get('documents'), 'documents');
    if (list.length === 0 || list.length > MDOC_LIMITS.documents) read.fail('documents must hold 1 to 16 documents');
    for (const item of list) documents.push(parseDocument(item));
  }
  let documentErrors: Map<string, number>[] | undefined;
  if (map.has('documentErrors')) {
    documentErrors = read.array(map.get('documentErrors'), 'documentErrors').map((entry) => {
      const errors = new Map<string, number>();
      for (const [docType, code] of read.map(entry, 'DocumentError')) {
        errors.set(read.text(docType, 'DocumentError docType'), read.int(code, 'DocumentError code'));
      }
      return errors;
    });
  }
  return { version, documents, ...(documentErrors ? { documentErrors } : {}), status };
}

function parseDocument(value: unknown): MdocDocument {
  const map = read.map(value, 'Document');
  const docType = read.text(read.required(map, 'docType', 'Document'), 'docType');
  const issuerSigned = parseIssuerSigned(read.required(map, 'issuerSigned', 'Document'));
  const deviceSigned = parseDeviceSigned(read.required(map, 'deviceSigned', 'Document'));
  return { docType, issuerSigned, deviceSigned };
}

/** Parses a decoded `IssuerSigned` map. */
export function parseIssuerSigned(value: unknown): MdocIssuerSigned {
  const map = read.map(value, 'IssuerSigned');
  const issuerAuth = parseSign1(read.required(map, 'issuerAuth', 'IssuerSigned'), 'issuerAuth');
  if (issuerAuth.payload === null) read.fail('issuerAuth must carry the MSO as payload');
  const nameSpaces: Record<string, MdocIssuerSignedItem[]> = {};
  if (map.has('nameSpaces')) {
    const entries = read.map(map.get('nameSpaces'), 'IssuerNameSpaces');
    if (entries.size === 0 || entries.size > MDOC_LIMITS.nameSpaces)
      read.fail('IssuerNameSpaces must hold 1 to 64 namespaces');
    for (const [ns, list] of entries) {
      const items = read.array(list, 'IssuerSignedItems');
      if (items.length === 0 || items.length > MDOC_LIMITS.itemsPerNameSpace)
        read.fail('A namespace must hold 1 to 1024 items');
      const parsed = items.map(parseItem);
      const ids = new Set(parsed.map((item) => item.digestID));
      const names = new Set(parsed.map((item) => item.elementIdentifier));
      if (ids.size !== parsed.length || names.size !== parsed.length)
        read.fail('A namespace repeats a digestID or an element');
      Object.defineProperty(nameSpaces, read.text(ns, 'namespace'), {
        value: parsed,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return { nameSpaces, issuerAuth };
}

/** `IssuerSignedItemBytes` (§8.3.2.1.2.2): keeps the embedded bytes for the digest check. */
function parseItem(value: unknown): MdocIssuerSignedItem {
  const { bytes, value: decoded } = decodeEmbedded(value, 'IssuerSignedItemBytes');
  const map = read.map(decoded, 'IssuerSignedItem');
  const random = read.bytes(read.required(map, 'random', 'IssuerSignedItem'), 'random');
  if (random.length < 16) read.fail('IssuerSignedItem random must be at least 16 bytes');
  return {
    bytes,
    digestID: read.uint(read.required(map, 'digestID', 'IssuerSignedItem'), 'digestID'),
    random,
    elementIdentifier: read.text(read.required(map, 'elementIdentifier', 'IssuerSignedItem'), 'elementIdentifier'),
    elementValue: read.required(map, 'elementValue', 'IssuerSignedItem'),
  };
}

function parseDeviceSigned(value: unknown): MdocDeviceSigned {
  const map = read.map(value, 'DeviceSigned');
  const { bytes: nameSpacesBytes, value: decoded } = decodeEmbedded(
    read.required(map, 'nameSpaces', 'DeviceSigned'),
    'DeviceNameSpacesBytes',
  );
  const nameSpaces = new Map<string, Map<string, unknown>>();
  for (const [ns, elements] of read.map(decoded, 'DeviceNameSpaces')) {
    const items = new Map<string, unknown>();
    for (const [id, element] of read.map(elements, 'DeviceSignedItems')) items.set(read.text(id, 'element'), element);
    nameSpaces.set(read.text(ns, 'namespace'), items);
  }
  const deviceAuth = read.map(read.required(map, 'deviceAuth', 'DeviceSigned'), 'DeviceAuth');
  const hasSignature = deviceAuth.has('deviceSignature');
  if (hasSignature === deviceAuth.has('deviceMac'))
    read.fail('DeviceAuth must hold exactly one of deviceSignature, deviceMac');
  if (!hasSignature) return { nameSpacesBytes, nameSpaces, deviceMac: deviceAuth.get('deviceMac') };
  const deviceSignature = parseSign1(deviceAuth.get('deviceSignature'), 'deviceSignature');
  if (deviceSignature.payload !== null) read.fail('deviceSignature must be detached (payload nil)');
  return { nameSpacesBytes, nameSpaces, deviceSignature };
}

function parseSign1(value: unknown, what: string): CoseSign1 {
  try {
    return parseCoseSign1(value);
  } catch (error) {
    throw new ZzError('ERR_MDOC_MALFORMED', `${what} is not a COSE_Sign1`, { cause: error });
  }
}

function guard<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ZzError) throw asMalformed(error, `${what} is malformed`);
    throw new ZzError('ERR_MDOC_MALFORMED', `${what} is malformed`, { cause: error });
  }
}
