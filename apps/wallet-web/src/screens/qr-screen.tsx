import { QR_PURPOSES } from '@zhengzhao/core';
import type { CredentialView, QrPresentation } from '@zhengzhao/wallet';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Route } from '../app/use-route.js';
import { useAnnounce } from '../components/announcer.js';
import { ConfirmPresenceForm } from '../components/confirm-presence-form.js';
import { QrCanvas } from '../components/qr-canvas.js';
import { Screen } from '../components/screen.js';
import { useNow } from '../components/use-now.js';
import { elementName } from '../i18n/element-name.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { purposeLabel, sortPurposes } from '../wallet/purpose-label.js';
import { useAsync } from '../wallet/use-async.js';
import { useWallet } from '../wallet/wallet-context.js';

/** Renew the code this many seconds before a verifier would refuse it. */
const REFRESH_MARGIN_SECONDS = 10;
/**
 * Each renewal spends one one-time copy (a fresh copy per code keeps presentations unlinkable),
 * so the screen renews at most this often, then asks the holder to present again.
 */
const MAX_AUTO_REFRESHES = 3;

type Step = { kind: 'choose' } | { kind: 'confirm'; purpose: string } | { kind: 'show'; purpose: string };

/**
 * Offline QR presentation (docs/qr-format.md): choose a purpose — which fixes exactly the
 * elements disclosed —, confirm with fingerprint/face or PIN, then a large black-on-white `ZZ1:`
 * code from a fresh copy with a countdown; renewed automatically shortly before it expires.
 */
export function QrScreen({ credentialId, navigate }: { credentialId?: string; navigate: (route: Route) => void }) {
  const { actions } = useWallet();
  const { t, locale } = useI18n();
  const cards = useAsync(() => actions.cards(), actions);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [chosen, setChosen] = useState<string>();
  const groupId = useId();

  const card: CredentialView | undefined =
    cards.value?.find((c) => c.credentialId === credentialId) ?? cards.value?.find((c) => c.status.value !== 'revoked');

  if (cards.loading && !cards.value) {
    return (
      <Screen title={t.presentQr} onBack={() => navigate({ name: 'present' })}>
        <p aria-busy="true">{t.loading}</p>
      </Screen>
    );
  }
  if (!card) {
    return (
      <Screen title={t.presentQr} onBack={() => navigate({ name: 'present' })}>
        <p>{t.noCards}</p>
      </Screen>
    );
  }

  const purposes = sortPurposes(Object.entries(card.copies.qr).map(([id, left]) => ({ id, left })));
  const selected = chosen ?? purposes.find((p) => p.left > 0)?.id;

  if (step.kind === 'show') {
    return <QrShow card={card} purpose={step.purpose} onDone={() => navigate({ name: 'cards' })} />;
  }

  if (step.kind === 'confirm') {
    const label = purposeLabel(step.purpose, t);
    return (
      <Screen title={t.confirmTitle} onBack={() => setStep({ kind: 'choose' })} testId="qr-confirm">
        <p className="lead">{label.title}</p>
        <ConfirmPresenceForm
          biometricLabel={t.confirmBiometric}
          pinLabel={t.confirmWithPin}
          busyLabel={t.confirming}
          onStart={() => {
            performance.clearMarks('zz-present-start');
            performance.mark('zz-present-start');
          }}
          onConfirmed={async () => setStep({ kind: 'show', purpose: step.purpose })}
        />
      </Screen>
    );
  }

  return (
    <Screen title={t.presentQr} onBack={() => navigate({ name: 'present' })} testId="qr-choose">
      <fieldset className="choice-group">
        <legend id={groupId}>{t.purposeTitle}</legend>
        {purposes.map(({ id, left }) => {
          const label = purposeLabel(id, t);
          const elements = qrElements(card, id);
          return (
            <label key={id} className={`choice${left === 0 ? ' is-disabled' : ''}`}>
              <input
                type="radio"
                name="purpose"
                value={id}
                checked={selected === id}
                disabled={left === 0}
                onChange={() => setChosen(id)}
              />
              <span className="choice-text">
                <strong>{label.title}</strong>
                <span className="muted">
                  {elements.length > 0 ? elements.map((e) => elementName(card.type, e, locale)).join('、') : label.hint}
                </span>
                <span className="muted small">{left === 0 ? t.purposeUnavailable : t.copiesLeft(left)}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <button
        type="button"
        className="button-primary button-block button-large"
        disabled={!selected}
        onClick={() => selected && setStep({ kind: 'confirm', purpose: selected })}
        data-testid="qr-next"
      >
        {t.next}
      </button>
    </Screen>
  );
}

/** The elements a purpose discloses (core `QR_PURPOSES`), shown before the holder confirms. */
function qrElements(card: CredentialView, purpose: string): readonly string[] {
  return QR_PURPOSES.find((entry) => entry.id === purpose && entry.typeId === card.type)?.elements ?? [];
}

function QrShow({ card, purpose, onDone }: { card: CredentialView; purpose: string; onDone: () => void }) {
  const { actions } = useWallet();
  const { t, locale } = useI18n();
  const announce = useAnnounce();
  const now = useNow(500);
  const [qr, setQr] = useState<QrPresentation>();
  const [refreshes, setRefreshes] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<{ message: string; code: string }>();
  const firstDraw = useRef(true);

  const present = useCallback(async () => {
    setRefreshing(true);
    try {
      setQr(await actions.presentQr(card.credentialId, purpose));
      setError(undefined);
    } catch (caught) {
      setError({ message: errorMessage(caught, t), code: errorCode(caught) });
    } finally {
      setRefreshing(false);
    }
  }, [actions, card.credentialId, purpose, t]);

  // the first code, once: each call spends a one-time copy (StrictMode runs mount effects twice)
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first code, once
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void present();
  }, []);

  const secondsLeft = qr ? Math.max(0, Math.ceil((qr.expiresAt.getTime() - now.getTime()) / 1000)) : 0;
  const expired = qr !== undefined && secondsLeft === 0;

  useEffect(() => {
    if (!qr || refreshing || error) return;
    if (secondsLeft <= REFRESH_MARGIN_SECONDS && refreshes < MAX_AUTO_REFRESHES) {
      setRefreshes((n) => n + 1);
      announce(t.qrRefreshing);
      void present().then(() => announce(t.qrRefreshed));
    }
  }, [qr, secondsLeft, refreshes, refreshing, error, present, announce, t]);

  const onDrawn = () => {
    if (!firstDraw.current) return;
    firstDraw.current = false;
    performance.mark('zz-qr-shown');
    try {
      performance.measure('zz-confirm-to-qr', 'zz-present-start', 'zz-qr-shown');
    } catch {
      // no start mark (the screen was reloaded): nothing to measure
    }
  };

  const label = purposeLabel(purpose, t);
  return (
    <Screen title={t.qrTitle} testId="qr-show">
      <p className="lead">{label.title}</p>
      {error ? (
        <p className="field-error" role="alert" data-error-code={error.code}>
          {error.message}
        </p>
      ) : null}
      {qr && !expired ? (
        <figure className="qr-figure" data-testid="qr-figure" data-expires-at={qr.expiresAt.toISOString()}>
          <QrCanvas text={qr.text} label={t.qrAlt(secondsLeft)} testId="qr-code" onDrawn={onDrawn} />
          <figcaption>
            <span className="countdown" aria-hidden="true">
              {refreshing ? t.qrRefreshing : t.qrExpiresIn(secondsLeft)}
            </span>
          </figcaption>
        </figure>
      ) : null}
      {expired && !refreshing ? (
        <button type="button" className="button-primary button-block" onClick={onDone}>
          {t.qrDone}
        </button>
      ) : null}
      {qr ? (
        <div className="qr-details">
          <h2>{t.willShow}</h2>
          <ul className="tag-list" data-testid="qr-elements">
            {qr.elements.map((element) => (
              <li key={element}>{elementName(card.type, element, locale)}</li>
            ))}
          </ul>
          <p className="muted">{t.qrHint}</p>
        </div>
      ) : null}
      <button type="button" className="button-secondary button-block" onClick={onDone}>
        {t.qrDone}
      </button>
    </Screen>
  );
}
