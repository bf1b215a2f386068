import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

export interface ScreenProps {
  readonly title: string;
  /** Shown as a back button before the title. */
  readonly onBack?: () => void;
  /** Extra controls on the right of the title bar. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
}

/**
 * One screen: a heading that receives focus when the screen opens (so a screen-reader user hears
 * where they are, and Tab starts from the top), then the content.
 */
export function Screen({ title, onBack, actions, children, testId }: ScreenProps) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="screen" aria-labelledby="screen-title" data-testid={testId}>
      <header className="screen-header">
        {onBack ? (
          <button type="button" className="button-back" onClick={onBack}>
            <span aria-hidden="true">‹ </span>
            {t.back}
          </button>
        ) : null}
        <h1 id="screen-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="screen-actions">{actions}</div> : null}
      </header>
      <div className="screen-body">{children}</div>
    </section>
  );
}
