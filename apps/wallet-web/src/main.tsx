import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { type LaunchRequest, readLaunchRequest } from './app/launch-request.js';
import { AnnouncerProvider } from './components/announcer.js';
import { CATALOGUES, I18nProvider } from './i18n/i18n-context.js';
import { loadPreferences, type Preferences, savePreferences } from './preferences/preferences.js';
import { registerServiceWorker } from './pwa/register-service-worker.js';
import './styles.css';
import type { Wallet } from '@zhengzhao/wallet';
import { type AppConfig, loadAppConfig } from './wallet/app-config.js';
import { openWallet } from './wallet/open-wallet.js';
import { WalletProvider } from './wallet/wallet-context.js';

/** Reads the same-device request from the URL once, then removes it from the address bar. */
function takeLaunchRequest(): LaunchRequest | undefined {
  const launch = readLaunchRequest(window.location.search);
  if (window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  }
  return launch;
}

const launch = takeLaunchRequest();

function Root() {
  const [preferences, setPreferences] = useState<Preferences>(() => loadPreferences(window.localStorage));
  const [opened, setOpened] = useState<{ wallet: Wallet; config: AppConfig }>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void loadAppConfig()
      .then(async (config) => setOpened({ wallet: await openWallet(config), config }))
      .catch(() => setFailed(true));
  }, []);

  useEffect(() => {
    document.documentElement.lang = preferences.locale;
    document.documentElement.classList.toggle('large-text', preferences.largeText);
    document.title = CATALOGUES[preferences.locale].appName;
  }, [preferences]);

  const update = (next: Preferences) => {
    setPreferences(next);
    savePreferences(window.localStorage, next);
  };

  const t = CATALOGUES[preferences.locale];
  return (
    <I18nProvider locale={preferences.locale}>
      <AnnouncerProvider>
        {opened ? (
          <WalletProvider wallet={opened.wallet} config={opened.config}>
            <App preferences={preferences} onPreferences={update} {...(launch ? { launch } : {})} />
          </WalletProvider>
        ) : (
          <div className="splash" aria-busy={!failed}>
            <img src="./icon.svg" alt="" width="96" height="96" />
            <p role={failed ? 'alert' : 'status'}>{failed ? t.genericError : t.loading}</p>
          </div>
        )}
      </AnnouncerProvider>
    </I18nProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
registerServiceWorker();
