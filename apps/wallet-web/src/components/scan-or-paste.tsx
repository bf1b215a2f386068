import { lazy, Suspense, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useAnnounce } from './announcer.js';

const QrScanner = lazy(() => import('./qr-scanner.js'));

export interface ScanOrPasteProps {
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly name: string;
}

/** A text area for a pasted link, and a camera button that fills it from a QR code. */
export function ScanOrPaste(props: ScanOrPasteProps) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const id = useId();
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string>();
  const error = props.error ?? cameraError;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={3}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value.trim())}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button-secondary"
        aria-pressed={scanning}
        onClick={() => {
          setCameraError(undefined);
          setScanning((value) => !value);
        }}
      >
        {scanning ? t.stopCamera : t.scanWithCamera}
      </button>
      {scanning ? (
        <Suspense fallback={<p>{t.loading}</p>}>
          <QrScanner
            onResult={(text) => {
              setScanning(false);
              props.onChange(text.trim());
              announce(t.scanned);
            }}
            onError={(message) => {
              setScanning(false);
              setCameraError(message);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
