import { useTranslator } from '../i18n/locale-context.js';
import { elementLabel } from '../result/format-claim-value.js';
import type { ProximityPhase, ProximityRequestSpec } from '../verification/verifier-client.js';

const STEPS: readonly { readonly phase: ProximityPhase; readonly key: `proximity.${ProximityPhase}` }[] = [
  { phase: 'connecting', key: 'proximity.connecting' },
  { phase: 'waiting', key: 'proximity.waiting' },
  { phase: 'verifying', key: 'proximity.verifying' },
];

export interface ProximityProgressProps {
  readonly phase: ProximityPhase;
  readonly spec: ProximityRequestSpec;
  readonly onCancel: () => void;
}

/**
 * A proximity session under way, shown where the result will appear: the three steps (the
 * current one marked with `aria-current="step"`), what was asked of the holder, and a button to
 * give up (the holder walked away; the banner above announces each step).
 */
export function ProximityProgress({ phase, spec, onCancel }: ProximityProgressProps) {
  const { t, locale } = useTranslator();
  const current = STEPS.findIndex((step) => step.phase === phase);
  const names = spec.elements.map((id) => elementLabel(spec.typeId, id, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  return (
    <div className="proximity-progress" id="proximity-progress" data-phase={phase}>
      <ol className="steps" aria-label={t('proximity.steps')}>
        {STEPS.map((step, index) => (
          <li
            key={step.phase}
            className={index < current ? 'step done' : index === current ? 'step current' : 'step'}
            aria-current={index === current ? 'step' : undefined}
          >
            {t(step.key)}
          </li>
        ))}
      </ol>
      <p className="hint" id="proximity-requested">
        {t('proximity.requested', { elements: names })}
      </p>
      <button type="button" id="proximity-cancel" onClick={onCancel}>
        {t('proximity.cancel')}
      </button>
    </div>
  );
}
