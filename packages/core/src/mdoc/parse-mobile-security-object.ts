import { decodeCbor, decodeEmbedded } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { ZzError } from '../errors/zz-error.js';
import { coseKeyToPublicKey } from '../keys/cose-key.js';
import type { DigestAlgorithm } from '../platform/crypto-suite.js';
import type { StatusReference } from '../trust/trust-source.js';
import type { MdocValidityInfo, MobileSecurityObject } from './types.js';

const read = new CborReader('ERR_MDOC_MALFORMED');

const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512', 'SM3'];

/**
 * Reads the IssuerAuth payload: `bstr(#6.24(bstr .cbor MobileSecurityObject))` — the COSE payload
 * holds the tag-24 item, whose bstr holds the MSO (§9.1.2.4, two byte-string layers).
 */
export function parseMobileSecurityObject(payload: Uint8Array): MobileSecurityObject {
  let embedded: unknown;
  try {
    embedded = decodeEmbedded(decodeCbor(payload), 'MobileSecurityObjectBytes').value;
  } catch (error) {
    throw asMalformed(error, 'IssuerAuth payload is not MobileSecurityObjectBytes');
  }
  const mso = read.map(embedded, 'MobileSecurityObject');
  const version = read.text(read.required(mso, 'version', 'MSO'), 'MSO version');
  if (version !== '1.0') read.fail('MSO version must be "1.0"');
  const algorithm = read.text(read.required(mso, 'digestAlgorithm', 'MSO'), 'MSO digestAlgorithm');
  const digestAlgorithm = DIGEST_ALGORITHMS.find((name) => name === algorithm);
  if (!digestAlgorithm) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'MSO digestAlgorithm is not supported');
  const valueDigests = new Map<string, Map<number, Uint8Array>>();
  for (const [ns, digests] of read.map(read.required(mso, 'valueDigests', 'MSO'), 'valueDigests')) {
    const byId = new Map<number, Uint8Array>();
    for (const [id, digest] of read.map(digests, 'valueDigests namespace')) {
      byId.set(read.uint(id, 'digestID'), read.bytes(digest, 'digest'));
    }
    valueDigests.set(read.text(ns, 'valueDigests namespace'), byId);
  }
  const deviceKeyInfo = read.map(read.required(mso, 'deviceKeyInfo', 'MSO'), 'deviceKeyInfo');
  const deviceKey = coseKeyToPublicKey(read.required(deviceKeyInfo, 'deviceKey', 'deviceKeyInfo'));
  const docType = read.text(read.required(mso, 'docType', 'MSO'), 'MSO docType');
  const validity = read.map(read.required(mso, 'validityInfo', 'MSO'), 'validityInfo');
  const validityInfo: MdocValidityInfo = {
    signed: readDate(validity, 'signed'),
    validFrom: readDate(validity, 'validFrom'),
    validUntil: readDate(validity, 'validUntil'),
    ...(validity.has('expectedUpdate') ? { expectedUpdate: readDate(validity, 'expectedUpdate') } : {}),
  };
  const status = readStatus(mso.get('status'));
  return { version, digestAlgorithm, valueDigests, deviceKey, docType, validityInfo, ...(status ? { status } : {}) };
}

function readDate(map: Map<unknown, unknown>, key: string): Date {
  const value = read.required(map, key, 'validityInfo');
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  return read.fail(`validityInfo ${key} must be a tdate`);
}

/** `status: {status_list: {idx, uri, ?certificate}}`; an `identifier_list` alone is not resolvable here. */
function readStatus(value: unknown): StatusReference | undefined {
  if (value === undefined) return undefined;
  const status = read.map(value, 'MSO status');
  const list = status.get('status_list');
  if (list === undefined) return undefined;
  const map = read.map(list, 'status_list');
  return {
    idx: read.uint(read.required(map, 'idx', 'status_list'), 'status_list idx'),
    uri: read.text(read.required(map, 'uri', 'status_list'), 'status_list uri'),
  };
}

/** Turns CBOR and structure errors into `ERR_MDOC_MALFORMED`, keeping other typed errors. */
export function asMalformed(error: unknown, message: string): ZzError {
  if (error instanceof ZzError && error.code !== 'ERR_CBOR_STRUCTURE' && error.code !== 'ERR_CBOR_MALFORMED') {
    return error;
  }
  return new ZzError('ERR_MDOC_MALFORMED', message, { cause: error });
}
