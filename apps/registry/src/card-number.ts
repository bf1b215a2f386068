import { ZzError } from '@zhengzhao/core';
import { hex8 } from './uuid.js';

const HEX_UPPER: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).toUpperCase().padStart(2, '0'),
);

/**
 * The simulator's card-number format: the province code, "C", then 16 upper-case hexadecimal
 * digits (64 random bits), e.g. "44C3F9A0B1C2D3E4F5". The letter keeps it from ever being
 * mistaken for a citizen identity number.
 */
export const CARD_NUMBER_PATTERN = /^\d{2}C[0-9A-F]{16}$/;

/** A card number from a province code and eight random bytes. */
export function formatCardNumber(provinceCode: string, randomBytes: Uint8Array): string {
  if (!/^\d{2}$/.test(provinceCode) || !(randomBytes instanceof Uint8Array) || randomBytes.length !== 8) {
    throw new ZzError('ERR_INPUT_INVALID', 'a card number needs a province code and 8 random bytes');
  }
  let text = `${provinceCode}C`;
  for (const byte of randomBytes) text += HEX_UPPER[byte];
  return text;
}

/** `formatCardNumber` from two 32-bit words (the generator's hot path). */
export function cardNumberFromWords(provinceCode: string, high: number, low: number): string {
  return `${provinceCode}C${hex8(high, HEX_UPPER)}${hex8(low, HEX_UPPER)}`;
}
