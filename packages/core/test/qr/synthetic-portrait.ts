import jpeg from 'jpeg-js';

/**
 * A synthetic, face-like grayscale portrait (no real person): shaded oval face, hair, eyes,
 * brows, nose and mouth on a light gradient, encoded as a baseline JPEG with jpeg-js.
 * 96×120 at quality 35 is about 1.5 KB: enough for a clerk to compare a face at a counter.
 */
export function createSyntheticPortrait(width = 96, height = 120, quality = 35): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  const cx = width / 2;
  const cy = height * 0.48;
  const rx = width * 0.3;
  const ry = height * 0.33;
  const dark = (x: number, y: number, px: number, py: number, sx: number, sy: number): number =>
    Math.exp(-(((x - px) / sx) ** 2) - ((y - py) / sy) ** 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 215 - (y / height) * 40; // background gradient
      const face = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      if (face <= 1) v = 185 - 45 * face - 10 * ((x - cx) / rx); // shaded skin
      const hair = ((x - cx) / (rx * 1.12)) ** 2 + ((y - (cy - ry * 0.35)) / (ry * 0.85)) ** 2;
      if (hair <= 1 && (y < cy - ry * 0.45 || face > 1)) v = 45 + 20 * hair;
      if (y > cy + ry * 0.95) v = Math.abs(x - cx) < rx * 1.7 ? 70 : v; // shoulders
      const eyeY = cy - ry * 0.1;
      v -= 120 * (dark(x, y, cx - rx * 0.4, eyeY, 4, 2.5) + dark(x, y, cx + rx * 0.4, eyeY, 4, 2.5));
      v -= 70 * (dark(x, y, cx - rx * 0.4, eyeY - 7, 7, 1.5) + dark(x, y, cx + rx * 0.4, eyeY - 7, 7, 1.5));
      v -= 35 * dark(x, y, cx + 2, cy + ry * 0.25, 2.5, 8); // nose shadow
      v -= 80 * dark(x, y, cx, cy + ry * 0.55, 9, 2); // mouth
      const g = Math.max(0, Math.min(255, Math.round(v)));
      const i = (y * width + x) * 4;
      data[i] = g;
      data[i + 1] = g;
      data[i + 2] = g;
      data[i + 3] = 255;
    }
  }
  const encoded = jpeg.encode({ data, width, height }, quality);
  return new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
}
