import type { MessageKey } from '../i18n/messages.js';
import { disclosedClaims, type ScanOutcome } from './decide-verdict.js';
import { portraitOf } from './format-claim-value.js';

/**
 * How the counter marks a paper credential (ADR 0010): the report says `presentation: 'paper'`,
 * so the holder was NOT authenticated by a phone. `instruction` tells the clerk what to compare
 * instead: the signed portrait from the QR when one was disclosed, else the identity card.
 * A not-valid paper report keeps the badge (the clerk sees which card failed) without an
 * instruction.
 */
export interface PaperMarker {
  readonly badge: MessageKey;
  readonly instruction?: MessageKey;
}

/** The paper marker for `outcome`, or undefined when it is not a paper credential. */
export function paperMarkerOf(outcome: ScanOutcome): PaperMarker | undefined {
  if (outcome.kind !== 'report' || outcome.report.presentation !== 'paper') return undefined;
  const { report } = outcome;
  if (!report.valid) return { badge: 'paper.badge' };
  const portrait = portraitOf(disclosedClaims(report));
  return { badge: 'paper.badge', instruction: portrait ? 'paper.comparePortrait' : 'paper.compareIdCard' };
}

/** The label of the report's format: a paper credential is not shown as a phone QR. */
export function formatLabelKey(outcome: ScanOutcome): MessageKey | undefined {
  if (outcome.kind !== 'report') return undefined;
  return outcome.report.presentation === 'paper' ? 'format.zz1-paper' : `format.${outcome.report.format}`;
}
