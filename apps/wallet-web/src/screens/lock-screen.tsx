import { type FormEvent, useEffect, useState } from 'react';
import { useAnnounce } from '../components/announcer.js';
import { Icon } from '../components/icon.js';
import { PinField } from '../components/pin-field.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { useWallet } from '../wallet/wallet-context.js';

/**
 * The locked wallet: fingerprint/face first (when enrolled), the PIN below it. Wrong PINs and
 * throttling are said in words (and announced), the field keeps focus for the next try.
 */
export function LockScreen() {
  const { actions } = useWallet();
  const { t } = useI18n();
  const announce = useAnnounce();
  const [biometrics, setBiometrics] = useState<boolean | undefined>(undefined);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string }>();

  useEffect(() => {
    void actions.hasBiometrics().then(setBiometrics);
  }, [actions]);

  const fail = async (caught: unknown) => {
    const delay = await actions.pinRetryDelaySeconds();
    const message = errorMessage(caught, t, delay);
    setError({ message, code: errorCode(caught) });
    setBusy(false);
  };

  const unlockBiometric = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await actions.unlockWithBiometrics();
      announce(t.unlocked);
    } catch (caught) {
      await fail(caught);
    }
  };

  const unlockPin = async (event: FormEvent) => {
    event.preventDefault();
    if (pin.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await actions.unlockWithPin(pin);
      announce(t.unlocked);
    } catch (caught) {
      setPin('');
      await fail(caught);
    }
  };

  return (
    <Screen title={t.lockTitle} testId="lock-screen">
      <div className="lock-hero">
        <Icon name="lock" size={72} />
      </div>
      <p className="lead">{t.lockIntro}</p>
      {biometrics ? (
        <button
          type="button"
          className="button-primary button-block button-large"
          onClick={unlockBiometric}
          disabled={busy}
          data-testid="unlock-biometric"
        >
          <Icon name="fingerprint" size={28} />
          {t.unlockBiometric}
        </button>
      ) : null}
      <form onSubmit={unlockPin} className="lock-pin" aria-busy={busy}>
        <PinField
          name="pin"
          label={biometrics ? t.unlockWithPin : t.pinLabel}
          value={pin}
          onChange={setPin}
          autoComplete="current-password"
          autoFocus={biometrics === false}
          error={error?.message}
        />
        <button type="submit" className="button-secondary button-block" disabled={busy || pin.length === 0}>
          {busy ? t.unlocking : t.unlockPinButton}
        </button>
      </form>
      {error ? <span hidden data-testid="unlock-error" data-error-code={error.code} /> : null}
    </Screen>
  );
}
