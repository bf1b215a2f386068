import { asUint8Array } from '../bytes/bytes.js';
import { TAG_FULL_DATE, Tag } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import type { MdocIssuerSigned } from './types.js';

const MAX_DEPTH = 32;

/**
 * Disclosed elements as plain data: `{ [namespace]: { element: value } }`. full-date
 * (`#6.1004`) becomes `"YYYY-MM-DD"`, tdate an ISO 8601 string without fractional seconds, maps
 * plain objects, byte strings stay Uint8Array; other tags are kept as `Tag`.
 */
export function mdocClaims(issuerSigned: MdocIssuerSigned): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(issuerSigned.nameSpaces).map(([ns, items]) => [
      ns,
      Object.fromEntries(items.map((item) => [item.elementIdentifier, claimValue(item.elementValue, 0)])),
    ]),
  );
}

/** Converts one decoded CBOR element value (see `mdocClaims`). */
export function claimValue(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new ZzError('ERR_MDOC_MALFORMED', 'Element value nests too deeply');
  if (value instanceof Uint8Array) return asUint8Array(value);
  if (value instanceof Date) return `${value.toISOString().slice(0, 19)}Z`;
  if (value instanceof Tag) {
    if (value.tag === TAG_FULL_DATE && typeof value.value === 'string') return value.value;
    return new Tag(claimValue(value.value, depth + 1), value.tag);
  }
  if (Array.isArray(value)) return value.map((item) => claimValue(item, depth + 1));
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([key, item]) => [String(key), claimValue(item, depth + 1)]));
  }
  return value;
}
