import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { useWallet } from '../wallet/wallet-context.js';
import { Icon } from './icon.js';
import { PinField } from './pin-field.js';

export interface ConfirmPresenceFormProps {
  /** Runs after the holder is verified; its failure is shown like a verification failure. */
  readonly onConfirmed: () => Promise<void>;
  /** Called at the moment the holder asks to confirm (for timing). */
  readonly onStart?: () => void;
  readonly biometricLabel: string;
  readonly pinLabel: string;
  readonly busyLabel: string;
}

/** The confirm step before a presentation: one big biometric button, or a PIN field. */
export function ConfirmPresenceForm(props: ConfirmPresenceFormProps) {
  const { t } = useI18n();
  const { actions } = useWallet();
  const [biometric, setBiometric] = useState<boolean>();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string }>();

  useEffect(() => {
    void actions.hasBiometrics().then(setBiometric);
  }, [actions]);

  const run = async (method: { pin: string } | 'biometric') => {
    props.onStart?.();
    setBusy(true);
    setError(undefined);
    try {
      await actions.confirmPresence(method);
      await props.onConfirmed();
    } catch (caught) {
      const delay = await actions.pinRetryDelaySeconds();
      setError({ message: errorMessage(caught, t, delay), code: errorCode(caught) });
      setPin('');
      setBusy(false);
    }
  };

  const submitPin = (event: FormEvent) => {
    event.preventDefault();
    if (pin.length > 0) void run({ pin });
  };

  if (biometric === undefined) return <p aria-busy="true">{t.loading}</p>;
  return (
    <div className="confirm" aria-busy={busy}>
      {biometric ? (
        <button
          type="button"
          className="button-primary button-block button-large"
          disabled={busy}
          onClick={() => run('biometric')}
          data-testid="confirm-biometric"
        >
          <Icon name="fingerprint" size={28} />
          {busy ? props.busyLabel : props.biometricLabel}
        </button>
      ) : null}
      <form onSubmit={submitPin}>
        <PinField
          name="confirm-pin"
          label={biometric ? t.unlockWithPin : t.pinLabel}
          value={pin}
          onChange={setPin}
          autoComplete="current-password"
          autoFocus={!biometric}
        />
        <button type="submit" className="button-secondary button-block" disabled={busy || pin.length === 0}>
          {busy ? props.busyLabel : props.pinLabel}
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert" data-error-code={error.code}>
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
