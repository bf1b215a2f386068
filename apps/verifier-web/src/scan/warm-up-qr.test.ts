import { describe, expect, it } from 'vitest';
import { decodePixels } from './jsqr.js';
import { WARM_UP_TEXT, warmUpPixels } from './warm-up-qr.js';

describe('the decoder warm-up code', () => {
  it('is a real QR code of WARM_UP_TEXT that jsqr reads', () => {
    const { pixels, width, height } = warmUpPixels();
    expect(pixels.length).toBe(width * height * 4);
    expect(decodePixels(pixels, width, height, 'dontInvert')).toBe(WARM_UP_TEXT);
  });

  it('decodePixels answers undefined for no code and for wrong sizes instead of throwing', () => {
    expect(decodePixels(new Uint8ClampedArray(64 * 48 * 4).fill(255), 64, 48, 'attemptBoth')).toBeUndefined();
    expect(decodePixels(new Uint8ClampedArray(10), 64, 48, 'dontInvert')).toBeUndefined();
  });
});
