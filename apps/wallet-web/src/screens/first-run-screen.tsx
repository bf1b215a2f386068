import { type FormEvent, useEffect, useState } from 'react';
import { useAnnounce } from '../components/announcer.js';
import { PinField } from '../components/pin-field.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { useWallet } from '../wallet/wallet-context.js';
import { platformAuthenticatorAvailable } from '../webauthn/platform-authenticator-available.js';
import { checkNewPin } from './pin-rules.js';

export interface FirstRunScreenProps {
  /** Called once the wallet is set up (and biometrics enrolled, or skipped). */
  readonly onDone: (notice?: string) => void;
}

/**
 * First run: choose a PIN (6+ digits, typed twice), and — where the phone has a user-verifying
 * platform authenticator — enrol the fingerprint or face (WebAuthn PRF). The PIN stays the
 * fallback; a failed enrolment leaves a working wallet and a note that it can be done later.
 */
export function FirstRunScreen({ onDone }: FirstRunScreenProps) {
  const { actions } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; repeat?: string; form?: string; code?: string }>({});
  const [available, setAvailable] = useState<boolean | undefined>(undefined);
  const [biometric, setBiometric] = useState(true);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void platformAuthenticatorAvailable().then((value) => {
      setAvailable(value);
      setBiometric(value);
    });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkNewPin(pin, repeat, t);
    setErrors(problems);
    if (problems.pin || problems.repeat) return;
    setBusy(true);
    announce(t.creatingWallet);
    try {
      await actions.setUp(pin);
    } catch (error) {
      setErrors({ form: errorMessage(error, t), code: errorCode(error) });
      setBusy(false);
      return;
    }
    let notice: string | undefined;
    if (biometric && available) {
      try {
        await actions.enrolBiometrics(t.appName);
      } catch {
        notice = t.biometricSkipped;
      }
    }
    announce(t.walletCreated);
    onDone(notice);
  };

  return (
    <Screen title={t.firstRunTitle} testId="first-run">
      <p className="lead">{t.firstRunIntro}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PinField
          name="pin"
          label={t.pinLabel}
          hint={t.pinHint}
          value={pin}
          onChange={setPin}
          error={errors.pin}
          autoComplete="new-password"
          autoFocus
        />
        <PinField
          name="pin-repeat"
          label={t.pinRepeatLabel}
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat}
          autoComplete="new-password"
        />
        {available === false ? (
          <p className="notice">{t.biometricUnavailable}</p>
        ) : (
          <div className="field checkbox-field">
            <input
              id="enrol-biometric"
              type="checkbox"
              checked={biometric}
              disabled={available === undefined}
              onChange={(event) => setBiometric(event.target.checked)}
              aria-describedby="enrol-biometric-hint"
            />
            <label htmlFor="enrol-biometric">{t.biometricEnrol}</label>
            <p id="enrol-biometric-hint" className="field-hint">
              {t.biometricEnrolHint}
            </p>
          </div>
        )}
        {errors.form ? (
          <p className="field-error" role="alert" data-error-code={errors.code}>
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="button-primary button-block" disabled={busy}>
          {busy ? t.creatingWallet : t.createWallet}
        </button>
      </form>
    </Screen>
  );
}
