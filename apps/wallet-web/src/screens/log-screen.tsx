import type { TransactionChannel } from '@zhengzhao/wallet';
import { useState } from 'react';
import { useAnnounce } from '../components/announcer.js';
import { Screen } from '../components/screen.js';
import { elementName } from '../i18n/element-name.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Messages } from '../i18n/messages.js';
import { errorMessage } from '../wallet/error-message.js';
import { purposeLabel } from '../wallet/purpose-label.js';
import { useAsync } from '../wallet/use-async.js';
import { useWallet } from '../wallet/wallet-context.js';

const channelName = (channel: TransactionChannel, t: Messages): string =>
  ({ qr: t.channelQr, proximity: t.channelProximity, online: t.channelOnline, share: t.channelShare })[channel];

/** Saves `text` as a file through a temporary object URL (no server involved). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The holder's own log (DESIGN.md §2, sharing service): each presentation with when, how, to whom,
 * for what, and which elements — names of elements, never their values. Exportable as JSON.
 */
export function LogScreen() {
  const { actions } = useWallet();
  const { t, locale, formatDate } = useI18n();
  const announce = useAnnounce();
  const entries = useAsync(() => actions.transactions(), actions);
  const [error, setError] = useState<string>();

  const exportLog = async () => {
    try {
      const json = await actions.exportTransactions();
      const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      download(json, `zz-wallet-log-${stamp}.json`);
      announce(t.exported);
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  };

  const list = [...(entries.value ?? [])].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <Screen
      title={t.logTitle}
      testId="log-screen"
      actions={
        list.length > 0 ? (
          <button type="button" className="button-secondary" onClick={exportLog} data-testid="export-log">
            {t.exportLog}
          </button>
        ) : null
      }
    >
      <p className="lead">{t.logIntro}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {entries.value && list.length === 0 ? <p className="empty">{t.logEmpty}</p> : null}
      <ol className="log-list" data-testid="log-list">
        {list.map((entry) => (
          <li key={entry.id} className="log-entry" data-channel={entry.channel}>
            <div className="log-head">
              <span className={`channel channel-${entry.channel}`}>{channelName(entry.channel, t)}</span>
              <time dateTime={entry.at.toISOString()}>{formatDate(entry.at, true)}</time>
            </div>
            <p className="log-verifier">
              {t.logShownTo(
                entry.verifierOrganisation ?? (entry.verifier === 'unknown' ? t.unknownOrganisation : entry.verifier),
              )}
            </p>
            {entry.purpose && entry.purpose !== entry.verifierOrganisation && entry.purpose !== entry.verifier ? (
              <p className="muted">{purposeLabel(entry.purpose, t).title}</p>
            ) : null}
            <ul className="tag-list">
              {entry.elements.map((element) => (
                <li key={element}>{elementName(entry.credentialType, element, locale)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Screen>
  );
}
