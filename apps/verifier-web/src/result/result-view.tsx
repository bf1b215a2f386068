import { useTranslator } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { PurposePreset } from '../purposes/purpose-presets.js';
import { describeAge } from '../trust/format-age.js';
import { CheckList } from './check-list.js';
import { ClaimsTable } from './claims-table.js';
import { type Decision, disclosedClaims, type ScanOutcome } from './decide-verdict.js';
import { plainReasonFor } from './error-messages.js';
import { credentialTypeLabel, elementLabel, portraitOf } from './format-claim-value.js';
import { formatLabelKey } from './paper-marker.js';
import { PortraitView } from './portrait-view.js';

export interface ResultViewProps {
  readonly outcome: ScanOutcome;
  readonly decision: Decision;
  readonly preset: PurposePreset;
  readonly elapsedMs: number;
  readonly onNext: () => void;
}

const FOREIGN_KEYS = {
  url: 'foreign.url',
  payment: 'foreign.payment',
  empty: 'foreign.empty',
} as const satisfies Record<string, MessageKey>;

/** The plain-language reason line under the verdict (empty for a green verdict). */
export function useReasonText(outcome: ScanOutcome, decision: Decision, preset: PurposePreset): string | undefined {
  const { t, locale } = useTranslator();
  const purpose = t(`purpose.${preset.id}`);
  if (decision.verdict === 'pass') return undefined;
  if (outcome.kind === 'foreign') return t(FOREIGN_KEYS[outcome.scanned]);
  if (outcome.kind === 'image') return t(outcome.why === 'none' ? 'scan.upload.none' : 'scan.upload.unreadable');
  if (outcome.kind === 'unavailable') return t('cache.loadFailed', { reason: 'WebCrypto / IndexedDB' });
  const coverage = decision.coverage;
  if (coverage && !coverage.covered) {
    if (coverage.reason === 'wrong_type') return t('coverage.wrongType', { purpose });
    if (coverage.reason === 'underage') return t('coverage.underage');
    const type = outcome.kind === 'report' ? outcome.report.credentialType : undefined;
    const names = coverage.missing.map((id) => elementLabel(type, id, locale)).join(locale === 'zh-CN' ? '、' : ', ');
    return t('coverage.missing', { purpose, elements: names });
  }
  return plainReasonFor(decision.code, locale);
}

/** The details under the verdict: portrait, data, issuer, checks, and the age of the data. */
export function ResultView({ outcome, decision, preset, elapsedMs, onNext }: ResultViewProps) {
  const { t, locale } = useTranslator();
  const report = outcome.kind === 'report' ? outcome.report : undefined;
  const claims = report?.valid ? disclosedClaims(report) : undefined;
  const portrait = claims && portraitOf(claims);
  return (
    <div className="result-details">
      {decision.verdict === 'pass' && (
        <p className="coverage ok" id="coverage">
          {t('coverage.ok', { purpose: t(`purpose.${preset.id}`) })}
        </p>
      )}
      {portrait && (
        <PortraitView bytes={portrait} large={outcome.kind === 'report' && outcome.proximity !== undefined} />
      )}
      {claims && (
        <section aria-labelledby="data-heading">
          <h3 id="data-heading">{t('result.data')}</h3>
          <ClaimsTable typeId={report?.credentialType} claims={claims} />
        </section>
      )}
      {report && (
        <dl className="facts" id="facts">
          {report.issuer && (
            <div>
              <dt>{t('result.issuer')}</dt>
              <dd id="issuer">{report.issuerName?.[locale] ?? report.issuer.name}</dd>
            </div>
          )}
          {report.issuer?.trustAnchor && (
            <div>
              <dt>{t('result.trustAnchor')}</dt>
              <dd>{report.issuer.trustAnchor}</dd>
            </div>
          )}
          {report.credentialType && (
            <div>
              <dt>{t('result.type')}</dt>
              <dd id="credential-type">{credentialTypeLabel(report.credentialType, locale)}</dd>
            </div>
          )}
          <div>
            <dt>{t('result.format')}</dt>
            <dd id="result-format">{t(formatLabelKey(outcome) ?? `format.${report.format}`)}</dd>
          </div>
          {outcome.kind === 'report' && outcome.proximity && (
            <div>
              <dt>{t('result.readerAuth')}</dt>
              <dd id="reader-auth">
                {outcome.proximity.readerOrganisation
                  ? t('result.readerAuth.signed', { organisation: outcome.proximity.readerOrganisation[locale] })
                  : t('result.readerAuth.unsigned')}
              </dd>
            </div>
          )}
        </dl>
      )}
      {report && (
        <section aria-labelledby="checks-heading">
          <h3 id="checks-heading">{t('result.checks')}</h3>
          <CheckList checks={report.checks} />
        </section>
      )}
      {decision.code && (
        <p className="code" id="error-code">
          {t('result.code', { code: decision.code })}
        </p>
      )}
      {report && (
        <p className={report.cache.stale ? 'cache-ages stale' : 'cache-ages'} id="result-cache">
          {t('cache.trustAge', { age: describeAge(report.cache.trustAgeSeconds, locale) })}
          {report.cache.statusAgeSeconds !== undefined &&
            ` · ${t('cache.statusAge', { age: describeAge(report.cache.statusAgeSeconds, locale) })}`}
          {report.cache.stale && (
            <strong className="warning" role="note">
              {' '}
              {t('cache.stale')}
            </strong>
          )}
        </p>
      )}
      <p className="elapsed">{t('result.elapsed', { ms: Math.round(elapsedMs) })}</p>
      <button type="button" id="next" onClick={onNext}>
        {t('verdict.next')}
      </button>
    </div>
  );
}
