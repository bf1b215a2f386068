/**
 * True when an `If-None-Match` header names `etag` or is `*` (RFC 9110 §13.1.2: weak comparison,
 * so `W/"x"` matches `"x"`).
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (typeof header !== 'string') return false;
  const value = header.trim();
  if (value === '*') return true;
  return value.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** True when `Accept` prefers `wanted` over `other` (listed, and before `other` if both are). */
export function acceptPrefers(accept: string | string[] | undefined, wanted: string, other: string): boolean {
  if (typeof accept !== 'string') return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  const a = types.indexOf(wanted);
  const b = types.indexOf(other);
  return a >= 0 && (b < 0 || a < b);
}
