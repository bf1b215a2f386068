import { ZzError } from '@zhengzhao/core';
import jpeg from 'jpeg-js';

/** Thumbnail size: a 3:4 passport crop, enough to compare a face at the counter. */
const WIDTH = 60;
const HEIGHT = 80;
/** Leaves room below the catalog's 2 KiB so the paper QR stays within version 40 at level M (ADR 0010). */
const MAX_BYTES = 1_800;
/** Largest portrait decoded here (the catalog bounds portraits at 64 KiB). */
const MAX_INPUT_BYTES = 64 * 1024;

/**
 * The `portrait_thumb` element derived from the portrait (DESIGN.md: derived by the issuer): the
 * portrait decoded, box-averaged down to 60 × 80 and encoded as a baseline JPEG, lowering the
 * quality until it fits 1,800 bytes. A portrait that does not decode is `ERR_LAYOUT_PORTRAIT_INVALID`.
 */
export function portraitThumbnail(portrait: Uint8Array): Uint8Array {
  if (portrait.length > MAX_INPUT_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The portrait is too large');
  let image: { width: number; height: number; data: Uint8Array };
  try {
    image = jpeg.decode(portrait, { useTArray: true, maxResolutionInMP: 4, maxMemoryUsageInMB: 64 });
  } catch (error) {
    throw new ZzError('ERR_LAYOUT_PORTRAIT_INVALID', 'The portrait does not decode as a JPEG', { cause: error });
  }
  const out = new Uint8Array(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++) {
    const y0 = Math.floor((y * image.height) / HEIGHT);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / HEIGHT));
    for (let x = 0; x < WIDTH; x++) {
      const x0 = Math.floor((x * image.width) / WIDTH);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / WIDTH));
      let [r, g, b] = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * image.width + sx) * 4;
          r += image.data[i] ?? 0;
          g += image.data[i + 1] ?? 0;
          b += image.data[i + 2] ?? 0;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      out.set([r / n, g / n, b / n, 255], (y * WIDTH + x) * 4);
    }
  }
  for (let quality = 60; quality >= 10; quality -= 10) {
    const encoded = jpeg.encode({ data: out, width: WIDTH, height: HEIGHT }, quality).data;
    if (encoded.length <= MAX_BYTES) return new Uint8Array(encoded);
  }
  throw new ZzError('ERR_LAYOUT_PORTRAIT_INVALID', 'The portrait does not make a small enough thumbnail');
}
