import type { VerificationReport } from '@zhengzhao/core';
import type { DelegationSection, VerifierReport } from '@zhengzhao/verifier';

/** How old the data behind a result was. */
export interface CacheAges {
  readonly stale: boolean;
  readonly trustAgeSeconds?: number;
  readonly statusAgeSeconds?: number;
}

/** An issuer's display name from the trust bundle. */
export interface IssuerName {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A verification report as the app shows it. */
export type CounterReport = VerificationReport & {
  readonly cache: CacheAges;
  readonly issuerName?: IssuerName;
  /** A guardian presented the ward's credential under this delegation (ADR 0011). */
  readonly delegation?: DelegationSection;
};

const ages = (report: VerifierReport): CacheAges => ({
  stale: report.cache.stale,
  ...(report.cache.trustAgeSeconds !== undefined && { trustAgeSeconds: report.cache.trustAgeSeconds }),
  ...(report.cache.statusAgeSeconds !== undefined && { statusAgeSeconds: report.cache.statusAgeSeconds }),
});

/** The SDK's report in the app's shape: the cache ages, and the issuer's names from the trust bundle. */
export function toCounterReport(report: VerifierReport): CounterReport {
  const { cache: _cache, trustedIssuer, ...core } = report;
  return { ...core, cache: ages(report), ...(trustedIssuer && { issuerName: trustedIssuer.name }) };
}
