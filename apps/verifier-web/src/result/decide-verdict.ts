import type { ErrorCode } from '@zhengzhao/core';
import { checkPurposeCoverage, type PurposeCoverage } from '../purposes/check-purpose-coverage.js';
import type { PurposePreset } from '../purposes/purpose-presets.js';
import type { ScannedKind } from '../scan/classify-scanned-text.js';
import type { CounterReport, IssuerName } from '../verification/verifier-client.js';

/** How a presentation reached the counter over a proximity session. */
export interface ProximityContext {
  /** The organisation the counter signed its request as; absent = an unsigned request. */
  readonly readerOrganisation?: IssuerName;
}

/** Everything a scan can end in. */
export type ScanOutcome =
  | {
      readonly kind: 'report';
      readonly report: CounterReport;
      /** Set when the report came from a proximity session (`mdoc:` engagement). */
      readonly proximity?: ProximityContext;
    }
  /** The text decoded as no presentation (the verifier threw a typed error). */
  | { readonly kind: 'unreadable'; readonly code: ErrorCode }
  /** A QR code of another kind: a link, a payment code, nothing. */
  | { readonly kind: 'foreign'; readonly scanned: Exclude<ScannedKind, 'zz1' | 'other' | 'proximity'> }
  /** A proximity session that ended without a presentation (declined, timed out, relay closed…). */
  | { readonly kind: 'session'; readonly code: ErrorCode }
  /** An uploaded image without a QR code, or not an image at all. */
  | { readonly kind: 'image'; readonly why: 'none' | 'unreadable' }
  /** The verifier could not be started (no WebCrypto, no storage). */
  | { readonly kind: 'unavailable' };

export type Verdict = 'pass' | 'fail' | 'insufficient';

export interface Decision {
  readonly verdict: Verdict;
  /** The code behind a failure, when there is one. */
  readonly code?: ErrorCode;
  /** For a valid report: whether it covers the purpose. */
  readonly coverage?: PurposeCoverage;
}

/** All disclosed claims in one map (mdoc namespaces or the SD-JWT `vct` merged). */
export function disclosedClaims(report: CounterReport): Record<string, unknown> {
  return Object.assign({}, ...Object.values(report.claims ?? {})) as Record<string, unknown>;
}

/**
 * The verdict shown at the counter: green only when the presentation is valid (every check
 * passed, on data that is not stale) AND it covers the chosen purpose; a valid presentation that
 * does not cover it is `insufficient` (shown red, with what is missing); anything else fails,
 * with the code of the first failed check.
 */
export function decideVerdict(outcome: ScanOutcome, preset: PurposePreset, now: Date): Decision {
  if (outcome.kind === 'unreadable' || outcome.kind === 'session') return { verdict: 'fail', code: outcome.code };
  if (outcome.kind === 'image') return { verdict: 'fail', code: 'ERR_QR_IMAGE_UNREADABLE' };
  if (outcome.kind === 'foreign') return { verdict: 'fail', code: 'ERR_FORMAT_UNKNOWN' };
  if (outcome.kind === 'unavailable') return { verdict: 'fail' };
  const { report } = outcome;
  if (!report.valid) {
    const failed = report.checks.find((check) => check.outcome === 'failed');
    return { verdict: 'fail', ...(failed?.code && { code: failed.code }) };
  }
  const coverage = checkPurposeCoverage(preset, report.credentialType, disclosedClaims(report), now);
  return { verdict: coverage.covered ? 'pass' : 'insufficient', coverage };
}
