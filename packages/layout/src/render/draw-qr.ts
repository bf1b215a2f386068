import { ZzError } from '@zhengzhao/core';
import {
  beginMarkedContent,
  endMarkedContent,
  fill,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
} from 'pdf-lib';
import QRCode from 'qrcode';

/** Marked-content tag around the QR squares, so a validator can find and read them again. */
export const QR_MARKED_CONTENT_TAG = 'ZZQR';

/** The module matrix of a QR code for `text`: level M, or L when M cannot hold it (ISO/IEC 18004). */
export function qrMatrix(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  for (const errorCorrectionLevel of ['M', 'L'] as const) {
    try {
      const { modules } = QRCode.create(text, { errorCorrectionLevel });
      return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
    } catch {
      // too long for this level: try the next one
    }
  }
  throw new ZzError('ERR_INPUT_TOO_LARGE', 'The credential is too long for one QR code');
}

/**
 * Draws the QR code of `text` as vector squares (one `re` per horizontal run of dark modules,
 * filled at once) with its bottom-left corner at (x, y) and `size` points wide, quiet zone
 * included (4 modules, ISO/IEC 18004 §9.1). The block is wrapped in `/ZZQR BMC … EMC`.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(text);
  const modules = matrix.size + 8;
  const unit = size / modules;
  const ops = [beginMarkedContent(QR_MARKED_CONTENT_TAG), pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      const top = y + size - (row + 4) * unit;
      ops.push(rectangle(round(x + (start + 4) * unit), round(top - unit), round((col - start) * unit), round(unit)));
    }
  }
  ops.push(fill(), popGraphicsState(), endMarkedContent());
  page.pushOperators(...ops);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
