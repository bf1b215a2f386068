import { Encoder } from 'cbor-x';
import { ZzError } from '../errors/zz-error.js';
import { cborHeadLength, writeCborHead } from './head.js';
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
  const simple = encodeSimple(value);
  if (simple) return simple;
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
const textEncoder = new TextEncoder();

/**
 * A fast path for the leaves that dominate credentials (text, small integers, booleans, null,
 * and tags around text such as tdate and full-date): written directly, no general encoder.
 * Returns undefined for anything else. Byte-identical to the general path (tested).
 */
function encodeSimple(value: unknown): Uint8Array | undefined {
  if (typeof value === 'string') return textItem(value, undefined);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= -UINT32_MAX - 1 && value <= UINT32_MAX) {
    const out = new Uint8Array(cborHeadLength(value < 0 ? -1 - value : value));
    writeCborHead(out, 0, value < 0 ? 1 : 0, value < 0 ? -1 - value : value);
    return out;
  }
  if (value === true) return Uint8Array.of(0xf5);
  if (value === false) return Uint8Array.of(0xf4);
  if (value === null) return Uint8Array.of(0xf6);
  if (value instanceof Uint8Array) return bytesItem(value, undefined);
  if (value instanceof Tag && value.tag >= 0 && value.tag <= UINT32_MAX) {
    if (typeof value.value === 'string') return textItem(value.value, value.tag);
    if (value.value instanceof Uint8Array) return bytesItem(value.value, value.tag);
  }
  return undefined;
}

function bytesItem(bytes: Uint8Array, tag: number | undefined): Uint8Array | undefined {
  if (bytes.length > UINT32_MAX) return undefined;
  const tagSize = tag === undefined ? 0 : cborHeadLength(tag);
  const out = new Uint8Array(tagSize + cborHeadLength(bytes.length) + bytes.length);
  let at = tag === undefined ? 0 : writeCborHead(out, 0, 6, tag);
  at = writeCborHead(out, at, 2, bytes.length);
  out.set(bytes, at);
  return out;
}

function textItem(text: string, tag: number | undefined): Uint8Array {
  const utf8 = text.length <= 64 ? utf8Short(text) : textEncoder.encode(text);
  const tagSize = tag === undefined ? 0 : cborHeadLength(tag);
  const out = new Uint8Array(tagSize + cborHeadLength(utf8.length) + utf8.length);
  let at = tag === undefined ? 0 : writeCborHead(out, 0, 6, tag);
  at = writeCborHead(out, at, 3, utf8.length);
  out.set(utf8, at);
  return out;
}

const utf8Scratch = new Uint8Array(64 * 3);

/**
 * UTF-8 of a short string, as TextEncoder writes it (lone surrogates become U+FFFD): element
 * names and values are short, and TextEncoder's per-call cost dominates at that size.
 */
function utf8Short(text: string): Uint8Array {
  const out = utf8Scratch;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 63);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[at++] = 0xf0 | (code >> 18);
        out[at++] = 0x80 | ((code >> 12) & 63);
        out[at++] = 0x80 | ((code >> 6) & 63);
        out[at++] = 0x80 | (code & 63);
        continue;
      }
      code = 0xfffd;
    }
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 63);
    out[at++] = 0x80 | (code & 63);
  }
  return out.slice(0, at);
}

/**
 * cbor-x writes numbers beyond 32 bits as float64 and bigints always in 8 bytes; hand it a
 * number inside the 32-bit range and a bigint outside it, so every integer gets its preferred
 * (shortest) head.
 */
function shortestInteger(value: number | bigint): number | bigint {
  const n = Number(value);
  if (n >= -UINT32_MAX - 1 && n <= UINT32_MAX) return n;
  const big = BigInt(value);
  // cbor-x writes [-2^64, -2^63 - 1] as a tag-3 bignum, not as the 8-byte negative integer
  // RFC 8949 prefers; nothing in a credential comes near, so refuse rather than mis-encode.
  if (big < -(2n ** 63n) && big >= -(2n ** 64n)) {
    throw new ZzError('ERR_CBOR_UNSUPPORTED', 'Negative integers below -2^63 are not supported down to -2^64');
  }
  return big;
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
