import { DELEGATION_NOTICE } from '@zhengzhao/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale-context.js';
import type { Locale } from '../i18n/messages.js';
import type { CounterReport } from '../verification/counter-report.js';
import type { ScanOutcome } from './decide-verdict.js';
import { DelegationBadge } from './delegation-badge.js';

/** A report as the SDK returns it for a ward's credential (the checks themselves are tested in the SDK). */
function outcome(delegation?: CounterReport['delegation']): ScanOutcome {
  return {
    kind: 'report',
    report: {
      valid: delegation?.valid ?? true,
      format: 'mdoc-device-response',
      checks: [],
      cache: { stale: false },
      ...(delegation ? { delegation } : {}),
    },
  };
}

const render = (value: ScanOutcome, locale: Locale) =>
  renderToStaticMarkup(
    createElement(LocaleProvider, { value: locale }, createElement(DelegationBadge, { outcome: value })),
  );

describe('the counter marks a credential presented by a guardian', () => {
  const valid = {
    valid: true,
    notice: DELEGATION_NOTICE,
    guardian: {
      familyName: '王',
      givenName: '芳',
      relationship: 'mother',
      relationshipDisplay: { 'zh-CN': '母亲', en: 'Mother' },
      validUntil: '2034-05-11',
    },
    checks: [],
  };

  it('shows the guardian, the relationship and the end of the delegation, in both languages', () => {
    const zh = render(outcome(valid), 'zh-CN');
    expect(zh).toContain('由监护人代为出示');
    expect(zh).toContain('王芳（母亲）');
    expect(zh).toContain('2034-05-11');
    expect(zh).toContain('data-valid="true"');
    const en = render(outcome(valid), 'en');
    expect(en).toContain('Presented by a guardian');
    expect(en).toContain('Guardian: 王芳 (Mother)');
  });

  it('says so when the delegation did not verify, and shows nothing for a holder’s own credential', () => {
    const failed = render(outcome({ valid: false, notice: DELEGATION_NOTICE, checks: [] }), 'zh-CN');
    expect(failed).toContain('监护关系核验未通过');
    expect(failed).toContain('data-valid="false"');
    expect(render(outcome(), 'zh-CN')).toBe('');
  });
});
