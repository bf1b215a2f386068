import jsQRModule from 'jsqr';

type JsQr = typeof jsQRModule.default;

/**
 * jsqr's decode function. jsqr is CommonJS with `exports.default`: TypeScript (NodeNext) types
 * the default import as the module object, while the bundler's interop hands over the function
 * itself. Accept both.
 */
export const jsQR: JsQr =
  typeof jsQRModule === 'function'
    ? (jsQRModule as unknown as JsQr)
    : (jsQRModule as unknown as { default: JsQr }).default;

/** jsqr's inversion attempts: `dontInvert` halves the time for live frames. */
export type Inversion = 'dontInvert' | 'attemptBoth';

/** The text of the QR code in RGBA pixels, or undefined. Never throws. */
export function decodePixels(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  inversion: Inversion,
): string | undefined {
  try {
    return jsQR(pixels, width, height, { inversionAttempts: inversion })?.data;
  } catch {
    return undefined;
  }
}
