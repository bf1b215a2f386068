import type { OfferPreview } from '@zhengzhao/wallet';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Route } from '../app/use-route.js';
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

/**
 * Receiving a card (OpenID4VCI 1.0 pre-authorised code flow): paste or scan the offer, see who
 * issues what before anything is stored, type the transaction code the clerk gave, store.
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
  const [preview, setPreview] = useState<OfferPreview>();
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
      setPreview(await actions.previewOffer(offer));
      setBusy(false);
    } catch (caught) {
      fail(caught);
    }
  };

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    announce(t.accepting);
    try {
      const stored = await actions.acceptOffer(offer, preview?.txCode ? txCode : undefined);
      announce(t.received(stored.length));
      navigate({ name: 'cards' });
    } catch (caught) {
      fail(caught);
    }
  };

  if (!preview) {
    return (
      <Screen title={t.receiveTitle} testId="receive-screen">
        <p className="lead">{t.receiveIntro}</p>
        <form onSubmit={loadPreview} aria-busy={busy}>
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
      </Screen>
    );
  }

  const types = [...new Set(preview.credentials.map((c) => c.type))];
  const formats = [...new Set(preview.credentials.map((c) => c.format).filter(isFormat))];
  const txLength = preview.txCode?.length;
  return (
    <Screen title={t.previewTitle} onBack={() => setPreview(undefined)} testId="offer-preview">
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
            <p id={`${txId}-hint`} className="field-hint">
              {preview.txCode.description ?? t.txCodeHint}
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
