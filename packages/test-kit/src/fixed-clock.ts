/** A clock frozen at one instant that tests move by hand (no `new Date()` in the code under test). */
export interface FixedClock {
  /** The current instant (a fresh Date each call, so callers cannot move the clock by mutation). */
  now(): Date;
  /** Moves the clock forward (or back, with a negative value) by `seconds`; returns the clock. */
  advance(seconds: number): FixedClock;
  /** Sets the clock to an RFC 3339 instant. */
  set(iso: string): void;
}

/** `fixedClock('2026-03-01T08:00:00Z')` — throws on an unparsable instant. */
export function fixedClock(iso: string): FixedClock {
  let ms = parseInstant(iso);
  const clock: FixedClock = {
    now: () => new Date(ms),
    advance(seconds) {
      ms += seconds * 1000;
      return clock;
    },
    set(next) {
      ms = parseInstant(next);
    },
  };
  return clock;
}

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`fixedClock: not an instant: ${iso}`);
  return ms;
}
