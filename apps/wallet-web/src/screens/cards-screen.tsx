import { useEffect, useState } from 'react';
import type { Route } from '../app/use-route.js';
import { useAnnounce } from '../components/announcer.js';
import { IdCard } from '../components/id-card.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { useAsync } from '../wallet/use-async.js';
import { useWallet } from '../wallet/wallet-context.js';

/** Opening the list syncs with the issuer at most this often; "更新" always does. */
const QUIET_SYNC_INTERVAL_MS = 60_000;
let lastQuietSync = 0;

/**
 * The cards list. On opening, and on "更新", the wallet syncs with the issuer (notifications:
 * re-issue after a change at the registry, suspension, revocation) and refreshes the status lists;
 * offline, the cards show the last known status.
 */
export function CardsScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { actions } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const cards = useAsync(() => actions.cards(), actions);
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<{ text: string; kind: 'info' | 'warning'; code?: string }>();

  const sync = async (quiet: boolean) => {
    setSyncing(true);
    if (!quiet) announce(t.syncing);
    try {
      const result = await actions.sync();
      await cards.reload();
      if (result.walletState === 'suspended') {
        setNotice({ text: t.walletSuspended, kind: 'warning' });
        announce(t.walletSuspended, 'assertive');
      } else if (!quiet || result.reissued + result.removed > 0) {
        const text = t.syncDone(result.reissued, result.removed);
        setNotice({ text, kind: 'info' });
        announce(text);
      }
    } catch (error) {
      await cards.reload();
      if (!quiet) setNotice({ text: errorMessage(error, t), kind: 'warning', code: errorCode(error) });
    } finally {
      setSyncing(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: sync once when the list opens
  useEffect(() => {
    if (navigator.onLine && Date.now() - lastQuietSync > QUIET_SYNC_INTERVAL_MS) {
      lastQuietSync = Date.now();
      void sync(true);
    }
  }, []);

  const list = cards.value ?? [];
  return (
    <Screen
      title={t.cardsTitle}
      testId="cards-screen"
      actions={
        list.length > 0 ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => sync(false)}
            disabled={syncing}
            aria-busy={syncing}
            data-testid="sync"
          >
            {syncing ? t.syncingShort : t.syncNow}
          </button>
        ) : null
      }
    >
      {notice ? (
        <p className={`notice notice-${notice.kind}`} data-testid="cards-notice" data-error-code={notice.code}>
          {notice.text}
        </p>
      ) : null}
      {cards.loading && !cards.value ? <p aria-busy="true">{t.loading}</p> : null}
      {cards.value && list.length === 0 ? (
        <div className="empty">
          <p>{t.noCards}</p>
          <button type="button" className="button-primary" onClick={() => navigate({ name: 'receive' })}>
            {t.addCard}
          </button>
        </div>
      ) : null}
      <ul className="card-list">
        {list.map((card) => (
          <li key={card.credentialId}>
            <IdCard card={card} onPresent={() => navigate({ name: 'qr', arg: card.credentialId })} />
          </li>
        ))}
      </ul>
    </Screen>
  );
}
