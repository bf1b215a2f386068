import jsQRModule from 'jsqr';
import { decodePDFRawStream, PDFArray, type PDFDocument, PDFRawStream } from 'pdf-lib';
import { latin1 } from '../pdf/pdf-bytes.js';
import { QR_MARKED_CONTENT_TAG, qrMatrix } from '../render/draw-qr.js';

// jsqr is CommonJS with an `exports.default`: under NodeNext the default import is the module object.
const jsQR = jsQRModule.default;

const RECTANGLE = /(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+re\b/g;
const PIXELS_PER_MODULE = 4;
const MAX_MODULES = 177;

/**
 * Reads back the QR code drawn on page 1: the `re` squares inside `/ZZQR BMC … EMC` give the
 * module grid. When it is exactly the grid this package draws for `expected`, the QR holds
 * `expected`; otherwise the grid is rasterised (4 px per module, quiet zone) and decoded with
 * jsQR (ISO/IEC 18004). `present` is false when page 1 has no such block; `text` is absent when
 * the block does not decode.
 */
export function readDrawnQr(
  document: PDFDocument,
  expected: string,
): { readonly present: boolean; readonly text?: string } {
  const page = document.getPages()[0];
  const contents = page?.node.Contents();
  if (!contents) return { present: false };
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
  const text = streams
    .map((stream) => (stream instanceof PDFRawStream ? latin1(decodePDFRawStream(stream).decode()) : ''))
    .join('\n');
  const start = text.indexOf(`/${QR_MARKED_CONTENT_TAG} BMC`);
  const end = start < 0 ? -1 : text.indexOf('EMC', start);
  if (end < 0) return { present: false };
  const grid = moduleGrid(text.slice(start, end));
  if (!grid) return { present: true };
  if (sameGrid(grid, expected)) return { present: true, text: expected };
  const decoded = decodeGrid(grid);
  return decoded === undefined ? { present: true } : { present: true, text: decoded };
}

/** The dark modules of the drawn squares, row 0 at the top; undefined when they form no QR grid. */
function moduleGrid(block: string): boolean[][] | undefined {
  const rects = [...block.matchAll(RECTANGLE)].map(
    (m) => m.slice(1, 5).map(Number) as [number, number, number, number],
  );
  if (rects.length === 0) return undefined;
  const unit = Math.min(...rects.map((r) => r[3]));
  const left = Math.min(...rects.map((r) => r[0]));
  const bottom = Math.min(...rects.map((r) => r[1]));
  const top = Math.max(...rects.map((r) => r[1] + r[3]));
  const size = Math.round((top - bottom) / unit);
  if (!(unit > 0) || size < 21 || size > MAX_MODULES) return undefined;
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const [x, y, w, h] of rects) {
    const col0 = Math.round((x - left) / unit);
    const row0 = Math.round((top - y - h) / unit);
    for (let row = row0; row < row0 + Math.round(h / unit) && row < size; row++) {
      for (let col = col0; col < col0 + Math.round(w / unit) && col < size; col++) (grid[row] as boolean[])[col] = true;
    }
  }
  return grid;
}

function sameGrid(grid: boolean[][], expected: string): boolean {
  try {
    const matrix = qrMatrix(expected);
    if (matrix.size !== grid.length) return false;
    return grid.every((row, r) => row.every((dark, c) => dark === matrix.dark(r, c)));
  } catch {
    return false;
  }
}

function decodeGrid(grid: boolean[][]): string | undefined {
  const size = (grid.length + 8) * PIXELS_PER_MODULE;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  grid.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let py = (r + 4) * PIXELS_PER_MODULE; py < (r + 5) * PIXELS_PER_MODULE; py++) {
        for (let px = (c + 4) * PIXELS_PER_MODULE; px < (c + 5) * PIXELS_PER_MODULE; px++) {
          const i = (py * size + px) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
      }
    });
  });
  const code = jsQR(rgba, size, size, { inversionAttempts: 'dontInvert' });
  return code ? new TextDecoder().decode(Uint8Array.from(code.binaryData)) : undefined;
}
