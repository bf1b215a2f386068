import type { ErrorCode } from '@zhengzhao/core';
import { useEffect, useState } from 'react';
import { useTranslator } from '../i18n/locale-context.js';
import { plainReasonFor } from '../result/error-messages.js';
import type { CacheSummary } from '../verification/verifier-client.js';
import { describeAge } from './format-age.js';

export type RefreshState = 'idle' | 'refreshing' | 'refreshed' | 'failed';

export interface TrustPanelProps {
  readonly summary: CacheSummary | undefined;
  readonly refreshState: RefreshState;
  /** Why the last refresh failed. */
  readonly refreshCode?: ErrorCode;
  readonly onRefresh: () => void;
  /** Where the trust list (or bundle) comes from. */
  readonly trustSource: string;
}

/** True while the browser believes it is online; follows `online` / `offline` events. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * The state of the trust list and status lists on this device: their age, a warning when they
 * are too old to stand on, and the refresh button. Verification itself never waits for the
 * network: this panel is where the clerk sees whether the data is current.
 */
export function TrustPanel({ summary, refreshState, refreshCode, onRefresh, trustSource }: TrustPanelProps) {
  const { t, locale } = useTranslator();
  const online = useOnline();
  const stale = summary?.stale === true || (summary !== undefined && summary.trustAgeSeconds === undefined);
  const note =
    refreshState === 'refreshing'
      ? t('cache.refreshing')
      : refreshState === 'refreshed'
        ? t('cache.refreshed')
        : refreshState === 'failed'
          ? `${t('cache.refreshFailed')}${refreshCode ? `: ${plainReasonFor(refreshCode, locale)}` : ''}`
          : '';
  return (
    <section className={stale ? 'trust-panel stale' : 'trust-panel'} aria-labelledby="trust-heading" id="trust-panel">
      <h2 id="trust-heading">{t('cache.heading')}</h2>
      <p className="network" id="network-state">
        {online ? t('cache.online') : t('cache.offline')}
      </p>
      <ul>
        <li id="trust-age">{t('cache.trustAge', { age: describeAge(summary?.trustAgeSeconds, locale) })}</li>
        {summary?.trustList && (
          <li id="trust-list-version">
            {t('cache.trustListVersion', {
              sequence: String(summary.trustList.sequence),
              expires: new Date(summary.trustList.expiresAt).toLocaleString(locale),
            })}
          </li>
        )}
        <li id="status-age">
          {t('cache.statusAge', {
            age: describeAge(summary?.statusAgeSeconds, locale),
          })}
        </li>
      </ul>
      {summary?.stale && (
        <p className="warning" id="stale-warning">
          {t('cache.stale')}
        </p>
      )}
      <button type="button" id="refresh" onClick={onRefresh} disabled={refreshState === 'refreshing'}>
        {t('cache.refresh')}
      </button>
      <p className="refresh-state" id="refresh-state" role="status">
        {note}
      </p>
      <p className="source">{t('cache.source', { url: trustSource })}</p>
    </section>
  );
}
