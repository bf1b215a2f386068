import { Encoder } from 'cbor-x';
import { ZzError } from '../errors/zz-error.js';
import { TAG_ENCODED_CBOR, Tag } from './tags.js';

/**
 * cbor-x with every extension off: no records, no structured clone, no shared strings, plain
 * byte strings (no typed-array tags). Only RFC 8949 data goes out.
 */
const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  variableMapSize: true,
  tagUint8Array: false,
  structuredClone: false,
  bundleStrings: false,
  pack: false,
});

/** Values the deterministic encoder accepts. */
export type CborValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | Tag
  | readonly CborValue[]
  | ReadonlyMap<CborValue, CborValue>
  | { readonly [key: string]: CborValue };

/**
 * Encodes `value` with RFC 8949 §4.2.1 core deterministic encoding: preferred (shortest)
 * integer and length forms, definite lengths, and map keys sorted by the bytewise order of their
 * encodings. Every byte string that a signature covers is produced here, so one value always
 * gives one byte sequence (docs/adr/0003-cbor-determinism.md).
 *
 * Floating-point numbers, `undefined` and Date objects are refused (`ERR_CBOR_UNSUPPORTED`):
 * credentials carry integers, text, bytes and tagged dates (use `tdate()` and `fullDate()`).
 */
export function encodeCbor(value: CborValue): Uint8Array {
  const prepared = canonicalize(value, 0);
  const bytes = encoder.encode(prepared);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `#6.24(bstr .cbor value)`: the embedded-CBOR tag that ISO 18013-5 uses for IssuerSignedItemBytes,
 * MobileSecurityObjectBytes, DeviceAuthenticationBytes and friends.
 */
export function embedCbor(value: CborValue): Tag {
  return new Tag(encodeCbor(value), TAG_ENCODED_CBOR);
}

/** Wraps already-encoded bytes in tag 24 without re-encoding them. */
export function embedEncoded(bytes: Uint8Array): Tag {
  return new Tag(bytes, TAG_ENCODED_CBOR);
}

const MAX_DEPTH = 64;

function canonicalize(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new ZzError('ERR_CBOR_UNSUPPORTED', 'Value nests too deeply to encode');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new ZzError('ERR_CBOR_UNSUPPORTED', 'Only safe integers can be encoded deterministically');
    }
    return shortestInteger(value);
  }
  if (typeof value === 'bigint') return shortestInteger(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof Tag) return new Tag(canonicalize(value.value, depth + 1), value.tag);
  if (Array.isArray(value)) return value.map((item) => canonicalize(item, depth + 1));
  if (value instanceof Map) return sortedMap([...value.entries()], depth);
  if (typeof value === 'object' && value.constructor === Object) {
    return sortedMap(Object.entries(value as Record<string, unknown>), depth);
  }
  throw new ZzError('ERR_CBOR_UNSUPPORTED', `A ${describe(value)} cannot be encoded deterministically`);
}

const UINT32_MAX = 0xffff_ffff;

/**
 * cbor-x writes numbers beyond 32 bits as float64 and bigints always in 8 bytes; hand it a
 * number inside the 32-bit range and a bigint outside it, so every integer gets its preferred
 * (shortest) head.
 */
function shortestInteger(value: number | bigint): number | bigint {
  const n = Number(value);
  if (n >= -UINT32_MAX - 1 && n <= UINT32_MAX) return n;
  return BigInt(value);
}

function sortedMap(entries: [unknown, unknown][], depth: number): Map<unknown, unknown> {
  const keyed = entries.map(([key, item]) => {
    const canonicalKey = canonicalize(key, depth + 1);
    return { encodedKey: encoder.encode(canonicalKey), key: canonicalKey, item };
  });
  keyed.sort((a, b) => compareBytes(a.encodedKey, b.encodedKey));
  const out = new Map<unknown, unknown>();
  for (let i = 0; i < keyed.length; i++) {
    const entry = keyed[i] as (typeof keyed)[number];
    if (i > 0 && compareBytes((keyed[i - 1] as (typeof keyed)[number]).encodedKey, entry.encodedKey) === 0) {
      throw new ZzError('ERR_CBOR_UNSUPPORTED', 'Map has duplicate keys');
    }
    out.set(entry.key, canonicalize(entry.item, depth + 1));
  }
  return out;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined value';
  if (value instanceof Date) return 'Date (use tdate() or fullDate())';
  if (typeof value === 'number') return 'non-integer number';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}
