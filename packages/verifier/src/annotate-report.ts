import type { CheckResult, VerificationReport } from '@zhengzhao/core';
import type { StatusUse } from './status/status-list-registry.js';
import type { TrustState } from './trust-bundle/trust-state.js';
import type { VerifierReport } from './verifier-types.js';

/** Whole seconds from `from` to `now` (ms), never negative. */
export function ageSeconds(now: number, from: number): number {
  return Math.max(0, Math.floor((now - from) / 1000));
}

/**
 * Adds the cache ages to a core report (Zhengzhao issue 5 §1). When the trust bundle or a status
 * list it used is older than `maxAgeMs`, the report is made not valid: claims and status value
 * are withheld and a failed `freshness` check with `ERR_VERIFIER_CACHE_STALE` is appended after
 * the core's checks (which may all have passed — the verdict rests on data too old to stand on).
 */
export function annotateReport(
  report: VerificationReport,
  context: {
    readonly now: number;
    readonly trust: TrustState;
    readonly uses: readonly StatusUse[];
    readonly maxAgeMs: number;
  },
): VerifierReport {
  const { now, trust, uses, maxAgeMs } = context;
  const trustAgeMs = trust.fetchedAt === undefined ? undefined : Math.max(0, now - trust.fetchedAt);
  const statusAgeMs = uses.length === 0 ? undefined : Math.max(0, ...uses.map((use) => now - use.fetchedAt));
  const staleTrust = trustAgeMs !== undefined && trustAgeMs > maxAgeMs;
  const staleStatus = statusAgeMs !== undefined && statusAgeMs > maxAgeMs;
  const cache = {
    stale: staleTrust || staleStatus,
    ...(trustAgeMs !== undefined && { trustAgeSeconds: Math.floor(trustAgeMs / 1000) }),
    ...(statusAgeMs !== undefined && { statusAgeSeconds: Math.floor(statusAgeMs / 1000) }),
  };
  const entry = trust.bundle?.issuerFor(report.issuer) ?? trust.list?.authorityForAnchor(report.issuer?.trustAnchor);
  const trustedIssuer = entry ? { trustedIssuer: { id: entry.id, name: entry.name } } : {};
  if (!cache.stale) return { ...report, cache, ...trustedIssuer };
  const what =
    staleTrust && staleStatus ? 'trust list and status list are' : staleTrust ? 'trust list is' : 'status list is';
  const check: CheckResult = {
    id: 'freshness',
    outcome: 'failed',
    code: 'ERR_VERIFIER_CACHE_STALE',
    reason: `The cached ${what} older than ${Math.floor(maxAgeMs / 1000)} s; refresh while online`,
  };
  const { claims: _claims, statusValue: _statusValue, ...rest } = report;
  return { ...rest, valid: false, checks: [...report.checks, check], cache, ...trustedIssuer };
}
