import type { CheckedAccessLog, ShareConsent, ShareRequest } from '@zhengzhao/wallet';
import { useState } from 'react';
import type { Route } from '../app/use-route.js';
import { useAnnounce } from '../components/announcer.js';
import { ConfirmPresenceForm } from '../components/confirm-presence-form.js';
import { Screen } from '../components/screen.js';
import { elementName, typeName } from '../i18n/element-name.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorMessage } from '../wallet/error-message.js';
import { useAsync } from '../wallet/use-async.js';
import { useWallet } from '../wallet/wallet-context.js';

/** Days a standing consent given from this screen lasts. */
const STANDING_DAYS = 30;

/**
 * Document sharing (文件调用): the holder's share code, the agencies' requests waiting for an
 * answer (allow once, allow for 30 days, refuse), the consents with revocation, and the access
 * log, every entry checked against the signed Merkle tree head before it is shown.
 */
export function ShareScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { actions, config } = useWallet();
  const { t, locale, formatDate } = useI18n();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  /** An approval waiting for the holder's fingerprint, face or PIN. */
  const [confirming, setConfirming] = useState<{ request: ShareRequest; cardId: string; standingDays?: number }>();
  const registration = useAsync(() => actions.shareRegister(), actions);
  const requests = useAsync(() => actions.shareRequests(), registration.value);
  const consents = useAsync(() => actions.shareConsents(), registration.value);
  const cards = useAsync(() => actions.cards(), actions);
  const log = useAsync<CheckedAccessLog>(() => actions.shareAccessLog(), registration.value);

  if (!config.shareUrl) {
    return (
      <Screen title={t.shareTitle} onBack={() => navigate({ name: 'present' })} testId="share-screen">
        <p className="empty">{t.shareNotConfigured}</p>
      </Screen>
    );
  }

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      setNotice(done);
      announce(done);
      await Promise.all([requests.reload(), consents.reload(), log.reload()]);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const refresh = async () => {
    setNotice(undefined);
    await Promise.all([requests.reload(), consents.reload(), log.reload(), cards.reload()]);
  };

  if (confirming) {
    return (
      <Screen title={t.confirmTitle} onBack={() => setConfirming(undefined)} testId="share-confirm">
        <p className="lead">
          {t.shareAsks(confirming.request.agency.name[locale] ?? confirming.request.agency.name['zh-CN'])}{' '}
          {typeName(confirming.request.doc_type, locale)}
        </p>
        <ConfirmPresenceForm
          biometricLabel={t.confirmBiometric}
          pinLabel={t.confirmWithPin}
          busyLabel={t.confirming}
          onConfirmed={async () => {
            const { request, cardId, standingDays } = confirming;
            setConfirming(undefined);
            await run(() => actions.shareApprove(request, cardId, standingDays), t.shareApproved);
          }}
        />
      </Screen>
    );
  }

  const cardFor = (request: ShareRequest) =>
    cards.value?.find((card) => card.type === request.doc_type && card.status.value !== 'revoked');

  return (
    <Screen
      title={t.shareTitle}
      onBack={() => navigate({ name: 'present' })}
      testId="share-screen"
      actions={
        <button
          type="button"
          className="button-secondary"
          onClick={refresh}
          disabled={busy}
          data-testid="share-refresh"
        >
          {t.shareRefresh}
        </button>
      }
    >
      <p className="lead">{t.shareIntro}</p>
      {registration.error ? (
        <p className="field-error" role="alert">
          {errorMessage(registration.error, t)}
        </p>
      ) : null}
      {registration.value ? (
        <div className="share-code">
          <span className="muted">{t.shareCodeLabel}</span>
          <strong data-testid="share-code">{registration.value.handle}</strong>
          <span className="muted">{t.shareCodeHint}</span>
        </div>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="share-notice">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="share-error">
          {error}
        </p>
      ) : null}

      <h2>{t.shareRequestsTitle}</h2>
      {requests.value?.length === 0 ? <p className="empty">{t.shareNoRequests}</p> : null}
      <ul className="share-requests" data-testid="share-requests">
        {(requests.value ?? []).map((request) => {
          const card = cardFor(request);
          return (
            <li key={request.request_id} className="share-request" data-request-id={request.request_id}>
              <p>
                <strong>{t.shareAsks(request.agency.name[locale] ?? request.agency.name['zh-CN'])}</strong>{' '}
                {typeName(request.doc_type, locale)}
              </p>
              <p className="muted">{t.sharePurpose(request.purpose.text[locale] ?? request.purpose.text['zh-CN'])}</p>
              <ul className="tag-list">
                {request.elements.map((element) => (
                  <li key={element}>{elementName(request.doc_type, element, locale)}</li>
                ))}
              </ul>
              {card ? null : <p className="field-error">{t.shareNoCard}</p>}
              <div className="button-row">
                <button
                  type="button"
                  disabled={busy || !card}
                  data-testid="share-approve-once"
                  onClick={() => card && setConfirming({ request, cardId: card.credentialId })}
                >
                  {t.shareApproveOnce}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy || !card}
                  data-testid="share-approve-standing"
                  onClick={() =>
                    card && setConfirming({ request, cardId: card.credentialId, standingDays: STANDING_DAYS })
                  }
                >
                  {t.shareApproveStanding(STANDING_DAYS)}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy}
                  data-testid="share-refuse"
                  onClick={() => run(() => actions.shareRefuse(request), t.shareRefused)}
                >
                  {t.shareRefuse}
                </button>
              </div>
            </li>
          );
        })}
      </ul>

      <h2>{t.shareConsentsTitle}</h2>
      {consents.value?.length === 0 ? <p className="empty">{t.shareNoConsents}</p> : null}
      <ul className="share-consents" data-testid="share-consents">
        {(consents.value ?? []).map((consent: ShareConsent) => (
          <li key={consent.consent_id} data-consent-id={consent.consent_id} data-kind={consent.kind}>
            <p>
              <strong>{consent.agency}</strong> · {typeName(consent.doc_type, locale)}
            </p>
            <p className="muted">
              {consent.revoked_at
                ? t.shareConsentRevoked
                : consent.kind === 'once'
                  ? t.shareConsentOnce
                  : t.shareConsentStanding(formatDate(new Date(consent.expires_at)))}
            </p>
            {consent.kind === 'standing' && !consent.revoked_at ? (
              <button
                type="button"
                className="button-secondary"
                disabled={busy}
                data-testid="share-revoke"
                onClick={() => run(() => actions.shareRevoke(consent.consent_id), t.shareRevokedNotice)}
              >
                {t.shareRevoke}
              </button>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t.shareLogTitle}</h2>
      <p className="muted">{t.shareLogIntro}</p>
      {log.error ? (
        <p className="field-error" role="alert" data-testid="share-log-tampered">
          {t.shareLogTampered}
        </p>
      ) : null}
      {log.value && !log.error ? (
        <p className="notice" data-testid="share-log-verified">
          {t.shareLogVerified(log.value.head.treeSize)}
        </p>
      ) : null}
      {log.value?.entries.length === 0 ? <p className="empty">{t.shareLogEmpty}</p> : null}
      <ol className="log-list" data-testid="share-log">
        {(log.value?.entries ?? []).map((entry) => (
          <li key={entry.index} className="log-entry" data-type={entry.type}>
            <div className="log-head">
              <span className="channel">{t.shareEvent[entry.type] ?? entry.type}</span>
              <time dateTime={new Date(entry.at * 1000).toISOString()}>
                {formatDate(new Date(entry.at * 1000), true)}
              </time>
            </div>
            <p className="log-verifier">
              {entry.agency} · {entry.purpose}
              {entry.code ? ` · ${entry.code}` : ''}
            </p>
            {entry.elements.length > 0 ? (
              <ul className="tag-list">
                {entry.elements.map((element) => (
                  <li key={element}>{elementName(entry.docType, element, locale)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Screen>
  );
}
