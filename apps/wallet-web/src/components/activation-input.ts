/**
 * What the holder types in the activation form, made into the shapes the issuer expects while
 * they type: full-width characters from a Chinese input method become ASCII (NFKC), white space
 * and separators go. The registry prints card numbers in upper case (`44C3F9A0B1C2D3E4F5`), so a
 * card number is upper-cased; the activation code keeps its digits only (at most 8).
 */
export function normaliseCardNumber(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z-]/g, '')
    .slice(0, 64);
}

export function normaliseActivationCode(value: string): string {
  return value.normalize('NFKC').replace(/\D/g, '').slice(0, 8);
}

/** True when the form may be sent: a card number, 8 digits and an issuer address. */
export function activationReady(input: { cardNumber: string; activationCode: string; issuerUrl: string }): boolean {
  return input.cardNumber.length > 0 && /^\d{8}$/.test(input.activationCode) && input.issuerUrl.length > 0;
}
