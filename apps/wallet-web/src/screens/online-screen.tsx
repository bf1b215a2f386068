import type { PresentationRequest } from '@zhengzhao/wallet';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Route } from '../app/use-route.js';
import { useAnnounce } from '../components/announcer.js';
import { RequestConsent } from '../components/request-consent.js';
import { ScanOrPaste } from '../components/scan-or-paste.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { type OnlineMatch, onlineItems } from '../wallet/online.js';
import { useWallet } from '../wallet/wallet-context.js';

type Phase =
  | { kind: 'input' }
  | { kind: 'reading' }
  | { kind: 'request'; request: PresentationRequest; matches: OnlineMatch[] }
  | { kind: 'sending'; request: PresentationRequest; matches: OnlineMatch[] }
  | { kind: 'done'; outcome: 'sent' | 'declined'; redirectUri?: string };

/**
 * Online presentation (OpenID4VP 1.0): a pasted or scanned `openid4vp://` link, or one the wallet
 * was opened with (same-device). The verified request shows the website (its certificate's
 * organisation and DNS name) and the claims asked for; the holder ticks, shares or declines, and
 * is sent back to the website when it gave a redirect.
 */
export interface OnlineScreenProps {
  readonly navigate: (route: Route) => void;
  /** A request the wallet was opened with (same-device flow), read once on mount. */
  readonly initialRequest?: string;
  /** Tells the app the initial request has been taken. */
  readonly onInitialConsumed?: () => void;
}

export function OnlineScreen({ navigate, initialRequest, onInitialConsumed }: OnlineScreenProps) {
  const { actions } = useWallet();
  const { t, locale } = useI18n();
  const announce = useAnnounce();
  const [input, setInput] = useState(initialRequest ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'input' });
  const [error, setError] = useState<{ message: string; code: string }>();
  const started = useRef(false);

  const read = async (text: string) => {
    setPhase({ kind: 'reading' });
    setError(undefined);
    try {
      const { request, matches } = await actions.readOnlineRequest(text);
      if (matches.length === 0) {
        setError({ message: t.noMatchingCard, code: 'ERR_OID4VP_NO_MATCHING_CREDENTIAL' });
        setPhase({ kind: 'input' });
        return;
      }
      setPhase({ kind: 'request', request, matches });
      announce(`${t.verifierLabel}: ${request.verifier.organisation ?? request.verifier.host}`);
    } catch (caught) {
      setError({ message: errorMessage(caught, t), code: errorCode(caught) });
      setPhase({ kind: 'input' });
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a same-device request is read once
  useEffect(() => {
    if (initialRequest && !started.current) {
      started.current = true;
      onInitialConsumed?.();
      void read(initialRequest);
    }
  }, []);

  const finish = (outcome: 'sent' | 'declined', redirectUri?: string) => {
    setPhase({ kind: 'done', outcome, ...(redirectUri ? { redirectUri } : {}) });
    announce(outcome === 'sent' ? t.onlineSent : t.declined);
    if (redirectUri) {
      announce(t.redirecting);
      setTimeout(() => window.location.assign(redirectUri), 800);
    }
  };

  const approve = async (keys: readonly string[]) => {
    if (phase.kind !== 'request') return;
    setPhase({ kind: 'sending', request: phase.request, matches: phase.matches });
    try {
      const result = await actions.approveOnline(phase.request, phase.matches, keys);
      finish('sent', result.redirectUri);
    } catch (caught) {
      setError({ message: errorMessage(caught, t), code: errorCode(caught) });
      setPhase({ kind: 'request', request: phase.request, matches: phase.matches });
    }
  };

  const decline = async () => {
    if (phase.kind !== 'request') return;
    const result = await actions.declineOnline(phase.request).catch(() => ({ redirectUri: undefined }));
    finish('declined', result.redirectUri);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (input) void read(input);
  };

  return (
    <Screen title={t.onlineTitle} onBack={() => navigate({ name: 'present' })} testId="online-screen">
      {phase.kind === 'input' || phase.kind === 'reading' ? (
        <form onSubmit={submit} aria-busy={phase.kind === 'reading'}>
          <p className="lead">{t.onlineIntro}</p>
          <ScanOrPaste
            name="request"
            label={t.requestLabel}
            placeholder={t.requestPlaceholder}
            value={input}
            onChange={setInput}
            error={error?.message}
          />
          <button type="submit" className="button-primary button-block" disabled={!input || phase.kind === 'reading'}>
            {phase.kind === 'reading' ? t.loading : t.next}
          </button>
        </form>
      ) : null}
      {phase.kind === 'request' || phase.kind === 'sending' ? (
        <>
          <RequestConsent
            verifier={{
              name: phase.request.verifier.host,
              ...(phase.request.verifier.organisation ? { organisation: phase.request.verifier.organisation } : {}),
              ...(phase.request.verifier.registration
                ? { purpose: phase.request.verifier.registration.purpose[locale === 'en' ? 'en' : 'zh-CN'] }
                : phase.request.purpose
                  ? { purpose: phase.request.purpose }
                  : {}),
              trusted: true,
            }}
            items={onlineItems(phase.matches)}
            busy={phase.kind === 'sending'}
            onApprove={approve}
            onDecline={decline}
          />
          {error ? (
            <p className="field-error" role="alert" data-error-code={error.code}>
              {error.message}
            </p>
          ) : null}
        </>
      ) : null}
      {phase.kind === 'done' ? (
        <div className="result" data-testid="online-result" data-outcome={phase.outcome}>
          <p className="notice notice-info">
            {phase.outcome === 'sent' ? t.onlineSent : t.declined}
            {phase.redirectUri ? ` ${t.redirecting}` : ''}
          </p>
          <button type="button" className="button-secondary button-block" onClick={() => navigate({ name: 'cards' })}>
            {t.close}
          </button>
        </div>
      ) : null}
    </Screen>
  );
}
