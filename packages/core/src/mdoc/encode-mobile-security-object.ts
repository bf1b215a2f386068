import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { cborHead } from '../cbor/head.js';
import { tdate } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import { publicKeyToCoseKey } from '../keys/cose-key.js';
import { publicKeyX, publicKeyY } from '../keys/public-key.js';
import type { DigestAlgorithm, PublicKey } from '../platform/crypto-suite.js';
import { SUITES } from '../platform/suites.js';
import type { StatusReference } from '../trust/trust-source.js';
import { joinAfter } from './embedded-bytes.js';
import type { MdocValidityInfo } from './types.js';

/** `KeyAuthorizations` (ISO/IEC 18013-5 §9.1.2.4). */
export interface MdocKeyAuthorizations {
  readonly nameSpaces?: readonly string[];
  readonly dataElements?: Readonly<Record<string, readonly string[]>>;
}

export interface CreateMsoInput {
  readonly digestAlgorithm: DigestAlgorithm;
  readonly valueDigests: ReadonlyMap<string, ReadonlyMap<number, Uint8Array>>;
  readonly deviceKey: PublicKey;
  readonly keyAuthorizations?: MdocKeyAuthorizations;
  readonly docType: string;
  readonly validityInfo: MdocValidityInfo;
  readonly status?: StatusReference;
}

/**
 * The CBOR value of a `MobileSecurityObject` (§9.1.2.4): tdates as `#6.0` without fractional
 * seconds, the device key as an EC2 COSE_Key, and the optional Token Status List reference
 * `status: {status_list: {idx, uri}}` (18013-5 2nd edition).
 */
export function msoValue(input: CreateMsoInput): CborValue {
  const deviceKeyInfo = new Map<string, CborValue>([['deviceKey', publicKeyToCoseKey(input.deviceKey)]]);
  if (input.keyAuthorizations) {
    const auth = new Map<string, CborValue>();
    if (input.keyAuthorizations.nameSpaces) auth.set('nameSpaces', [...input.keyAuthorizations.nameSpaces]);
    if (input.keyAuthorizations.dataElements) {
      const elements = new Map<string, CborValue>();
      for (const [ns, ids] of Object.entries(input.keyAuthorizations.dataElements)) elements.set(ns, [...ids]);
      auth.set('dataElements', elements);
    }
    deviceKeyInfo.set('keyAuthorizations', auth);
  }
  const { signed, validFrom, validUntil, expectedUpdate } = input.validityInfo;
  const validity = new Map<string, CborValue>([
    ['signed', tdate(signed)],
    ['validFrom', tdate(validFrom)],
    ['validUntil', tdate(validUntil)],
  ]);
  if (expectedUpdate) validity.set('expectedUpdate', tdate(expectedUpdate));
  const mso = new Map<string, CborValue>([
    ['version', '1.0'],
    ['digestAlgorithm', input.digestAlgorithm],
    ['valueDigests', input.valueDigests as ReadonlyMap<CborValue, CborValue>],
    ['deviceKeyInfo', deviceKeyInfo],
    ['docType', input.docType],
    ['validityInfo', validity],
  ]);
  if (input.status) {
    mso.set(
      'status',
      new Map([
        [
          'status_list',
          new Map<string, CborValue>([
            ['idx', input.status.idx],
            ['uri', input.status.uri],
          ]),
        ],
      ]),
    );
  }
  return mso;
}

const KEYS = [
  'status',
  'docType',
  'version',
  'validityInfo',
  'valueDigests',
  'deviceKeyInfo',
  'digestAlgorithm',
] as const;
const ENCODED_KEYS = Object.fromEntries(KEYS.map((key) => [key, encodeCbor(key)])) as Record<
  (typeof KEYS)[number],
  Uint8Array
>;

/**
 * `encodeCbor(msoValue(input))`, byte for byte, with the value digests written directly: keys in
 * RFC 8949 §4.2.1 order, digestIDs ascending (for unsigned integers in preferred form numeric
 * order is bytewise order). Issuance hashes and signs these bytes.
 */
export function encodeMso(input: CreateMsoInput): Uint8Array {
  const parts: Uint8Array[] = [cborHead(5, input.status ? 7 : 6)];
  const push = (key: (typeof KEYS)[number], ...value: Uint8Array[]) => parts.push(ENCODED_KEYS[key], ...value);
  if (input.status) {
    const { idx, uri } = input.status;
    push(
      'status',
      encodeCbor(
        new Map([
          [
            'status_list',
            new Map<string, CborValue>([
              ['idx', idx],
              ['uri', uri],
            ]),
          ],
        ]),
      ),
    );
  }
  push('docType', encodeCbor(input.docType));
  push('version', VERSION);
  push('validityInfo', ...encodeValidityInfo(input.validityInfo));
  push('valueDigests', ...encodeValueDigests(input.valueDigests));
  if (input.keyAuthorizations) {
    const value = msoValue({ ...input, valueDigests: new Map() }) as Map<string, CborValue>;
    push('deviceKeyInfo', encodeCbor(value.get('deviceKeyInfo') as CborValue));
  } else {
    push('deviceKeyInfo', ...encodeDeviceKeyInfo(input.deviceKey));
  }
  push('digestAlgorithm', encodeCbor(input.digestAlgorithm));
  return joinAfter(new Uint8Array(0), parts);
}

const VERSION = encodeCbor('1.0');

const VALIDITY_KEYS = ['signed', 'validFrom', 'validUntil', 'expectedUpdate'] as const;
const ENCODED_VALIDITY_KEYS = VALIDITY_KEYS.map((key) => encodeCbor(key));
const DEVICE_KEY = encodeCbor('deviceKey');
const TAG_0 = Uint8Array.of(0xc0);

/** `{signed, validFrom, validUntil, ?expectedUpdate}` with `#6.0(tstr)` values, keys in canonical order. */
function encodeValidityInfo(validity: MdocValidityInfo): Uint8Array[] {
  const dates = [validity.signed, validity.validFrom, validity.validUntil, validity.expectedUpdate];
  const parts: Uint8Array[] = [cborHead(5, validity.expectedUpdate ? 4 : 3)];
  dates.forEach((date, i) => {
    if (date) parts.push(ENCODED_VALIDITY_KEYS[i] as Uint8Array, TAG_0, encodeCbor(tdate(date).value as string));
  });
  return parts;
}

/** `{deviceKey: {1: 2, -1: crv, -2: x, -3: y}}`: COSE_Key labels in canonical order 1, -1, -2, -3. */
function encodeDeviceKeyInfo(key: PublicKey): Uint8Array[] {
  const x = publicKeyX(key);
  const y = publicKeyY(key);
  return [
    Uint8Array.of(0xa1),
    DEVICE_KEY,
    Uint8Array.of(0xa4, 0x01, 0x02, 0x20),
    encodeCbor(SUITES[key.suite].coseCurve),
    Uint8Array.of(0x21),
    cborHead(2, x.length),
    x,
    Uint8Array.of(0x22),
    cborHead(2, y.length),
    y,
  ];
}

function encodeValueDigests(valueDigests: ReadonlyMap<string, ReadonlyMap<number, Uint8Array>>): Uint8Array[] {
  const namespaces = [...valueDigests].map(([ns, digests]) => ({ key: encodeCbor(ns), digests }));
  namespaces.sort((a, b) => compareBytes(a.key, b.key));
  const parts: Uint8Array[] = [cborHead(5, namespaces.length)];
  for (const { key, digests } of namespaces) {
    parts.push(key, cborHead(5, digests.size));
    for (const id of [...digests.keys()].sort((a, b) => a - b)) {
      if (!Number.isInteger(id) || id < 0 || id > 0xffffffff)
        throw new ZzError('ERR_INPUT_INVALID', 'digestID must be a uint');
      const digest = digests.get(id) as Uint8Array;
      parts.push(cborHead(0, id), cborHead(2, digest.length), digest);
    }
  }
  return parts;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}
