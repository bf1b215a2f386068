import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { useAnnounce } from '../components/announcer.js';
import { BottomNav } from '../components/bottom-nav.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Preferences } from '../preferences/preferences.js';
import { CardsScreen } from '../screens/cards-screen.js';
import { FirstRunScreen } from '../screens/first-run-screen.js';
import { LockScreen } from '../screens/lock-screen.js';
import { LogScreen } from '../screens/log-screen.js';
import { PresentScreen } from '../screens/present-screen.js';
import { QrScreen } from '../screens/qr-screen.js';
import { ReceiveScreen } from '../screens/receive-screen.js';
import { SettingsScreen } from '../screens/settings-screen.js';
import { useWallet } from '../wallet/wallet-context.js';
import type { LaunchRequest } from './launch-request.js';
import { useOnline } from './use-online.js';
import { useRoute } from './use-route.js';

// The protocol screens load on first use: they are not needed to open the wallet or show a QR.
const ProximityScreen = lazy(() =>
  import('../screens/proximity-screen.js').then((module) => ({ default: module.ProximityScreen })),
);
const ShareScreen = lazy(() =>
  import('../screens/share-screen.js').then((module) => ({ default: module.ShareScreen })),
);
const OnlineScreen = lazy(() =>
  import('../screens/online-screen.js').then((module) => ({ default: module.OnlineScreen })),
);

export interface AppProps {
  readonly preferences: Preferences;
  readonly onPreferences: (preferences: Preferences) => void;
  /** What the page was opened with (same-device offer or presentation request), if anything. */
  readonly launch?: LaunchRequest;
}

/**
 * The wallet: first run until set up, the lock screen whenever the engine is locked (including
 * auto-lock), else the screens of the open wallet with the bottom navigation.
 */
export function App({ preferences, onPreferences, launch }: AppProps) {
  const { state } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const online = useOnline();
  const [route, navigate] = useRoute();
  const [onboarding, setOnboarding] = useState(state === 'uninitialised');
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState(launch);

  useEffect(() => {
    if (state === 'locked') announce(t.locked);
  }, [state, announce, t]);

  // a same-device request opens its screen once the wallet is open; the screen consumes it when
  // it mounts (it may load lazily), after which a later visit to the screen starts empty
  const target = pending?.kind === 'presentation' ? 'online' : pending?.kind === 'offer' ? 'receive' : undefined;
  useEffect(() => {
    if (state === 'unlocked' && !onboarding && target && route.name !== target) navigate({ name: target });
  }, [state, onboarding, target, route.name, navigate]);
  const consumeLaunch = useCallback(() => setPending(undefined), []);

  let content: ReactNode;
  if (onboarding || state === 'uninitialised') {
    content = (
      <FirstRunScreen
        onDone={(message) => {
          setNotice(message);
          setOnboarding(false);
        }}
      />
    );
  } else if (state === 'locked') {
    content = <LockScreen />;
  } else {
    content = (
      <>
        {notice ? (
          <p className="notice notice-warning banner">
            {notice}
            <button type="button" className="button-link" onClick={() => setNotice(undefined)}>
              {t.close}
            </button>
          </p>
        ) : null}
        <Suspense
          fallback={
            <p className="screen" aria-busy="true">
              {t.loading}
            </p>
          }
        >
          {screenFor()}
        </Suspense>
      </>
    );
  }

  function screenFor() {
    switch (route.name) {
      case 'receive':
        return (
          <ReceiveScreen navigate={navigate} {...(pending?.kind === 'offer' ? { initialOffer: pending.offer } : {})} />
        );
      case 'present':
        return <PresentScreen navigate={navigate} />;
      case 'qr':
        return <QrScreen navigate={navigate} {...(route.arg ? { credentialId: route.arg } : {})} />;
      case 'proximity':
        return <ProximityScreen navigate={navigate} />;
      case 'online':
        return (
          <OnlineScreen
            navigate={navigate}
            {...(pending?.kind === 'presentation' ? { initialRequest: pending.request } : {})}
            onInitialConsumed={consumeLaunch}
          />
        );
      case 'share':
        return <ShareScreen navigate={navigate} />;
      case 'log':
        return <LogScreen />;
      case 'settings':
        return <SettingsScreen preferences={preferences} onPreferences={onPreferences} />;
      default:
        return <CardsScreen navigate={navigate} />;
    }
  }

  const open = state === 'unlocked' && !onboarding;
  return (
    <div className={`app${open ? ' is-open' : ''}`}>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      {!online ? (
        <p className="offline-banner" role="status">
          {t.offlineNotice}
        </p>
      ) : null}
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      {open ? <BottomNav route={route} navigate={navigate} /> : null}
    </div>
  );
}
