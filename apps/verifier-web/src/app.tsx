import type { ErrorCode } from '@zhengzhao/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LocaleProvider } from './i18n/locale-context.js';
import { translate } from './i18n/messages.js';
import { usePreferences } from './preferences/use-preferences.js';
import { getPurposePreset } from './purposes/purpose-presets.js';
import { PurposeSelector } from './purposes/purpose-selector.js';
import { decideVerdict, type ScanOutcome } from './result/decide-verdict.js';
import { ResultView } from './result/result-view.js';
import { type BannerState, VerdictBanner } from './result/verdict-banner.js';
import { CameraScanner } from './scan/camera-scanner.js';
import { classifyScannedText } from './scan/classify-scanned-text.js';
import { ImageUpload } from './scan/image-upload.js';
import { TextEntry } from './scan/text-entry.js';
import { type RefreshState, TrustPanel } from './trust/trust-panel.js';
import { resolveTrustBundleUrl } from './verification/trust-bundle-url.js';
import {
  type CacheSummary,
  type CounterVerifier,
  createCounterVerifier,
  type RefreshSummary,
} from './verification/verifier-client.js';

type Screen =
  | { readonly kind: 'idle' }
  | { readonly kind: 'verifying' }
  | {
      readonly kind: 'done';
      readonly outcome: ScanOutcome;
      /** When the code was seen: the camera frame's time, or when the text arrived (performance.now()). */
      readonly seenAt: number;
      readonly finishedAt: number;
      /** The verification time, for the purpose check (age). */
      readonly at: Date;
    };

/** How often the data ages on screen are recomputed. */
const SUMMARY_INTERVAL_MS = 15_000;

function startVerifier(trustBundleUrl: string): CounterVerifier | undefined {
  try {
    return createCounterVerifier({ trustBundleUrl });
  } catch {
    return undefined;
  }
}

/**
 * The counter app: purpose presets, three ways in (scanner text field, camera, image upload),
 * the verdict, its details, and the state of the cached trust data.
 */
export function App() {
  const [preferences, setPreferences] = usePreferences();
  const { locale } = preferences;
  const preset = getPurposePreset(preferences.purpose);
  const trustBundleUrl = useMemo(() => resolveTrustBundleUrl(window.location.href, document.baseURI), []);
  const [client] = useState(() => startVerifier(trustBundleUrl));
  const [summary, setSummary] = useState<CacheSummary>();
  const [refreshState, setRefreshState] = useState<RefreshState>('idle');
  const [refreshCode, setRefreshCode] = useState<ErrorCode>();
  const [screen, setScreen] = useState<Screen>({ kind: 'idle' });
  const sequence = useRef(0);

  const refresh = useCallback(async () => {
    if (!client) return;
    setRefreshState('refreshing');
    const result: RefreshSummary = await client.refresh().catch(() => ({ ok: false }));
    setRefreshState(result.ok ? 'refreshed' : 'failed');
    setRefreshCode(result.code);
    setSummary(client.cacheState());
  }, [client]);

  // Load the stored data, then try to refresh it; keep the ages on screen current.
  useEffect(() => {
    if (!client) return;
    let stopped = false;
    client
      .ready()
      .catch(() => undefined)
      .then(() => {
        if (stopped) return;
        setSummary(client.cacheState());
        return refresh();
      });
    const timer = window.setInterval(() => setSummary(client.cacheState()), SUMMARY_INTERVAL_MS);
    const onOnline = () => void refresh();
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [client, refresh]);

  const verifyText = useCallback(
    async (text: string, seenAt: number = performance.now()) => {
      const id = ++sequence.current;
      setScreen({ kind: 'verifying' });
      const scanned = classifyScannedText(text);
      let outcome: ScanOutcome;
      if (scanned !== 'zz1' && scanned !== 'other') outcome = { kind: 'foreign', scanned };
      else if (!client) outcome = { kind: 'unavailable' };
      else {
        const verifyStart = performance.now();
        const result = await client
          .verify(text)
          .catch(() => ({ kind: 'unreadable', code: 'ERR_INPUT_INVALID' }) as const);
        outcome = result.kind === 'report' ? { kind: 'report', report: result.report } : result;
        performance.measure('zz:verify', { start: verifyStart, end: performance.now() });
      }
      if (id !== sequence.current) return; // a newer scan took over
      setScreen({ kind: 'done', outcome, seenAt, finishedAt: performance.now(), at: new Date() });
      if (client) setSummary(client.cacheState());
    },
    [client],
  );

  const showImageProblem = useCallback((why: 'none' | 'unreadable') => {
    const now = performance.now();
    sequence.current++;
    setScreen({ kind: 'done', outcome: { kind: 'image', why }, seenAt: now, finishedAt: now, at: new Date() });
  }, []);

  // Mark the moment the verdict is on screen: "code seen → verdict shown" is the counter's latency.
  useEffect(() => {
    if (screen.kind !== 'done') return;
    const frame = requestAnimationFrame(() => {
      performance.measure('zz:scan-to-verdict', { start: screen.seenAt, end: performance.now() });
    });
    return () => cancelAnimationFrame(frame);
  }, [screen]);

  const next = useCallback(() => {
    sequence.current++;
    setScreen({ kind: 'idle' });
    document.getElementById('qr-text')?.focus();
  }, []);

  const decision = screen.kind === 'done' ? decideVerdict(screen.outcome, preset, screen.at) : undefined;
  const banner: BannerState =
    screen.kind === 'done' && decision
      ? { kind: 'done', outcome: screen.outcome, decision }
      : { kind: screen.kind === 'done' ? 'idle' : screen.kind };
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);

  return (
    <LocaleProvider value={locale}>
      <a className="skip-link" href="#qr-text">
        {t('app.skipToInput')}
      </a>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            id="language"
            lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
            aria-label={t('app.switchLanguageLabel')}
            onClick={() => setPreferences({ locale: locale === 'zh-CN' ? 'en' : 'zh-CN' })}
          >
            {t('app.switchLanguage')}
          </button>
          <label className="switch">
            <input
              type="checkbox"
              id="large-text"
              checked={preferences.largeText}
              onChange={(event) => setPreferences({ largeText: event.currentTarget.checked })}
            />
            {t('app.largeText')}
          </label>
        </div>
      </header>
      <main>
        <PurposeSelector value={preset.id} onChange={(purpose) => setPreferences({ purpose })} />
        <div className="columns">
          <section className="scan" aria-labelledby="scan-heading">
            <h2 id="scan-heading">{t('scan.heading')}</h2>
            <TextEntry onScan={(text) => void verifyText(text)} />
            <CameraScanner
              onScan={(scan) => void verifyText(scan.text, scan.frameAt)}
              paused={screen.kind === 'verifying'}
            />
            <ImageUpload onScan={(text) => void verifyText(text)} onUnreadable={showImageProblem} />
          </section>
          <section className="result" aria-labelledby="result-heading">
            <h2 id="result-heading">{t('result.heading')}</h2>
            <VerdictBanner state={banner} preset={preset} />
            {screen.kind === 'done' && decision && (
              <ResultView
                outcome={screen.outcome}
                decision={decision}
                preset={preset}
                elapsedMs={screen.finishedAt - screen.seenAt}
                onNext={next}
              />
            )}
          </section>
        </div>
        <TrustPanel
          summary={summary}
          refreshState={refreshState}
          refreshCode={refreshCode}
          onRefresh={() => void refresh()}
          trustBundleUrl={trustBundleUrl}
        />
      </main>
    </LocaleProvider>
  );
}
