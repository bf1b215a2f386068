import type { ProximityRequest, ProximitySession } from '@zhengzhao/wallet';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Route } from '../app/use-route.js';
import { useAnnounce } from '../components/announcer.js';
import { QrCanvas } from '../components/qr-canvas.js';
import { RequestConsent } from '../components/request-consent.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode } from '../wallet/error-message.js';
import { proximityItems } from '../wallet/proximity.js';
import { useWallet } from '../wallet/wallet-context.js';

type Phase =
  | { kind: 'starting' }
  | { kind: 'engaged'; session: ProximitySession }
  | { kind: 'request'; session: ProximitySession; request: ProximityRequest }
  | { kind: 'sending'; session: ProximitySession; request: ProximityRequest }
  | { kind: 'done'; outcome: 'sent' | 'declined' | 'failed'; code?: string };

/**
 * In-person presentation (ISO 18013-5 over the WebSocket relay): the wallet shows its engagement
 * QR; when the reader's request arrives the holder sees who asks (organisation, purpose, whether
 * registered — unregistered readers are refused unless the holder overrides) and exactly which
 * elements, ticks what to share, then shares or declines. Leaving the screen ends the session.
 */
export function ProximityScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { actions } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef<ProximitySession | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session per attempt
  useEffect(() => {
    let cancelled = false;
    setPhase({ kind: 'starting' });
    actions
      .startProximity()
      .then(async (session) => {
        current.current = session;
        if (cancelled) return session.close();
        setPhase({ kind: 'engaged', session });
        announce(t.proximityWaiting);
        const request = await session.waitForRequest();
        if (cancelled) return;
        setPhase({ kind: 'request', session, request });
        announce(`${t.requestFrom}: ${request.reader.organisation ?? t.unknownOrganisation}`, 'assertive');
      })
      .catch((caught: unknown) => {
        if (cancelled) return;
        setPhase({ kind: 'done', outcome: 'failed', code: errorCode(caught) });
        announce(t.proximityFailed, 'assertive');
      });
    return () => {
      cancelled = true;
      current.current?.close();
      current.current = undefined;
    };
  }, [attempt]);

  const approve = useCallback(
    async (keys: readonly string[]) => {
      if (phase.kind !== 'request') return;
      setPhase({ kind: 'sending', session: phase.session, request: phase.request });
      try {
        await actions.approveProximity(phase.session, phase.request, keys);
        setPhase({ kind: 'done', outcome: 'sent' });
        announce(t.sent);
      } catch (caught) {
        setPhase({ kind: 'done', outcome: 'failed', code: errorCode(caught) });
        announce(t.proximityFailed, 'assertive');
      }
    },
    [phase, actions, announce, t],
  );

  const decline = useCallback(async () => {
    if (phase.kind !== 'request') return;
    await phase.session.decline().catch(() => undefined);
    setPhase({ kind: 'done', outcome: 'declined' });
    announce(t.declined);
  }, [phase, announce, t]);

  const back = () => navigate({ name: 'present' });
  return (
    <Screen title={t.proximityTitle} onBack={back} testId="proximity-screen">
      {phase.kind === 'starting' ? <p aria-busy="true">{t.proximityConnecting}</p> : null}
      {phase.kind === 'engaged' ? (
        <>
          <p className="lead">{t.proximityIntro}</p>
          <figure className="qr-figure">
            <QrCanvas text={phase.session.engagementQr} label={t.proximityQrAlt} testId="engagement-qr" />
            <figcaption className="waiting" aria-busy="true">
              {t.proximityWaiting}
            </figcaption>
          </figure>
        </>
      ) : null}
      {phase.kind === 'request' || phase.kind === 'sending' ? (
        <RequestConsent
          verifier={{
            ...(phase.request.reader.commonName ? { name: phase.request.reader.commonName } : {}),
            ...(phase.request.reader.organisation ? { organisation: phase.request.reader.organisation } : {}),
            // without a registration the engine repeats the organisation as the purpose
            ...(phase.request.reader.purpose && phase.request.reader.purpose !== phase.request.reader.organisation
              ? { purpose: phase.request.reader.purpose }
              : {}),
            trusted: phase.request.reader.trusted,
            ...(refusalOf(phase.request.reader) && { refusal: refusalOf(phase.request.reader) }),
          }}
          items={proximityItems(phase.request)}
          busy={phase.kind === 'sending'}
          onApprove={approve}
          onDecline={decline}
        />
      ) : null}
      {phase.kind === 'done' ? (
        <div
          className="result"
          data-testid="proximity-result"
          data-outcome={phase.outcome}
          data-error-code={phase.code}
        >
          <p className={phase.outcome === 'failed' ? 'notice notice-warning' : 'notice notice-info'}>
            {phase.outcome === 'sent' ? t.sent : phase.outcome === 'declined' ? t.declined : t.proximityFailed}
          </p>
          <button type="button" className="button-primary button-block" onClick={() => setAttempt((n) => n + 1)}>
            {t.proximityRestart}
          </button>
          <button type="button" className="button-secondary button-block" onClick={back}>
            {t.close}
          </button>
        </div>
      ) : null}
    </Screen>
  );
}

const REFUSALS = new Set(['ERR_READER_SCOPE', 'ERR_READER_DEREGISTERED', 'ERR_READER_NOT_REGISTERED']);

/** The national trust list's refusal of a reader, if any (not overridable by the holder). */
function refusalOf(
  reader: ProximityRequest['reader'],
): { code: string; beyond?: { docType: string; identifier: string }[] } | undefined {
  if (!reader.errorCode || !REFUSALS.has(reader.errorCode)) return undefined;
  return {
    code: reader.errorCode,
    ...(reader.beyondRegistration && {
      beyond: reader.beyondRegistration.map(({ docType, identifier }) => ({ docType, identifier })),
    }),
  };
}
