import { decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { decodeCbor, decodeEmbedded } from '../cbor/decode.js';
import { type CborValue, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { CborReader } from '../cbor/shape.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import { coseKeyToPublicKey, publicKeyToCoseKey } from '../keys/cose-key.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey } from '../platform/crypto-suite.js';

/**
 * DeviceRetrievalMethod types (ISO/IEC 18013-5 §8.2.1.1; HTTP from TS 18013-7 Annex A).
 * `websocketRelay` is ours: a negative (private, outside ISO's range) type, as multipaz's legacy
 * TCP (-10) and UDP (-11) methods are, so conforming readers skip it. Its options are
 * `{0: "wss://relay/s/<id>"}`; the unchanged SessionEstablishment / SessionData bytes travel as
 * binary WebSocket frames, end-to-end encrypted (SPECS.md §3).
 */
export const DEVICE_RETRIEVAL_TYPE = { nfc: 1, ble: 2, wifiAware: 3, http: 4, websocketRelay: -1024 } as const;

/** Cipher suite 1: ECDH P-256, HKDF-SHA-256, AES-256-GCM (§9.1.5.2). */
export const SESSION_CIPHER_SUITE = 1;
/** Upper bound on DeviceEngagement bytes (a QR code holds less than 3 KiB). */
export const MAX_DEVICE_ENGAGEMENT_BYTES = 4096;
const QR_PREFIX = 'mdoc:';

/** `[type, version, options]` (§8.2.1.1). */
export interface DeviceRetrievalMethod {
  readonly type: number;
  readonly version: number;
  readonly options: ReadonlyMap<number | string, CborValue>;
}

/** Our WebSocket relay retrieval method `[-1024, 1, {0: url}]`. */
export function websocketRelayRetrievalMethod(url: string): DeviceRetrievalMethod {
  assertRelayUrl(url, new ZzError('ERR_INPUT_INVALID', 'Relay URL must be a ws: or wss: URL'));
  return { type: DEVICE_RETRIEVAL_TYPE.websocketRelay, version: 1, options: new Map([[0, url]]) };
}

export interface EncodeDeviceEngagementOptions {
  /** EDeviceKey: the holder's ephemeral P-256 ECDH key. */
  readonly eDeviceKey: PublicKey;
  readonly retrievalMethods?: readonly DeviceRetrievalMethod[];
}

/**
 * `DeviceEngagement = {0: "1.0", 1: [1, EDeviceKeyBytes], ? 2: [+ DeviceRetrievalMethod]}`
 * (§8.2.1.1), deterministically encoded. These exact bytes become DeviceEngagementBytes.
 */
export function encodeDeviceEngagement(options: EncodeDeviceEngagementOptions): Uint8Array {
  const eDeviceKey = assertPublicKey(options?.eDeviceKey);
  if (eDeviceKey.suite !== 'ES256') throw new ZzError('ERR_INPUT_INVALID', 'EDeviceKey must be a P-256 key');
  const engagement = new Map<number, CborValue>([
    [0, '1.0'],
    [1, [SESSION_CIPHER_SUITE, embedEncoded(encodeCbor(publicKeyToCoseKey(eDeviceKey)))]],
  ]);
  const methods = options.retrievalMethods ?? [];
  if (!Array.isArray(methods)) throw new ZzError('ERR_INPUT_INVALID', 'retrievalMethods must be an array');
  if (methods.length > 0) {
    engagement.set(
      2,
      methods.map((method) => {
        if (!Number.isSafeInteger(method?.type) || !Number.isSafeInteger(method.version) || method.version < 0) {
          throw new ZzError('ERR_INPUT_INVALID', 'A retrieval method needs an integer type and version');
        }
        return [method.type, method.version, method.options];
      }),
    );
  }
  return encodeCbor(engagement);
}

/** The engagement QR text: `"mdoc:" + base64url_nopad(DeviceEngagement)` (§8.2.2.3). */
export function deviceEngagementQr(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > MAX_DEVICE_ENGAGEMENT_BYTES) {
    throw new ZzError('ERR_INPUT_INVALID', 'DeviceEngagement must be non-empty bytes within the size limit');
  }
  return QR_PREFIX + encodeBase64url(bytes);
}

export interface ParsedDeviceEngagement {
  /** The exact DeviceEngagement bytes: tag them (`#6.24`) for DeviceEngagementBytes, never re-encode. */
  readonly bytes: Uint8Array;
  readonly version: string;
  readonly eDeviceKey: PublicKey;
  /** The exact COSE_Key bytes inside EDeviceKeyBytes. */
  readonly eDeviceKeyBytes: Uint8Array;
  readonly retrievalMethods: readonly DeviceRetrievalMethod[];
  /** The URL of our WebSocket relay method, when listed. */
  readonly relayUrl?: string;
}

const read = new CborReader('ERR_SESSION_ENGAGEMENT_MALFORMED');

/**
 * Parses an engagement QR text (`mdoc:…`) or DeviceEngagement bytes (§8.2.1.1), strictly: integer
 * keys, version "1.0" or "1.1", cipher suite 1, a P-256 EDeviceKey, well-formed retrieval methods
 * (unknown types are kept, not interpreted). Anything else is `ERR_SESSION_ENGAGEMENT_MALFORMED`
 * (`ERR_INPUT_TOO_LARGE` past 4 KiB). The key's on-curve check happens at ECDH.
 */
export function parseDeviceEngagement(input: string | Uint8Array): ParsedDeviceEngagement {
  try {
    return parse(input);
  } catch (error) {
    if (isZzError(error, 'ERR_SESSION_ENGAGEMENT_MALFORMED') || isZzError(error, 'ERR_INPUT_TOO_LARGE')) throw error;
    throw new ZzError('ERR_SESSION_ENGAGEMENT_MALFORMED', 'Device engagement is malformed', { cause: error });
  }
}

function parse(input: string | Uint8Array): ParsedDeviceEngagement {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    if (input.length > (MAX_DEVICE_ENGAGEMENT_BYTES * 4) / 3 + QR_PREFIX.length + 4) {
      throw new ZzError('ERR_INPUT_TOO_LARGE', 'Engagement QR text is too long');
    }
    if (!input.startsWith(QR_PREFIX)) read.fail('Engagement QR text must start with mdoc:');
    bytes = decodeBase64url(input.slice(QR_PREFIX.length));
  } else if (input instanceof Uint8Array) {
    bytes = new Uint8Array(input);
  } else {
    return read.fail('Device engagement must be QR text or bytes');
  }
  const engagement = read.map(decodeCbor(bytes, { maxBytes: MAX_DEVICE_ENGAGEMENT_BYTES }), 'DeviceEngagement');
  for (const key of engagement.keys()) {
    if (typeof key !== 'number' || !Number.isSafeInteger(key)) read.fail('DeviceEngagement keys must be integers');
  }
  const version = read.text(read.required(engagement, 0, 'DeviceEngagement'), 'DeviceEngagement version');
  if (version !== '1.0' && version !== '1.1') read.fail('DeviceEngagement version must be 1.0 or 1.1');
  const security = read.array(read.required(engagement, 1, 'DeviceEngagement'), 'Security');
  if (security.length !== 2) read.fail('Security must have 2 elements');
  if (security[0] !== SESSION_CIPHER_SUITE) read.fail('Security cipher suite must be 1');
  const embedded = decodeEmbedded(security[1], 'EDeviceKeyBytes');
  const eDeviceKey = coseKeyToPublicKey(embedded.value);
  if (eDeviceKey.suite !== 'ES256') read.fail('EDeviceKey must be a P-256 key');
  const retrievalMethods = engagement.has(2) ? parseMethods(engagement.get(2)) : [];
  const relay = retrievalMethods.find((method) => method.type === DEVICE_RETRIEVAL_TYPE.websocketRelay);
  const relayUrl = relay?.options.get(0);
  if (relay) assertRelayUrl(relayUrl, new ZzError('ERR_SESSION_ENGAGEMENT_MALFORMED', 'Relay URL is not valid'));
  return {
    bytes,
    version,
    eDeviceKey,
    eDeviceKeyBytes: new Uint8Array(embedded.bytes),
    retrievalMethods,
    ...(typeof relayUrl === 'string' && { relayUrl }),
  };
}

function parseMethods(value: unknown): DeviceRetrievalMethod[] {
  const list = read.array(value, 'DeviceRetrievalMethods');
  if (list.length === 0 || list.length > 16) read.fail('DeviceRetrievalMethods must have 1 to 16 entries');
  return list.map((entry) => {
    const method = read.array(entry, 'DeviceRetrievalMethod');
    if (method.length !== 3) read.fail('DeviceRetrievalMethod must have 3 elements');
    const options = read.map(method[2], 'RetrievalOptions');
    for (const key of options.keys()) {
      if (!(typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key)))) {
        read.fail('RetrievalOptions keys must be integers or text');
      }
    }
    return {
      type: read.int(method[0], 'DeviceRetrievalMethod type'),
      version: read.uint(method[1], 'DeviceRetrievalMethod version'),
      options: options as ReadonlyMap<number | string, CborValue>,
    };
  });
}

function assertRelayUrl(url: unknown, failure: ZzError): asserts url is string {
  if (typeof url !== 'string' || url.length > 2048) throw failure;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw failure;
  }
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') throw failure;
}
