import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';

/** Characters of the QR alphanumeric mode (ISO/IEC 18004 §7.4.4): `ZZ1:` + base45 fits it. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;
const QUIET_ZONE = 4;

export interface QrCanvasProps {
  readonly text: string;
  /** The accessible name (what the code is, how long it lasts). */
  readonly label: string;
  readonly testId?: string;
  /** Called after the code is on the canvas (for timing the presentation). */
  readonly onDrawn?: () => void;
}

/**
 * Draws `text` as a QR code on a canvas: black modules on white with the 4-module quiet zone,
 * whole device pixels per module (no blur), alphanumeric mode when the text allows it (a `ZZ1:`
 * code is ~30% smaller than in byte mode), error correction M. The canvas carries the text in
 * `data-qr-text` for tests, which must still decode the pixels to check that the two agree.
 */
export function QrCanvas({ text, label, testId, onDrawn }: QrCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const code = QRCode.create(ALPHANUMERIC.test(text) ? [{ data: text, mode: 'alphanumeric' }] : text, {
      errorCorrectionLevel: 'M',
    });
    const size = code.modules.size;
    const total = size + 2 * QUIET_ZONE;
    const cssWidth = Math.min(element.parentElement?.clientWidth || 320, 420);
    const scale = Math.max(2, Math.floor((cssWidth * (window.devicePixelRatio || 1)) / total));
    element.width = total * scale;
    element.height = total * scale;
    const context = element.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, element.width, element.height);
    context.fillStyle = '#000000';
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (code.modules.get(row, col)) {
          context.fillRect((col + QUIET_ZONE) * scale, (row + QUIET_ZONE) * scale, scale, scale);
        }
      }
    }
    drawn.current?.();
  }, [text]);
  return (
    <canvas ref={canvas} className="qr-canvas" role="img" aria-label={label} data-qr-text={text} data-testid={testId} />
  );
}
