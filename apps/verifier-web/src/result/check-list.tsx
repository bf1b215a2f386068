import type { CheckResult } from '@zhengzhao/core';
import { useTranslator } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { plainReasonFor } from './error-messages.js';

const SYMBOL = { ok: '✓', failed: '✗', skipped: '–' } as const;

/** Every check of the report in order, with its outcome and, on failure, the reason and code. */
export function CheckList({ checks }: { readonly checks: readonly CheckResult[] }) {
  const { t, locale } = useTranslator();
  return (
    <ol className="checks" id="checks">
      {checks.map((check, index) => (
        <li
          // a report lists each check once, but a stale-cache check may repeat an id
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once per report and never reordered
          key={`${check.id}-${index}`}
          className={`check ${check.outcome}`}
          data-check={check.id}
          data-outcome={check.outcome}
        >
          <span aria-hidden="true" className="symbol">
            {SYMBOL[check.outcome]}
          </span>
          <span className="name">{t(`check.${check.id}` as MessageKey)}</span>
          <span className="outcome">{t(`outcome.${check.outcome}`)}</span>
          {check.outcome === 'failed' && (
            <span className="detail">
              {plainReasonFor(check.code, locale)}
              {check.code && <code>{check.code}</code>}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
