import type { CredentialStatusValue } from '@zhengzhao/wallet';
import { useI18n } from '../i18n/i18n-context.js';

const ICON: Readonly<Record<CredentialStatusValue, string>> = {
  valid: '✓',
  suspended: '!',
  revoked: '✕',
  unknown: '?',
};

/** The card's status as a coloured badge with an icon and a word (never colour alone). */
export function StatusBadge({ value }: { value: CredentialStatusValue }) {
  const { t } = useI18n();
  const label = {
    valid: t.statusValid,
    suspended: t.statusSuspended,
    revoked: t.statusRevoked,
    unknown: t.statusUnknown,
  }[value];
  return (
    <span className={`status-badge status-${value}`} data-status={value}>
      <span aria-hidden="true">{ICON[value]} </span>
      {label}
    </span>
  );
}
