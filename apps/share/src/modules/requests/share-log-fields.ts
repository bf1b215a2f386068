/** A holder reference of the log when a refused call named no known holder. */
export const NO_HOLDER = new Uint8Array(32);
/** A log field the refused call never got to (the log has no empty fields). */
export const UNKNOWN = '-';

/** The holder's 32-byte log reference from its stored base64url form. */
export function logRefOf(base64url: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64url, 'base64url'));
}
