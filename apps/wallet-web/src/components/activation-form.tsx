import type { IssuedOffer } from '@zhengzhao/wallet';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { activationErrorMessage, errorCode } from '../wallet/error-message.js';
import { useWallet } from '../wallet/wallet-context.js';
import { activationReady } from './activation-input.js';
import { useAnnounce } from './announcer.js';
import { CardProofFields } from './card-proof-fields.js';

export interface ActivationFormProps {
  /**
   * Takes the issuer's offer and tx_code on to the preview (it may fail: the error is shown
   * here, in the form the holder just used).
   */
  readonly onActivated: (issued: IssuedOffer) => Promise<void>;
}

/** Codes that point at the issuer address: the "advanced" part opens to show it. */
const ADDRESS_PROBLEMS = new Set(['ERR_WALLET_SYNC_FAILED', 'ERR_OID4VCI_ISSUER_RESPONSE', 'ERR_INPUT_INVALID']);

/**
 * 用身份证激活 / Activate with your ID card (Zhengzhao issue 3 §3, issue 4 §3): the card number
 * and the one-time activation code the clerk gave (the SMS stand-in) go to the issuer's
 * `POST /activation`; the issuer address comes from `wallet-config.json` (`issuerUrl`) and is
 * editable under "advanced" (open from the start when there is none). Every field is labelled,
 * sizes are in rem (large text), errors are said in words and carry their code.
 */
export function ActivationForm({ onActivated }: ActivationFormProps) {
  const { actions, config } = useWallet();
  const { t, locale } = useI18n();
  const announce = useAnnounce();
  const id = useId();
  const [issuerUrl, setIssuerUrl] = useState(config.issuerUrl ?? '');
  const [advancedOpen, setAdvancedOpen] = useState(!config.issuerUrl);
  const [cardNumber, setCardNumber] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string }>();
  const ready = activationReady({ cardNumber, activationCode: code, issuerUrl });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(undefined);
    announce(t.activating);
    try {
      const issued = await actions.activateWithCard({ issuerUrl, cardNumber, activationCode: code });
      announce(t.activated);
      await onActivated(issued);
    } catch (caught) {
      const failure = { message: activationErrorMessage(caught, t), code: errorCode(caught) };
      setError(failure); // role="alert" says it
      if (ADDRESS_PROBLEMS.has(failure.code)) setAdvancedOpen(true);
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  return (
    <section className="receive-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.activateTitle}</h2>
      <p>{t.activateIntro}</p>
      <form onSubmit={submit} aria-busy={busy} noValidate data-testid="activation-form">
        {config.issuers.length > 1 ? (
          <div className="field">
            <label htmlFor={`${id}-province`}>{t.issuerChoiceLabel}</label>
            <select
              id={`${id}-province`}
              name="issuer"
              value={issuerUrl}
              onChange={(event) => setIssuerUrl(event.target.value)}
              data-testid="issuer-choice"
            >
              {config.issuers.map((issuer) => (
                <option key={issuer.code} value={issuer.url}>
                  {issuer.name[locale === 'en' ? 'en' : 'zh-CN']}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <CardProofFields
          id={id}
          cardNumber={cardNumber}
          code={code}
          onCardNumber={setCardNumber}
          onCode={setCode}
          {...(error && { errorId })}
          codeInvalid={error?.code.startsWith('ERR_OID4VCI_ACTIVATION_CODE') ?? false}
        />
        <details
          className="advanced"
          open={advancedOpen}
          onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}
        >
          <summary>{t.advancedSettings}</summary>
          <div className="field">
            <label htmlFor={`${id}-issuer`}>{t.issuerUrlLabel}</label>
            <p id={`${id}-issuer-hint`} className="field-hint">
              {t.issuerUrlHint}
            </p>
            <input
              id={`${id}-issuer`}
              name="issuer_url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={issuerUrl}
              onChange={(event) => setIssuerUrl(event.target.value.trim())}
              aria-describedby={`${id}-issuer-hint`}
              required
            />
          </div>
        </details>
        {error ? (
          <p
            id={errorId}
            className="field-error"
            role="alert"
            data-error-code={error.code}
            data-testid="activation-error"
          >
            {error.message}
          </p>
        ) : null}
        <button type="submit" className="button-primary button-block button-large" disabled={busy || !ready}>
          {busy ? t.activating : t.activate}
        </button>
      </form>
    </section>
  );
}
