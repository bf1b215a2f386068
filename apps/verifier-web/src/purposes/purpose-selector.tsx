import { useTranslator } from '../i18n/locale-context.js';
import { elementLabel } from '../result/format-claim-value.js';
import { PURPOSE_PRESETS, type PurposePreset, type PurposePresetId } from './purpose-presets.js';

export interface PurposeSelectorProps {
  readonly value: PurposePresetId;
  readonly onChange: (id: PurposePresetId) => void;
}

/** What a preset needs, in words: "姓名、公民身份号码、已满18周岁". */
function useNeeds(preset: PurposePreset): string {
  const { t, locale } = useTranslator();
  const names = preset.requirements.map((requirement) =>
    requirement.kind === 'adult' ? t('coverage.adult') : elementLabel(preset.typeId, requirement.element, locale),
  );
  return t('purpose.needs', { elements: names.join(locale === 'zh-CN' ? '、' : ', ') });
}

function PresetOption({
  preset,
  checked,
  onChange,
}: {
  preset: PurposePreset;
  checked: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslator();
  const needs = useNeeds(preset);
  const id = `purpose-${preset.id}`;
  return (
    <div className={checked ? 'preset checked' : 'preset'}>
      <input
        type="radio"
        name="purpose"
        id={id}
        value={preset.id}
        checked={checked}
        onChange={onChange}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>{t(`purpose.${preset.id}`)}</label>
      <p id={`${id}-hint`} className="hint">
        {t(`purpose.${preset.id}.hint`)}
        <br />
        {needs}
      </p>
    </div>
  );
}

/** The purpose presets as radio buttons (a fieldset with a legend, arrow keys move between them). */
export function PurposeSelector({ value, onChange }: PurposeSelectorProps) {
  const { t } = useTranslator();
  return (
    <fieldset className="purposes" id="purposes">
      <legend>{t('purpose.legend')}</legend>
      {PURPOSE_PRESETS.map((preset) => (
        <PresetOption
          key={preset.id}
          preset={preset}
          checked={preset.id === value}
          onChange={() => onChange(preset.id)}
        />
      ))}
    </fieldset>
  );
}
