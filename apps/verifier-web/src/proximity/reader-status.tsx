import { useTranslator } from '../i18n/locale-context.js';
import { elementLabel } from '../result/format-claim-value.js';
import type { ReaderConfigState } from '../verification/load-reader-config.js';
import type { ProximityRequestSpec } from '../verification/verifier-client.js';

export interface ReaderStatusProps {
  readonly state: ReaderConfigState;
  /** What a session would ask for with the chosen purpose. */
  readonly spec: ProximityRequestSpec;
}

/**
 * The proximity mode in the scan column: what a session would ask the holder for, and whether
 * this counter signs its requests (reader.json) — without it wallets will likely refuse, which
 * the clerk should know before the holder's phone says so.
 */
export function ReaderStatus({ state, spec }: ReaderStatusProps) {
  const { t, locale } = useTranslator();
  const names = spec.elements.map((id) => elementLabel(spec.typeId, id, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  const status =
    state.kind === 'ready'
      ? t('reader.ready', { organisation: state.identity.organisation[locale] })
      : state.kind === 'invalid'
        ? t('reader.invalid', { code: state.code })
        : t(`reader.${state.kind}`);
  return (
    <section className="proximity" aria-labelledby="proximity-heading">
      <h3 id="proximity-heading">{t('proximity.heading')}</h3>
      <p className="hint">{t('proximity.hint', { elements: names })}</p>
      <p
        id="reader-status"
        data-reader={state.kind}
        className={state.kind === 'ready' || state.kind === 'loading' ? 'reader-status' : 'reader-status warning'}
      >
        {status}
      </p>
    </section>
  );
}
