import { bytesEqual } from '../bytes/bytes.js';
import { decodeCbor } from '../cbor/decode.js';
import { encodeCbor } from '../cbor/encode.js';
import { CborReader } from '../cbor/shape.js';
import { isZzError, ZzError } from '../errors/zz-error.js';

/** What happened, as the document-sharing service records it. */
export const ACCESS_LOG_EVENT_TYPES = [
  'request',
  'approval',
  'refusal',
  'retrieval',
  'consent_granted',
  'consent_revoked',
  'rejected',
] as const;
export type AccessLogEventType = (typeof ACCESS_LOG_EVENT_TYPES)[number];

/**
 * One entry of the document-sharing access log: an agency's request about a holder, the holder's
 * answer, a retrieval, a consent change, or a request the service rejected. It names the holder
 * only by an opaque pseudonymous reference — never a name or an identity number.
 */
export interface AccessLogEntry {
  readonly type: AccessLogEventType;
  /** When, in seconds since the epoch. */
  readonly at: number;
  /** The relying party (agency) id. */
  readonly agency: string;
  readonly requestId: string;
  /** The purpose code the agency stated. */
  readonly purpose: string;
  readonly docType: string;
  /** The element ids requested or released, each once. */
  readonly elements: readonly string[];
  /** The holder's 32-byte pseudonymous reference. */
  readonly holder: Uint8Array;
  readonly consentId?: string;
  /** The error code of a `rejected` request; present exactly for `rejected`. */
  readonly code?: string;
}

/** Size bounds: an entry is small, and a log of ten million of them stays a few gigabytes. */
export const MAX_ACCESS_LOG_ENTRY_BYTES = 8192;
export const HOLDER_REFERENCE_LENGTH = 32;
const MAX_TEXT_LENGTH = 256;
const MAX_ELEMENTS = 128;

const read = new CborReader('ERR_LOG_ENTRY_MALFORMED');
const REQUIRED = ['type', 'at', 'agency', 'requestId', 'purpose', 'docType', 'elements', 'holder'] as const;
const OPTIONAL = ['consentId', 'code'] as const;
const KNOWN: ReadonlySet<unknown> = new Set<string>([...REQUIRED, ...OPTIONAL]);

/**
 * The entry as deterministic CBOR (RFC 8949 §4.2.1): a map keyed by the field names above, the
 * optional fields left out when absent. One entry has one byte form, so its leaf hash is stable.
 * Refuses (`ERR_LOG_ENTRY_MALFORMED`) anything `decodeAccessLogEntry` would refuse.
 */
export function encodeAccessLogEntry(entry: AccessLogEntry): Uint8Array {
  const checked = checkEntry(entry);
  const map = new Map<string, string | number | Uint8Array | string[]>([
    ['type', checked.type],
    ['at', checked.at],
    ['agency', checked.agency],
    ['requestId', checked.requestId],
    ['purpose', checked.purpose],
    ['docType', checked.docType],
    ['elements', [...checked.elements]],
    ['holder', checked.holder],
  ]);
  if (checked.consentId !== undefined) map.set('consentId', checked.consentId);
  if (checked.code !== undefined) map.set('code', checked.code);
  const bytes = encodeCbor(map).slice(); // its own buffer, not a view into the encoder's
  if (bytes.length > MAX_ACCESS_LOG_ENTRY_BYTES) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', `An access-log entry is at most ${MAX_ACCESS_LOG_ENTRY_BYTES} bytes`);
  }
  return bytes;
}

/**
 * Parses an access-log entry strictly: at most `MAX_ACCESS_LOG_ENTRY_BYTES` (`ERR_INPUT_TOO_LARGE`);
 * well-formed CBOR, a map with exactly the known keys, every field of its type and bounds, a
 * known event type, a 32-byte holder reference, and deterministic encoding — anything else,
 * truncated input included, is `ERR_LOG_ENTRY_MALFORMED`.
 */
export function decodeAccessLogEntry(bytes: Uint8Array): AccessLogEntry {
  if (!(bytes instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'An access-log entry is bytes');
  if (bytes.length > MAX_ACCESS_LOG_ENTRY_BYTES) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', `An access-log entry is at most ${MAX_ACCESS_LOG_ENTRY_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = decodeCbor(bytes, { maxBytes: MAX_ACCESS_LOG_ENTRY_BYTES });
  } catch (error) {
    if (isZzError(error, 'ERR_INPUT_TOO_LARGE')) throw error;
    throw new ZzError('ERR_LOG_ENTRY_MALFORMED', 'The access-log entry is not well-formed CBOR', { cause: error });
  }
  const map = read.map(value, 'Access-log entry');
  for (const key of map.keys()) if (!KNOWN.has(key)) read.fail('The access-log entry has an unknown key');
  for (const key of REQUIRED) read.required(map, key, 'The access-log entry');
  const entry = checkEntry({
    type: map.get('type') as AccessLogEventType,
    at: map.get('at') as number,
    agency: map.get('agency') as string,
    requestId: map.get('requestId') as string,
    purpose: map.get('purpose') as string,
    docType: map.get('docType') as string,
    elements: map.get('elements') as string[],
    holder: map.get('holder') as Uint8Array,
    ...(map.has('consentId') ? { consentId: map.get('consentId') as string } : {}),
    ...(map.has('code') ? { code: map.get('code') as string } : {}),
  });
  if (!bytesEqual(encodeAccessLogEntry(entry), bytes)) read.fail('The access-log entry is not in deterministic CBOR');
  return entry;
}

/** Checks every field and returns a copy that shares no mutable state with the input. */
function checkEntry(entry: AccessLogEntry): AccessLogEntry {
  if (typeof entry !== 'object' || entry === null) read.fail('An access-log entry is an object');
  const type = text(entry.type, 'type');
  if (!(ACCESS_LOG_EVENT_TYPES as readonly string[]).includes(type)) read.fail('Unknown access-log event type');
  const at = read.uint(entry.at, 'at');
  const elementList = read.array(entry.elements, 'elements');
  if (elementList.length > MAX_ELEMENTS) read.fail(`An entry lists at most ${MAX_ELEMENTS} elements`);
  const elements = elementList.map((element, i) => text(element, `elements[${i}]`));
  if (new Set(elements).size !== elements.length) read.fail('An element id appears twice');
  const holder = read.bytes(entry.holder, 'holder');
  if (holder.length !== HOLDER_REFERENCE_LENGTH) read.fail(`holder is a ${HOLDER_REFERENCE_LENGTH}-byte reference`);
  const code = entry.code === undefined ? undefined : text(entry.code, 'code');
  if ((type === 'rejected') !== (code !== undefined)) read.fail('code is present exactly for a rejected request');
  return {
    type: type as AccessLogEventType,
    at,
    agency: text(entry.agency, 'agency'),
    requestId: text(entry.requestId, 'requestId'),
    purpose: text(entry.purpose, 'purpose'),
    docType: text(entry.docType, 'docType'),
    elements,
    holder: new Uint8Array(holder),
    ...(entry.consentId === undefined ? {} : { consentId: text(entry.consentId, 'consentId') }),
    ...(code === undefined ? {} : { code }),
  };
}

function text(value: unknown, what: string): string {
  const string = read.text(value, what);
  if (string.length === 0 || string.length > MAX_TEXT_LENGTH)
    read.fail(`${what} is 1 to ${MAX_TEXT_LENGTH} characters`);
  return string;
}
