import {
  type CheckResult,
  checkDelegation,
  type DelegationResult,
  GUARDIANSHIP_TYPE_ID,
  type PublicKey,
  WARD_ID_ELEMENT,
} from '@zhengzhao/core';
import type { VerifierReport } from '../verifier-types.js';
import { delegationSectionOf } from './delegation-section.js';

/** One verified document of a presentation, with the key its credential binds. */
export interface PresentedDocument<R extends VerifierReport = VerifierReport> {
  /** mdoc docType or SD-JWT VC `vct` (default: the report's `credentialType`). */
  readonly docType?: string;
  readonly report: R;
  /** The key the credential binds; undefined when unreadable (the delegation check then fails). */
  readonly deviceKey?: PublicKey | undefined;
}

/**
 * A guardian's presentation (docs/adr/0011-guardian-delegation.md): when the documents hold a
 * guardianship (`cn.gov.guardianship.1`) and at least one other document, every other document
 * is a ward's credential, checked with core's `checkDelegation` against the delegation naming its
 * ward (or the first one). Its report gains a `delegation` section and a `delegation` check; a
 * failed delegation makes it not valid and withholds its claims. Other presentations are
 * returned unchanged. Reports keep their order.
 */
export function applyDelegation<R extends VerifierReport>(documents: readonly PresentedDocument<R>[], now: Date): R[] {
  const typed = documents.map((document) => ({
    ...document,
    docType: document.docType ?? document.report.credentialType ?? '',
  }));
  const delegations = typed.filter((document) => document.docType === GUARDIANSHIP_TYPE_ID);
  if (delegations.length === 0 || delegations.length === typed.length) return typed.map((document) => document.report);
  return typed.map((ward) => {
    if (ward.docType === GUARDIANSHIP_TYPE_ID) return ward.report;
    const wardId = ward.report.claims?.[ward.docType]?.[WARD_ID_ELEMENT];
    const delegation =
      delegations.find(
        (candidate) =>
          wardId !== undefined && candidate.report.claims?.[GUARDIANSHIP_TYPE_ID]?.ward_id_number === wardId,
      ) ?? (delegations[0] as (typeof delegations)[number]);
    return withDelegation(ward.report, checkDelegation({ ward, delegation, now }));
  });
}

/** The ward's report with the delegation outcome: a section, a `delegation` check, and the verdict. */
function withDelegation<R extends VerifierReport>(report: R, result: DelegationResult): R {
  const delegation = delegationSectionOf(result);
  const failure = result.checks.find((check) => check.outcome === 'failed');
  if (!failure) {
    const check: CheckResult = { id: 'delegation', outcome: 'ok' };
    return { ...report, checks: [...report.checks, check], delegation };
  }
  const check: CheckResult = {
    id: 'delegation',
    outcome: 'failed',
    ...(failure.code !== undefined && { code: failure.code }),
    reason: `${failure.id}: ${failure.reason ?? 'failed'}`,
  };
  const { claims: _claims, statusValue: _statusValue, ...rest } = report;
  return { ...rest, valid: false, checks: [...report.checks, check], delegation } as unknown as R;
}
