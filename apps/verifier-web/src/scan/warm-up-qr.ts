/**
 * A version-5 QR code (level M, alphanumeric) of `WARM_UP_TEXT`, as module rows in hex (37
 * modules, left-aligned in 40 bits), made once with the `qrcode` package. jsqr runs several times
 * slower until the JavaScript engine has compiled its hot paths (≈ 0.5–1 s for the first
 * 640×480 frame, ≈ 30–100 ms later): decoding this code a few times in a camera-sized picture
 * when the decoder starts moves that cost away from the first holder's code.
 */
const ROWS = [
  'fef48ec3f8',
  '821b2d6208',
  'ba45ee0ae8',
  'bab1ea9ae8',
  'baa7d9eae8',
  '82952d8208',
  'feaaaaabf8',
  '00ea8f3000',
  '8bc8a4d7c8',
  'e85034a3d0',
  '1b33001d38',
  '35ad8e9c10',
  '4fa8534b48',
  'ecf134cb88',
  'ea20c33f18',
  '1542cf6a30',
  'a3bc3ad9a8',
  'd526afa180',
  'deac8f3038',
  'a45c5ba4b0',
  '6b0734e2f8',
  'a8f1649128',
  '5f2f2c1cd0',
  '0d3f872e50',
  'df9b93edb8',
  'f8a03cc100',
  '26454f6bc0',
  '0115cd2eb0',
  'de1e8e3f80',
  '00dd2bf8c8',
  'feb0c63ac8',
  '8207e7b8c0',
  'babd30bfb8',
  'ba6691f850',
  'ba68873530',
  '82720498b8',
  'feff494a08',
];
const SIZE = 37;

export const WARM_UP_TEXT = `ZZ1:WARM UP ${'0123456789'.repeat(10)}`;

/** True when module (row, col) is dark. */
function dark(row: number, col: number): boolean {
  const nibble = Number.parseInt(ROWS[row]?.charAt(col >> 2) ?? '0', 16);
  return ((nibble >> (3 - (col & 3))) & 1) === 1;
}

/** The warm-up code centred in a light 640×480 RGBA picture, 8 px per module. */
export function warmUpPixels(): { pixels: Uint8ClampedArray; width: number; height: number } {
  const width = 640;
  const height = 480;
  const scale = 8;
  const left = (width - SIZE * scale) / 2;
  const top = (height - SIZE * scale) / 2;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(235);
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      if (!dark(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = ((top + row * scale + y) * width + left + col * scale) * 4;
        pixels.fill(16, start, start + scale * 4);
      }
    }
  }
  return { pixels, width, height };
}
