import type { ErrorCode } from '@zhengzhao/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LocaleProvider } from './i18n/locale-context.js';
import { translate } from './i18n/messages.js';
import { usePreferences } from './preferences/use-preferences.js';
import { ProximityProgress } from './proximity/proximity-progress.js';
import { ReaderStatus } from './proximity/reader-status.js';
import { proximityElements } from './purposes/proximity-elements.js';
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
import { loadReaderConfig, type ReaderConfigState } from './verification/load-reader-config.js';
import { resolveReaderConfigUrl } from './verification/reader-config-url.js';
import { type CounterTrust, loadCounterTrust } from './verification/trust-config.js';
import { resolveTrustConfigUrl } from './verification/trust-config-url.js';
import {
  type CacheSummary,
  type CounterVerifier,
  createCounterVerifier,
  type ProximityPhase,
  type ProximityRequestSpec,
  type ProximityRun,
  type RefreshSummary,
} from './verification/verifier-client.js';

/** Where a scanned text came from: the camera sees a code again and again while it stays in view. */
type ScanSource = 'camera' | 'text' | 'upload';

type Screen =
  | { readonly kind: 'idle' }
  | { readonly kind: 'verifying' }
  | { readonly kind: 'proximity'; readonly phase: ProximityPhase; readonly spec: ProximityRequestSpec }
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
/** Engagement codes remembered as used (each serves one session); the oldest are forgotten. */
const USED_ENGAGEMENTS_KEPT = 32;

function startVerifier(trust: CounterTrust): CounterVerifier | undefined {
  try {
    return createCounterVerifier({ trust });
  } catch {
    return undefined;
  }
}

/**
 * The counter app: purpose presets, three ways in (scanner text field, camera, image upload),
 * the verdict, its details, and the state of the cached trust data. A `ZZ1:` code is verified
 * at once; an `mdoc:` engagement code starts a proximity session with the holder's phone.
 */
export function App() {
  const [preferences, setPreferences] = usePreferences();
  const { locale } = preferences;
  const preset = getPurposePreset(preferences.purpose);
  const trustConfigUrl = useMemo(() => resolveTrustConfigUrl(window.location.href, document.baseURI), []);
  const [trust, setTrust] = useState<CounterTrust>();
  const client = useMemo(() => (trust ? startVerifier(trust) : undefined), [trust]);
  useEffect(() => {
    let stopped = false;
    void loadCounterTrust(trustConfigUrl).then((loaded) => {
      if (!stopped) setTrust(loaded);
    });
    return () => {
      stopped = true;
    };
  }, [trustConfigUrl]);
  const [summary, setSummary] = useState<CacheSummary>();
  const [refreshState, setRefreshState] = useState<RefreshState>('idle');
  const [refreshCode, setRefreshCode] = useState<ErrorCode>();
  const [screen, setScreen] = useState<Screen>({ kind: 'idle' });
  const sequence = useRef(0);
  const proximitySpec = useMemo<ProximityRequestSpec>(
    () => ({ typeId: preset.typeId, elements: proximityElements(preset) }),
    [preset],
  );
  const proximitySpecRef = useRef(proximitySpec);
  proximitySpecRef.current = proximitySpec;
  const readerConfigUrl = useMemo(() => resolveReaderConfigUrl(window.location.href, document.baseURI), []);
  const [readerLoad] = useState(() => loadReaderConfig(readerConfigUrl, { now: new Date() }));
  const [readerState, setReaderState] = useState<ReaderConfigState>({ kind: 'loading' });
  const activeRun = useRef<ProximityRun | undefined>(undefined);
  const usedEngagements = useRef<string[]>([]);

  useEffect(() => {
    let stopped = false;
    void readerLoad.then((state) => {
      if (!stopped) setReaderState(state);
    });
    return () => {
      stopped = true;
    };
  }, [readerLoad]);

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

  /** Runs a proximity session for an engagement code and turns its end into an outcome. */
  const runProximity = useCallback(
    async (id: number, engagement: string): Promise<ScanOutcome> => {
      if (!client) return { kind: 'unavailable' };
      const used = usedEngagements.current;
      if (used.includes(engagement)) return { kind: 'session', code: 'ERR_SESSION_STATE' };
      used.push(engagement);
      if (used.length > USED_ENGAGEMENTS_KEPT) used.shift();
      const spec = proximitySpecRef.current;
      setScreen({ kind: 'proximity', phase: 'connecting', spec });
      const reader = await readerLoad;
      if (id !== sequence.current) return { kind: 'session', code: 'ERR_SESSION_TERMINATED' };
      const identity = reader.kind === 'ready' ? reader.identity : undefined;
      const run = client.requestProximity(engagement, spec, {
        ...(identity && { reader: identity }),
        onPhase: (phase) => {
          if (id === sequence.current) setScreen({ kind: 'proximity', phase, spec });
        },
      });
      activeRun.current = run;
      const result = await run.result;
      if (activeRun.current === run) activeRun.current = undefined;
      if (result.kind === 'failed') return { kind: 'session', code: result.code };
      return {
        kind: 'report',
        report: result.report,
        proximity: identity ? { readerOrganisation: identity.organisation } : {},
      };
    },
    [client, readerLoad],
  );

  const verifyText = useCallback(
    async (text: string, seenAt: number = performance.now(), source: ScanSource = 'text') => {
      const scanned = classifyScannedText(text);
      // The holder's engagement code stays in front of the camera after its session: not again.
      if (scanned === 'proximity' && source === 'camera' && usedEngagements.current.includes(text.trim())) return;
      const id = ++sequence.current;
      activeRun.current?.cancel();
      activeRun.current = undefined;
      setScreen({ kind: 'verifying' });
      let outcome: ScanOutcome;
      if (scanned === 'proximity') outcome = await runProximity(id, text.trim());
      else if (scanned !== 'zz1' && scanned !== 'other') outcome = { kind: 'foreign', scanned };
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
    [client, runProximity],
  );

  const showImageProblem = useCallback((why: 'none' | 'unreadable') => {
    const now = performance.now();
    sequence.current++;
    activeRun.current?.cancel();
    activeRun.current = undefined;
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
    activeRun.current?.cancel();
    activeRun.current = undefined;
    setScreen({ kind: 'idle' });
    document.getElementById('qr-text')?.focus();
  }, []);

  const decision = screen.kind === 'done' ? decideVerdict(screen.outcome, preset, screen.at) : undefined;
  const banner: BannerState =
    screen.kind === 'done' && decision
      ? { kind: 'done', outcome: screen.outcome, decision }
      : screen.kind === 'proximity'
        ? { kind: 'proximity', phase: screen.phase }
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
            <TextEntry onScan={(text) => void verifyText(text, performance.now(), 'text')} />
            <CameraScanner
              onScan={(scan) => void verifyText(scan.text, scan.frameAt, 'camera')}
              paused={screen.kind === 'verifying' || screen.kind === 'proximity'}
            />
            <ImageUpload
              onScan={(text) => void verifyText(text, performance.now(), 'upload')}
              onUnreadable={showImageProblem}
            />
            <ReaderStatus state={readerState} spec={proximitySpec} />
          </section>
          <section className="result" aria-labelledby="result-heading">
            <h2 id="result-heading">{t('result.heading')}</h2>
            <VerdictBanner state={banner} preset={preset} />
            {screen.kind === 'proximity' && (
              <ProximityProgress phase={screen.phase} spec={screen.spec} onCancel={next} />
            )}
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
          trustSource={trust?.kind === 'national' ? trust.trustListUrl : trustConfigUrl}
        />
      </main>
    </LocaleProvider>
  );
}
