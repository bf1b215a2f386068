import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

type Announce = (message: string, politeness?: 'polite' | 'assertive') => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

/**
 * One pair of ARIA live regions for the whole app (WAI-ARIA 1.2 §6.6 `aria-live`): status changes
 * — unlocked, card stored, QR renewed, request received — are spoken by screen readers without
 * moving focus. The same text is re-announced by clearing the region first.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    set('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => set(message), 50);
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announce">
        {polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true">
        {assertive}
      </div>
    </AnnouncerContext.Provider>
  );
}

/** `announce(text)` speaks a status change through the live region. */
export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
