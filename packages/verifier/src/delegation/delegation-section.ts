import type { DelegationCheck, DelegationGuardian, DelegationResult, LocalizedText } from '@zhengzhao/core';
import { DELEGATION_NOTICE } from '@zhengzhao/core';

/**
 * What a verifier report says of a ward's credential presented by a guardian
 * (docs/adr/0011-guardian-delegation.md): the notice to show (由监护人代为出示 / presented by a
 * guardian), who the guardian is and until when, and the `DELEGATION.*` checks. `guardian` is
 * present only when `valid`; a failed delegation also fails the ward's report (`delegation` check).
 */
export interface DelegationSection {
  readonly valid: boolean;
  readonly notice: LocalizedText;
  readonly guardian?: DelegationGuardian;
  readonly checks: readonly DelegationCheck[];
}

/** The report section of a `checkDelegation` result. */
export function delegationSectionOf(result: DelegationResult): DelegationSection {
  return {
    valid: result.valid,
    notice: DELEGATION_NOTICE,
    ...(result.valid && result.guardian && { guardian: result.guardian }),
    checks: result.checks,
  };
}
