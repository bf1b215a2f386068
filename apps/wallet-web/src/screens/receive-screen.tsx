import type { IssuedOffer, OfferPreview } from '@zhengzhao/wallet';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Route } from '../app/use-route.js';
import { ActivationForm } from '../components/activation-form.js';
import { useAnnounce } from '../components/announcer.js';
import { ScanOrPaste } from '../components/scan-or-paste.js';
import { Screen } from '../components/screen.js';
import { typeName } from '../i18n/element-name.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorCode, errorMessage } from '../wallet/error-message.js';
import { useWallet } from '../wallet/wallet-context.js';

type Format = 'mso_mdoc' | 'dc+sd-jwt' | 'zz1_qr';
const isFormat = (value: string): value is Format =>
  value === 'mso_mdoc' || value === 'dc+sd-jwt' || value === 'zz1_qr';

/** The offer being looked at: where it came from, what it offers, the tx_code the issuer sent with it. */
interface PendingOffer {
  readonly offer: string;
  readonly preview: OfferPreview;
  /** Set when the offer came from the activation form: the issuer's tx_code, pre-filled. */
  readonly issuedTxCode?: string;
}

/**
 * Receiving a card (OpenID4VCI 1.0 pre-authorised code flow). First, the holder activates with the
 * card number and the clerk's one-time activation code (the issuer answers with an offer and its
 * tx_code, which is pre-filled); or pastes or scans an offer. Then they see who issues what
 * before anything is stored, confirm (typing the tx_code if it was not pre-filled), and store.
 */
export interface ReceiveScreenProps {
  readonly navigate: (route: Route) => void;
  /** An offer the wallet was opened with (same-device link), put in the field on mount. */
  readonly initialOffer?: string;
  /** Tells the app the initial offer has been taken. */
  readonly onInitialConsumed?: () => void;
}

export function ReceiveScreen({ navigate, initialOffer, onInitialConsumed }: ReceiveScreenProps) {
  const { actions } = useWallet();
  const { t, locale } = useI18n();
  const announce = useAnnounce();
  const txId = useId();
  const [offer, setOffer] = useState(initialOffer ?? '');
  const [pending, setPending] = useState<PendingOffer>();
  const [txCode, setTxCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string }>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the launch offer is taken once
  useEffect(() => {
    if (initialOffer) onInitialConsumed?.();
  }, []);

  const fail = (caught: unknown) => {
    setError({ message: errorMessage(caught, t), code: errorCode(caught) });
    setBusy(false);
  };

  const loadPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!offer) return;
    setBusy(true);
    setError(undefined);
    try {
      const preview = await actions.previewOffer(offer);
      setTxCode('');
      setPending({ offer, preview });
      setBusy(false);
    } catch (caught) {
      fail(caught);
    }
  };

  // errors of the preview go back to the activation form (it shows them)
  const activated = async (issued: IssuedOffer) => {
    const preview = await actions.previewOffer(issued.offer);
    setError(undefined);
    setTxCode(preview.txCode && issued.txCode ? issued.txCode : '');
    setPending({ offer: issued.offer, preview, ...(issued.txCode ? { issuedTxCode: issued.txCode } : {}) });
  };

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    announce(t.accepting);
    try {
      const stored = await actions.acceptOffer(pending.offer, pending.preview.txCode ? txCode : undefined);
      announce(t.received(stored.length));
      navigate({ name: 'cards' });
    } catch (caught) {
      fail(caught);
    }
  };

  if (!pending) {
    return (
      <Screen title={t.receiveTitle} testId="receive-screen">
        <ActivationForm onActivated={activated} />
        <section className="receive-section receive-section-secondary">
          <h2>{t.offerSectionTitle}</h2>
          <p className="muted">{t.receiveIntro}</p>
          <form onSubmit={loadPreview} aria-busy={busy} data-testid="offer-form">
            <ScanOrPaste
              name="offer"
              label={t.offerLabel}
              placeholder={t.offerPlaceholder}
              value={offer}
              onChange={setOffer}
              error={error?.message}
            />
            <button type="submit" className="button-primary button-block" disabled={busy || offer.length === 0}>
              {busy ? t.loading : t.next}
            </button>
          </form>
        </section>
      </Screen>
    );
  }

  const { preview } = pending;
  const types = [...new Set(preview.credentials.map((c) => c.type))];
  const formats = [...new Set(preview.credentials.map((c) => c.format).filter(isFormat))];
  const txLength = preview.txCode?.length;
  const prefilled = pending.issuedTxCode !== undefined && txCode === pending.issuedTxCode;
  return (
    <Screen
      title={t.previewTitle}
      onBack={() => {
        setPending(undefined);
        setTxCode('');
        setError(undefined);
      }}
      testId="offer-preview"
    >
      <dl className="summary">
        <div>
          <dt>{t.previewIssuer}</dt>
          <dd data-testid="offer-issuer">{preview.issuerNames[locale] ?? preview.issuerName}</dd>
        </div>
        <div>
          <dt>{t.previewWillStore}</dt>
          <dd>
            <ul className="plain-list">
              {types.map((type) => (
                <li key={type}>
                  <strong>{typeName(type, locale)}</strong>
                </li>
              ))}
              {formats.map((format) => (
                <li key={format} className="muted">
                  {t.previewFormats[format]}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <p className="notice">{t.previewPrivacy}</p>
      <form onSubmit={accept} aria-busy={busy}>
        {preview.txCode ? (
          <div className="field">
            <label htmlFor={txId}>{t.txCodeLabel(txLength)}</label>
            <p
              id={`${txId}-hint`}
              className={prefilled ? 'notice notice-info' : 'field-hint'}
              data-testid={prefilled ? 'tx-code-prefilled' : undefined}
            >
              {prefilled ? t.txCodePrefilled : (preview.txCode.description ?? t.txCodeHint)}
            </p>
            <input
              id={txId}
              name="tx_code"
              inputMode={preview.txCode.inputMode === 'numeric' ? 'numeric' : 'text'}
              autoComplete="one-time-code"
              maxLength={txLength ?? 32}
              value={txCode}
              onChange={(event) => setTxCode(event.target.value.trim())}
              aria-describedby={`${txId}-hint`}
              data-prefilled={prefilled ? 'true' : undefined}
              className="pin-input"
            />
          </div>
        ) : null}
        {error ? (
          <p className="field-error" role="alert" data-error-code={error.code}>
            {error.message}
          </p>
        ) : null}
        <button
          type="submit"
          className="button-primary button-block"
          disabled={busy || (preview.txCode !== undefined && txCode.length === 0)}
        >
          {busy ? t.accepting : t.acceptOffer}
        </button>
      </form>
    </Screen>
  );
}
