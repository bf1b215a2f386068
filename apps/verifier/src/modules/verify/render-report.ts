import { encodeBase64url, Tag } from '@zhengzhao/core';
import type { EngineReport } from './verification-engine.js';

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The JSON form of a report (snake_case members, claims as JSON). */
export interface ReportJson {
  readonly valid: boolean;
  readonly format: string;
  readonly credential_type?: string;
  readonly issuer?: { name: string; suite: string; country?: string; trust_anchor?: string };
  readonly claims?: Record<string, Record<string, Json>>;
  readonly status_value?: number;
  readonly checks: readonly { id: string; outcome: string; code?: string; reason?: string }[];
  readonly cache: { stale: boolean; trust_age_seconds?: number; status_age_seconds?: number };
  /** The trust-list entry the credential chains to (trust bundles only). */
  readonly trusted_issuer?: { id: string; name: { 'zh-CN': string; en: string } };
}

/**
 * Renders a report for the HTTP API (DESIGN.md §5): the checks with their codes, the issuer and
 * type, the age of the cached trust and status data (`cache`), and the disclosed claims only when the report is valid (a failed
 * report never says more than was proven). Byte strings (portraits) become base64url text.
 */
export function renderReport(report: EngineReport): ReportJson {
  const issuer = report.issuer;
  return {
    valid: report.valid,
    format: report.format,
    ...(report.credentialType !== undefined && { credential_type: report.credentialType }),
    ...(issuer && {
      issuer: {
        name: issuer.name,
        suite: issuer.suite,
        ...(issuer.country !== undefined && { country: issuer.country }),
        ...(issuer.trustAnchor !== undefined && { trust_anchor: issuer.trustAnchor }),
      },
    }),
    ...(report.valid && report.claims && { claims: claimsJson(report.claims) }),
    ...(report.statusValue !== undefined && { status_value: report.statusValue }),
    checks: report.checks.map((check) => ({
      id: check.id,
      outcome: check.outcome,
      ...(check.code !== undefined && { code: check.code }),
      ...(check.reason !== undefined && { reason: check.reason }),
    })),
    cache: {
      stale: report.cache.stale,
      ...(report.cache.trustAgeSeconds !== undefined && { trust_age_seconds: report.cache.trustAgeSeconds }),
      ...(report.cache.statusAgeSeconds !== undefined && { status_age_seconds: report.cache.statusAgeSeconds }),
    },
    ...(report.trustedIssuer && {
      trusted_issuer: {
        id: report.trustedIssuer.id,
        name: { 'zh-CN': report.trustedIssuer.name['zh-CN'], en: report.trustedIssuer.name.en },
      },
    }),
  };
}

function claimsJson(claims: Record<string, Record<string, unknown>>): Record<string, Record<string, Json>> {
  const out: Record<string, Record<string, Json>> = {};
  for (const [namespace, elements] of Object.entries(claims)) {
    const values: Record<string, Json> = {};
    for (const [name, value] of Object.entries(elements)) define(values, name, toJson(value, 0));
    define(out, namespace, values);
  }
  return out;
}

/** Plain data as JSON: bytes → base64url, Dates → ISO text, Maps → objects, other tags → their value. */
export function toJson(value: unknown, depth: number): Json {
  if (depth > 16) return null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return encodeBase64url(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Tag) return toJson(value.value, depth + 1);
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1));
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
  const out: Record<string, Json> = {};
  for (const [key, item] of entries) define(out, String(key), toJson(item, depth + 1));
  return out;
}

/** Sets a member without going through `__proto__` setters. */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
