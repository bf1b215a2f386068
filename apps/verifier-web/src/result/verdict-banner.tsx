import { useTranslator } from '../i18n/locale-context.js';
import type { PurposePreset } from '../purposes/purpose-presets.js';
import type { ProximityPhase } from '../verification/verifier-client.js';
import type { Decision, ScanOutcome } from './decide-verdict.js';
import { DelegationBadge } from './delegation-badge.js';
import { PaperBadge } from './paper-badge.js';
import { useReasonText } from './result-view.js';

export type BannerState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'verifying' }
  /** A proximity session in progress. */
  | { readonly kind: 'proximity'; readonly phase: ProximityPhase }
  | { readonly kind: 'done'; readonly outcome: ScanOutcome; readonly decision: Decision };

const PHASE_KEYS = {
  connecting: 'proximity.connecting',
  waiting: 'proximity.waiting',
  verifying: 'proximity.verifying',
} as const;

function DoneBanner({
  outcome,
  decision,
  preset,
}: {
  outcome: ScanOutcome;
  decision: Decision;
  preset: PurposePreset;
}) {
  const { t } = useTranslator();
  const reason = useReasonText(outcome, decision, preset);
  const title =
    decision.verdict === 'pass'
      ? t('verdict.pass')
      : decision.verdict === 'insufficient'
        ? t('verdict.insufficient')
        : t('verdict.fail');
  return (
    <>
      <p className="verdict-title">
        <span aria-hidden="true" className="verdict-symbol">
          {decision.verdict === 'pass' ? '✓' : '✗'}
        </span>{' '}
        {title}
      </p>
      {reason && (
        <p className="verdict-reason" id="verdict-reason">
          {t('verdict.reason', { reason })}
        </p>
      )}
      <PaperBadge outcome={outcome} />
      <DelegationBadge outcome={outcome} />
    </>
  );
}

/**
 * The verdict, large, green or red: the one thing the clerk must see. It is an assertive live
 * region, so a screen reader announces each new verdict (with its reason) at once, without the
 * focus moving away from the scanner input.
 */
export function VerdictBanner({ state, preset }: { readonly state: BannerState; readonly preset: PurposePreset }) {
  const { t } = useTranslator();
  const verdict =
    state.kind === 'done' ? state.decision.verdict : state.kind === 'proximity' ? state.phase : state.kind;
  return (
    <div
      id="verdict"
      className={`verdict verdict-${verdict}`}
      data-verdict={verdict}
      aria-live="assertive"
      aria-atomic="true"
    >
      {state.kind === 'done' ? (
        <DoneBanner outcome={state.outcome} decision={state.decision} preset={preset} />
      ) : state.kind === 'proximity' ? (
        <p className="verdict-title">{t(PHASE_KEYS[state.phase])}</p>
      ) : (
        <p className="verdict-title">{state.kind === 'verifying' ? t('verdict.verifying') : t('verdict.idle')}</p>
      )}
    </div>
  );
}
