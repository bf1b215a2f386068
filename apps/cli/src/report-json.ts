import { encodeBase64url, Tag } from '@zhengzhao/core';

/**
 * JSON text of a verification report for people and scripts: byte strings (a portrait) become
 * `{"$bytes": "<base64url>", "length": n}`, remaining CBOR tags `{"$tag": n, "value": …}`,
 * Maps objects and bigints decimal strings.
 */
export function formatReportJson(report: unknown): string {
  return JSON.stringify(toJsonValue(report, 0), null, 2);
}

function toJsonValue(value: unknown, depth: number): unknown {
  if (depth > 64) return '(too deep)';
  if (value instanceof Uint8Array) return { $bytes: encodeBase64url(value), length: value.length };
  if (value instanceof Tag) return { $tag: value.tag, value: toJsonValue(value.value, depth + 1) };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, depth + 1));
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([key, item]) => [String(key), toJsonValue(item, depth + 1)]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item, depth + 1)]));
  }
  return value;
}
