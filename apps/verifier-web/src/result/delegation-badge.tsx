import { useTranslator } from '../i18n/locale-context.js';
import type { ScanOutcome } from './decide-verdict.js';

/**
 * Under the verdict when a guardian presented a ward's credential (ADR 0011): 由监护人代为出示, the
 * guardian's name, the relationship and the last valid day of the delegation — or that the
 * delegation did not verify. Renders nothing for a holder presenting their own credential.
 */
export function DelegationBadge({ outcome }: { readonly outcome: ScanOutcome }) {
  const { t, locale } = useTranslator();
  if (outcome.kind !== 'report' || !outcome.report.delegation) return null;
  const { delegation } = outcome.report;
  const guardian = delegation.guardian;
  return (
    <p
      className={`delegation-marker ${delegation.valid ? 'warning' : 'error'}`}
      id="delegation-marker"
      data-valid={delegation.valid ? 'true' : 'false'}
      role="note"
    >
      <strong>{t('delegation.badge')}</strong>
      {delegation.valid && guardian
        ? ` · ${t('delegation.guardian', {
            name: `${guardian.familyName ?? ''}${guardian.givenName ?? ''}` || '—',
            relationship: guardian.relationshipDisplay[locale === 'en' ? 'en' : 'zh-CN'],
            until: guardian.validUntil,
          })}`
        : ` · ${t('delegation.invalid')}`}
    </p>
  );
}
