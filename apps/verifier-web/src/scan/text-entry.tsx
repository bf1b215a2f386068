import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslator } from '../i18n/locale-context.js';

export interface TextEntryProps {
  readonly onScan: (text: string) => void;
}

/**
 * The input USB and Bluetooth QR scanners type into: they "type" the code's text and press
 * Enter. The field keeps the focus after each code, and a keystroke that lands on no control
 * (the clerk clicked elsewhere) is sent to it, so the next scan is never lost.
 */
export function TextEntry({ onScan }: TextEntryProps) {
  const { t } = useTranslator();
  const [value, setValue] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      const onNothing = target === document.body || target === document.documentElement || target === null;
      if (!onNothing || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value;
    setValue('');
    if (text.trim().length > 0) onScan(text);
    inputRef.current?.focus();
  };

  return (
    <form className="text-entry" onSubmit={submit}>
      <label htmlFor="qr-text">{t('scan.text.label')}</label>
      <div className="row">
        <input
          ref={inputRef}
          id="qr-text"
          type="text"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby="qr-text-hint"
          // A counter's main input: the scanner types here as soon as the app opens.
          // biome-ignore lint/a11y/noAutofocus: the scanner input must have focus for keyboard-wedge scanners
          autoFocus
        />
        <button type="submit" id="qr-text-submit">
          {t('scan.text.submit')}
        </button>
      </div>
      <p id="qr-text-hint" className="hint">
        {t('scan.text.hint')}
      </p>
    </form>
  );
}
