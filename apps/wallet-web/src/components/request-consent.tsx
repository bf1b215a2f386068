import { useId, useState } from 'react';
import { elementName } from '../i18n/element-name.js';
import { useI18n } from '../i18n/i18n-context.js';

/** One requested element, as the holder decides on it. */
export interface RequestedItem {
  /** Unique within the request (`docType/namespace/element`). */
  readonly key: string;
  readonly typeId: string;
  readonly identifier: string;
  /** The verifier says it will keep the value (ISO 18013-5 IntentToRetain). */
  readonly intentToRetain?: boolean;
}

export interface RequestConsentProps {
  readonly verifier: {
    readonly name?: string;
    readonly organisation?: string;
    readonly purpose?: string;
    readonly trusted: boolean;
    /**
     * The national trust list refuses this relying party (ERR_READER_SCOPE, ERR_READER_DEREGISTERED,
     * ERR_READER_NOT_REGISTERED): nothing can be shared, not even by override.
     */
    readonly refusal?: {
      readonly code: string;
      readonly beyond?: readonly { readonly docType: string; readonly identifier: string }[];
    };
  };
  readonly items: readonly RequestedItem[];
  readonly busy: boolean;
  readonly onApprove: (keys: readonly string[]) => void;
  readonly onDecline: () => void;
}

/**
 * Who asks for what, and the holder's answer (DESIGN.md §6.2): the verifier's organisation and
 * purpose, whether it is registered in the trust list — an unregistered one is refused unless the
 * holder explicitly overrides —, every requested element with a checkbox (all ticked at first),
 * then share the ticked ones, share all, or decline.
 */
export function RequestConsent({ verifier, items, busy, onApprove, onDecline }: RequestConsentProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(items.map((item) => item.key)));
  const [override, setOverride] = useState(false);
  const [empty, setEmpty] = useState(false);
  const refused = verifier.refusal !== undefined;
  const allowed = !refused && (verifier.trusted || override);

  const toggle = (key: string, on: boolean) => {
    setEmpty(false);
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const approveSelected = () => {
    const keys = items.map((item) => item.key).filter((key) => chosen.has(key));
    if (keys.length === 0) {
      setEmpty(true);
      return;
    }
    onApprove(keys);
  };

  return (
    <div className="consent" data-testid="request-consent" data-trusted={verifier.trusted}>
      <dl className="summary">
        <div>
          <dt>{t.requestFrom}</dt>
          <dd data-testid="request-organisation">
            <strong>{verifier.organisation ?? verifier.name ?? t.unknownOrganisation}</strong>
            {verifier.name && verifier.organisation && verifier.name !== verifier.organisation ? (
              <span className="muted"> · {verifier.name}</span>
            ) : null}
          </dd>
        </div>
        {verifier.purpose ? (
          <div>
            <dt>{t.requestPurpose}</dt>
            <dd>{verifier.purpose}</dd>
          </div>
        ) : null}
      </dl>
      <p className={`trust trust-${verifier.trusted ? 'yes' : 'no'}`} data-testid="request-trust">
        <span aria-hidden="true">{verifier.trusted ? '✓ ' : '! '}</span>
        {verifier.trusted ? t.readerTrusted : t.readerUntrusted}
      </p>
      {refused ? (
        <div
          className="notice notice-error"
          role="alert"
          data-testid="request-refused"
          data-code={verifier.refusal?.code}
        >
          <p>
            {verifier.refusal?.code === 'ERR_READER_SCOPE'
              ? t.readerOutOfScope
              : verifier.refusal?.code === 'ERR_READER_DEREGISTERED'
                ? t.readerDeregistered
                : t.readerNotRegistered}
          </p>
          {verifier.refusal?.beyond?.length ? (
            <p>
              {t.beyondRegistration}{' '}
              {verifier.refusal.beyond
                .map((element) => elementName(element.docType, element.identifier, locale))
                .join('、')}
            </p>
          ) : null}
        </div>
      ) : null}
      {verifier.trusted || refused ? null : (
        <div className="notice notice-warning" role="alert">
          <p>{t.untrustedRefused}</p>
          <div className="checkbox-field">
            <input
              id={`${id}-override`}
              type="checkbox"
              checked={override}
              onChange={(event) => setOverride(event.target.checked)}
            />
            <label htmlFor={`${id}-override`}>{t.allowUntrusted}</label>
          </div>
        </div>
      )}
      <fieldset className="element-list" disabled={!allowed || busy}>
        <legend>{t.requestedElements}</legend>
        {items.map((item) => (
          <div key={item.key} className="checkbox-field element-item">
            <input
              id={`${id}-${item.key}`}
              type="checkbox"
              checked={chosen.has(item.key)}
              onChange={(event) => toggle(item.key, event.target.checked)}
              data-element={item.identifier}
            />
            <label htmlFor={`${id}-${item.key}`}>
              {elementName(item.typeId, item.identifier, locale)}
              {item.intentToRetain ? <span className="retain"> ({t.willRetain})</span> : null}
            </label>
          </div>
        ))}
        <p className="muted small" aria-live="polite">
          {t.elementsChosen(items.filter((item) => chosen.has(item.key)).length, items.length)}
        </p>
      </fieldset>
      {empty ? (
        <p className="field-error" role="alert">
          {t.nothingChosen}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={!allowed || busy}
          onClick={approveSelected}
          data-testid="approve-selected"
        >
          {busy ? t.sending : t.approveSelected}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={!allowed || busy}
          onClick={() => onApprove(items.map((item) => item.key))}
          data-testid="approve-all"
        >
          {t.approveAll}
        </button>
        <button type="button" className="button-danger" disabled={busy} onClick={onDecline} data-testid="decline">
          {t.decline}
        </button>
      </div>
    </div>
  );
}
