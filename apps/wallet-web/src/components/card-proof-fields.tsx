import { useI18n } from '../i18n/i18n-context.js';
import { normaliseActivationCode, normaliseCardNumber } from './activation-input.js';

export interface CardProofFieldsProps {
  /** Prefix of the inputs' ids (a `useId()` of the form). */
  readonly id: string;
  readonly cardNumber: string;
  readonly code: string;
  readonly onCardNumber: (value: string) => void;
  readonly onCode: (value: string) => void;
  /** Id of the form's error message, when one is shown. */
  readonly errorId?: string;
  /** The code field is the one at fault (a wrong or expired activation code). */
  readonly codeInvalid?: boolean;
}

/**
 * The holder's proof of the card — card number and the clerk's one-time activation code — as
 * the activation form and the lost-phone report both ask for it: labelled, normalised as typed
 * (the registry's upper-case card numbers, eight digits), large-text friendly.
 */
export function CardProofFields(props: CardProofFieldsProps) {
  const { t } = useI18n();
  const { id, errorId } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-card`}>{t.cardNumberLabel}</label>
        <input
          id={`${id}-card`}
          name="card_number"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={64}
          value={props.cardNumber}
          onChange={(event) => props.onCardNumber(normaliseCardNumber(event.target.value))}
          aria-describedby={errorId}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t.activationCodeLabel}</label>
        <p id={`${id}-code-hint`} className="field-hint">
          {t.activationCodeHint}
        </p>
        <input
          id={`${id}-code`}
          name="activation_code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{8}"
          maxLength={8}
          value={props.code}
          onChange={(event) => props.onCode(normaliseActivationCode(event.target.value))}
          aria-describedby={`${id}-code-hint${errorId ? ` ${errorId}` : ''}`}
          aria-invalid={props.codeInvalid ? true : undefined}
          className="pin-input"
          required
        />
      </div>
    </>
  );
}
