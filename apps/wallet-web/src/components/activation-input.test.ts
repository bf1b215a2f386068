import { describe, expect, it } from 'vitest';
import { activationReady, normaliseActivationCode, normaliseCardNumber } from './activation-input.js';

describe('activation form input', () => {
  it('makes the card number the registry’s shape while typing', () => {
    expect(normaliseCardNumber('44c3 f9a0-b1c2')).toBe('44C3F9A0-B1C2');
    expect(normaliseCardNumber('４４Ｃ３Ｆ')).toBe('44C3F'); // full-width, from a Chinese IME
    expect(normaliseCardNumber(' 44C\t12?!/ ')).toBe('44C12');
    expect(normaliseCardNumber('A'.repeat(100))).toHaveLength(64);
    expect(normaliseCardNumber('张三')).toBe('');
  });

  it('keeps at most 8 digits of the activation code', () => {
    expect(normaliseActivationCode('1234 5678')).toBe('12345678');
    expect(normaliseActivationCode('１２３４５６７８')).toBe('12345678');
    expect(normaliseActivationCode('123456789')).toBe('12345678');
    expect(normaliseActivationCode('abc')).toBe('');
  });

  it('is ready only with a card number, 8 digits and an issuer', () => {
    const ok = { cardNumber: '44C1', activationCode: '12345678', issuerUrl: 'https://issuer.example.cn' };
    expect(activationReady(ok)).toBe(true);
    expect(activationReady({ ...ok, cardNumber: '' })).toBe(false);
    expect(activationReady({ ...ok, activationCode: '1234567' })).toBe(false);
    expect(activationReady({ ...ok, issuerUrl: '' })).toBe(false);
  });
});
