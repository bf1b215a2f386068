import { MAX_PORTRAIT_BYTES, ZzError } from '@zhengzhao/core';
import jpeg from 'jpeg-js';
import { createSeededRandom, mix32 } from './seeded-random.js';

/** Portrait size: 3:4 like an ID photo (358×441 px on the card, scaled down to fit 15 KB). */
export const PORTRAIT_WIDTH = 180;
export const PORTRAIT_HEIGHT = 240;
/** The generator's own ceiling, below the catalog's `MAX_PORTRAIT_BYTES` (16 KiB). */
export const MAX_GENERATED_PORTRAIT_BYTES = 15 * 1024;
const QUALITIES = [80, 65, 50, 35] as const;

type Rgb = readonly [number, number, number];

export interface PortraitSubject {
  /** `SyntheticCitizen.portraitSeed`: any unsigned 32-bit integer. */
  readonly portraitSeed: number;
  /** 1 male, 2 female: leans the hair style. */
  readonly sex: 1 | 2;
  /** "YYYY-MM-DD", optional: older people get greyer hair. */
  readonly birthDate?: string;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v | 0);
const mixRgb = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];
const shade = (c: Rgb, f: number): Rgb => [c[0] * f, c[1] * f, c[2] * f];
/** (x, y) inside the ellipse centred (cx, cy) with radii (rx, ry). */
const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean => {
  const dx = (x - cx) / rx;
  const dy = (y - cy) / ry;
  return dx * dx + dy * dy <= 1;
};

/**
 * Draws a simple synthetic face (background, shoulders, neck, ears, face, hair, brows, eyes,
 * nose, mouth, sometimes glasses) from seeded parameters and encodes it as a baseline JPEG of
 * at most 15 KB with `jpeg-js`. Same subject → same bytes; different seeds → different images.
 * Nothing here resembles a real person.
 */
export function generatePortrait(subject: PortraitSubject): Uint8Array {
  const { portraitSeed, sex } = subject;
  if (!Number.isInteger(portraitSeed) || portraitSeed < 0 || portraitSeed > 0xffffffff || (sex !== 1 && sex !== 2)) {
    throw new ZzError('ERR_INPUT_INVALID', 'portrait subject needs a uint32 portraitSeed and a sex of 1 or 2');
  }
  const r = createSeededRandom(portraitSeed, mix32(portraitSeed ^ 0x51ed270b), sex, 0x2545f491);
  const W = PORTRAIT_WIDTH;
  const H = PORTRAIT_HEIGHT;
  const age = subject.birthDate ? 2026 - Number(subject.birthDate.slice(0, 4)) : 40;

  const bgTop: Rgb = r
    .pick<Rgb>([
      [236, 240, 246],
      [205, 225, 245],
      [250, 250, 250],
      [215, 235, 225],
      [240, 228, 215],
    ])
    .map((c) => c - r.nextInt(20)) as unknown as Rgb;
  const bgBottom = shade(bgTop, 0.85 + r.nextFloat() * 0.1);
  const skin = mixRgb([248, 222, 196], [176, 126, 92], r.nextFloat() * 0.6);
  const skinShadow = shade(skin, 0.88);
  const grey = Math.max(0, Math.min(1, (age - 45) / 40)) * r.nextFloat();
  const hair = mixRgb(
    r.pick<Rgb>([
      [20, 16, 14],
      [45, 30, 22],
      [70, 48, 32],
      [30, 26, 30],
    ]),
    [200, 200, 200],
    grey,
  );
  const cloth: Rgb = [r.nextInt(200), r.nextInt(200), r.nextInt(200)];
  const iris: Rgb = r.pick<Rgb>([
    [40, 26, 18],
    [60, 40, 25],
    [25, 20, 20],
  ]);
  const lips = mixRgb(skin, [190, 80, 80], 0.35 + r.nextFloat() * 0.3);

  const cx = W / 2 + r.nextRange(-5, 5);
  const cy = H * (0.42 + r.nextFloat() * 0.04);
  const frx = W * (0.22 + r.nextFloat() * 0.06);
  const fry = H * (0.2 + r.nextFloat() * 0.05);
  const style = sex === 2 ? r.pick([1, 1, 2, 0]) : r.pick([0, 0, 0, 3, 2]);
  const hairTop = cy - fry * (1.1 + r.nextFloat() * 0.15);
  const hairline = cy - fry * (0.45 + r.nextFloat() * 0.2 + (style === 3 ? 0.25 : 0));
  const eyeY = cy - fry * (0.05 + r.nextFloat() * 0.1);
  const eyeDx = frx * (0.36 + r.nextFloat() * 0.1);
  const eyeRx = frx * (0.13 + r.nextFloat() * 0.05);
  const eyeRy = eyeRx * (0.45 + r.nextFloat() * 0.2);
  const browY = eyeY - eyeRy - fry * (0.1 + r.nextFloat() * 0.06);
  const browH = 1.5 + r.nextFloat() * 2.5;
  const mouthY = cy + fry * (0.45 + r.nextFloat() * 0.1);
  const mouthRx = frx * (0.25 + r.nextFloat() * 0.15);
  const mouthRy = 2 + r.nextFloat() * 3;
  const noseLen = fry * (0.25 + r.nextFloat() * 0.1);
  const glasses = r.chance(0.15);
  const shoulderRx = W * (0.5 + r.nextFloat() * 0.12);

  const rgba = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    const bg = mixRgb(bgTop, bgBottom, y / H);
    for (let x = 0; x < W; x++) {
      let c: Rgb = bg;
      if (inEllipse(x, y, cx, H * 1.05, shoulderRx, H * 0.3)) c = cloth;
      else if (x > cx - frx * 0.45 && x < cx + frx * 0.45 && y > cy && y < H * 0.85) c = skinShadow;
      if (
        (style === 1 || style === 2) &&
        inEllipse(x, y, cx, cy + (style === 1 ? fry * 0.5 : 0), frx * 1.3, fry * (style === 1 ? 1.6 : 1.2))
      ) {
        if (style === 2 || y < H * 0.8) c = hair;
      }
      if (
        inEllipse(x, y, cx - frx, cy, frx * 0.16, fry * 0.22) ||
        inEllipse(x, y, cx + frx, cy, frx * 0.16, fry * 0.22)
      )
        c = skinShadow;
      const inFace = inEllipse(x, y, cx, cy, frx, fry);
      if (inFace) c = skin;
      if (
        inEllipse(x, y, cx, cy - fry * 0.1, frx * 1.08, fry * 1.05) &&
        y >= hairTop &&
        (y < hairline || (!inFace && y < cy))
      ) {
        c = hair;
      }
      if (inFace) {
        if (y > browY && y < browY + browH && Math.abs(Math.abs(x - cx) - eyeDx) < eyeRx * 1.2) c = hair;
        for (const ex of [cx - eyeDx, cx + eyeDx]) {
          if (inEllipse(x, y, ex, eyeY, eyeRx, eyeRy))
            c = inEllipse(x, y, ex, eyeY, eyeRy * 0.9, eyeRy * 0.9) ? iris : [245, 245, 240];
          if (glasses) {
            const d = Math.hypot(x - ex, y - eyeY);
            if (d > eyeRx * 1.55 && d < eyeRx * 1.55 + 1.6) c = [30, 30, 30];
          }
        }
        if (Math.abs(x - cx) < 1.5 + (y - eyeY) / noseLen && y > eyeY + eyeRy && y < eyeY + eyeRy + noseLen)
          c = skinShadow;
        if (inEllipse(x, y, cx, mouthY, mouthRx, mouthRy)) c = lips;
      }
      const o = (y * W + x) * 4;
      rgba[o] = clamp(c[0]);
      rgba[o + 1] = clamp(c[1]);
      rgba[o + 2] = clamp(c[2]);
      rgba[o + 3] = 255;
    }
  }
  for (const quality of QUALITIES) {
    const encoded = jpeg.encode({ data: rgba, width: W, height: H }, quality).data;
    if (encoded.length <= MAX_GENERATED_PORTRAIT_BYTES && encoded.length <= MAX_PORTRAIT_BYTES) {
      return new Uint8Array(encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.length));
    }
  }
  throw new ZzError('ERR_INPUT_TOO_LARGE', 'portrait does not fit the size limit');
}
