import { useId } from 'react';

export interface PinFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly error?: string;
  /** `new-password` when choosing a PIN, `current-password` when typing it. */
  readonly autoComplete: 'new-password' | 'current-password' | 'one-time-code' | 'off';
  readonly name: string;
  readonly autoFocus?: boolean;
  readonly maxLength?: number;
}

/** A numeric secret field with its label, hint and error wired for screen readers. */
export function PinField(props: PinFieldProps) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete={props.autoComplete}
        maxLength={props.maxLength ?? 32}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        // biome-ignore lint/a11y/noAutofocus: the PIN is the only thing to do on these screens
        autoFocus={props.autoFocus}
        onChange={(event) => props.onChange(event.target.value.replace(/\s/g, ''))}
        className="pin-input"
      />
      {props.error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
