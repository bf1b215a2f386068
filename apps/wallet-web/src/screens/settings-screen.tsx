import { type FormEvent, useEffect, useId, useState } from 'react';
import { useAnnounce } from '../components/announcer.js';
import { CardProofFields } from '../components/card-proof-fields.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Locale, Preferences } from '../preferences/preferences.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { useWallet } from '../wallet/wallet-context.js';
import { platformAuthenticatorAvailable } from '../webauthn/platform-authenticator-available.js';

export interface SettingsScreenProps {
  readonly preferences: Preferences;
  readonly onPreferences: (preferences: Preferences) => void;
}

/** Language, large text, lock and biometrics, and the lost-phone report for another device. */
export function SettingsScreen({ preferences, onPreferences }: SettingsScreenProps) {
  const { actions, config } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const ids = useId();
  const [canEnrol, setCanEnrol] = useState(false);
  const [enrolNote, setEnrolNote] = useState<string>();

  useEffect(() => {
    void Promise.all([actions.hasBiometrics(), platformAuthenticatorAvailable()]).then(([enrolled, available]) =>
      setCanEnrol(!enrolled && available),
    );
  }, [actions]);

  const enrol = async () => {
    try {
      await actions.enrolBiometrics(t.appName);
      setCanEnrol(false);
      setEnrolNote(t.biometricAdded);
      announce(t.biometricAdded);
    } catch (caught) {
      setEnrolNote(errorMessage(caught, t));
    }
  };

  const setLocale = (locale: Locale) => onPreferences({ ...preferences, locale });

  return (
    <Screen title={t.settingsTitle} testId="settings-screen">
      <fieldset className="choice-group">
        <legend>{t.language}</legend>
        {(['zh-CN', 'en'] as const).map((locale) => (
          <label key={locale} className="choice" lang={locale}>
            <input
              type="radio"
              name="locale"
              value={locale}
              checked={preferences.locale === locale}
              onChange={() => setLocale(locale)}
            />
            <span className="choice-text">
              <strong>{locale === 'zh-CN' ? t.languageZh : t.languageEn}</strong>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="field checkbox-field">
        <input
          id={`${ids}-large`}
          type="checkbox"
          role="switch"
          aria-checked={preferences.largeText}
          checked={preferences.largeText}
          onChange={(event) => onPreferences({ ...preferences, largeText: event.target.checked })}
          aria-describedby={`${ids}-large-hint`}
        />
        <label htmlFor={`${ids}-large`}>{t.largeText}</label>
        <p id={`${ids}-large-hint`} className="field-hint">
          {t.largeTextHint}
        </p>
      </div>

      <section className="settings-section" aria-labelledby={`${ids}-security`}>
        <h2 id={`${ids}-security`}>{t.security}</h2>
        <p className="muted">{t.autoLockNote(config.autoLockSeconds)}</p>
        {canEnrol ? (
          <button type="button" className="button-secondary button-block" onClick={enrol}>
            {t.addBiometric}
          </button>
        ) : null}
        {enrolNote ? <p className="notice">{enrolNote}</p> : null}
        <button
          type="button"
          className="button-primary button-block"
          onClick={() => actions.lock()}
          data-testid="lock-now"
        >
          {t.lockNow}
        </button>
      </section>

      <LostPhoneForm defaultIssuer={config.issuerUrl} />
      <p className="muted small about">{t.about}</p>
    </Screen>
  );
}

/** `reportLostDevice`: card number + a fresh activation code suspends the person's other wallets. */
function LostPhoneForm({ defaultIssuer }: { defaultIssuer?: string }) {
  const { actions } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const id = useId();
  const [issuerUrl, setIssuerUrl] = useState(defaultIssuer ?? '');
  const [cardNumber, setCardNumber] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; ok: boolean; code?: string }>();

  useEffect(() => {
    if (issuerUrl) return;
    void actions
      .cards()
      .then((cards) => {
        const first = cards[0]?.issuer.url;
        if (first) setIssuerUrl((current) => current || first);
      })
      .catch(() => undefined);
  }, [actions, issuerUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(undefined);
    announce(t.reporting);
    try {
      const done = await actions.reportLostPhone({ issuerUrl, cardNumber, activationCode: code });
      const text = t.lostReported(done.suspendedWallets, done.suspendedCredentials);
      setResult({ text, ok: true });
      announce(text);
      setCode('');
    } catch (caught) {
      const message = errorMessage(caught, t);
      setResult({ text: message === t.genericError ? t.lostFailed : message, ok: false, code: errorCode(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.lostPhoneTitle}</h2>
      <p>{t.lostPhoneIntro}</p>
      <form onSubmit={submit} aria-busy={busy} data-testid="lost-phone-form">
        <div className="field">
          <label htmlFor={`${id}-issuer`}>{t.issuerUrlLabel}</label>
          <input
            id={`${id}-issuer`}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={issuerUrl}
            onChange={(event) => setIssuerUrl(event.target.value.trim())}
            required
          />
        </div>
        <CardProofFields id={id} cardNumber={cardNumber} code={code} onCardNumber={setCardNumber} onCode={setCode} />
        {result ? (
          <p
            className={result.ok ? 'notice notice-info' : 'field-error'}
            role={result.ok ? 'status' : 'alert'}
            data-error-code={result.code}
          >
            {result.text}
          </p>
        ) : null}
        <button
          type="submit"
          className="button-danger button-block"
          disabled={busy || !issuerUrl || !cardNumber || code.length !== 8}
        >
          {busy ? t.reporting : t.reportLost}
        </button>
      </form>
    </section>
  );
}
