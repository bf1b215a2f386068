import type { Messages } from '../i18n/messages.js';

/** The shortest PIN the wallet accepts. */
export const MIN_PIN_LENGTH = 6;

/** What is wrong with a new PIN and its repetition, or undefined when it may be used. */
export function checkNewPin(pin: string, repeat: string, t: Messages): { pin?: string; repeat?: string } {
  if (!/^[0-9]*$/.test(pin)) return { pin: t.pinDigitsOnly };
  if (pin.length < MIN_PIN_LENGTH) return { pin: t.pinTooShort };
  if (/^(\d)\1+$/.test(pin) || '01234567890'.includes(pin) || '09876543210'.includes(pin)) return { pin: t.pinWeak };
  if (pin !== repeat) return { repeat: t.pinMismatch };
  return {};
}
