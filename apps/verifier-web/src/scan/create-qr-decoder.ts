import { decodePixels, type Inversion } from './jsqr.js';
import type { DecodeRequest, DecodeResponse } from './qr-decode-worker.js';
import { warmUpPixels } from './warm-up-qr.js';

/** The Shape Detection API's BarcodeDetector (WICG), which lib.dom does not type yet. */
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<{ readonly rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

export interface DecodeOptions {
  /** Longest side the picture is scaled down to before jsqr (its time grows with the area). */
  readonly maxSide: number;
  /** Live frames: `dontInvert`; uploaded images may be light-on-dark screenshots: `attemptBoth`. */
  readonly inversion: Inversion;
}

export interface QrDecoder {
  /** The text of a QR code in the picture (a video frame, an image), or undefined. */
  decode(
    source: CanvasImageSource & ImageBitmapSource,
    width: number,
    height: number,
    options: DecodeOptions,
  ): Promise<string | undefined>;
}

async function nativeDetector(): Promise<BarcodeDetectorLike | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (typeof Detector !== 'function') return undefined;
  try {
    const formats = await Detector.getSupportedFormats();
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : undefined;
  } catch {
    return undefined;
  }
}

/** jsqr in a worker (off the page's thread); undefined when workers are unavailable. */
function workerDecoder(): ((request: Omit<DecodeRequest, 'id'>) => Promise<string | undefined>) | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./qr-decode-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  let next = 0;
  const pending = new Map<number, (text: string | undefined) => void>();
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    pending.get(event.data.id)?.(event.data.text);
    pending.delete(event.data.id);
  };
  worker.onerror = () => {
    for (const resolve of pending.values()) resolve(undefined);
    pending.clear();
  };
  return (request) =>
    new Promise((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      worker.postMessage({ ...request, id } satisfies DecodeRequest, [request.pixels.buffer]);
    });
}

/**
 * The app's QR decoder: the browser's BarcodeDetector when it reads QR codes (Android, macOS,
 * ChromeOS), else jsqr in a worker (else on the page, if workers are refused). The picture is
 * drawn into a reused canvas, scaled to at most `maxSide`, and its pixels are handed over. The
 * worker decodes a warm-up code a few times at start, so the first real frame meets compiled code.
 */
export function createQrDecoder(): QrDecoder {
  const native = nativeDetector();
  const inWorker = workerDecoder();
  const run =
    inWorker ??
    (async (request: Omit<DecodeRequest, 'id'>) =>
      decodePixels(request.pixels, request.width, request.height, request.inversion));
  void native.then(async (detector) => {
    if (detector) return;
    for (let i = 0; i < WARM_UP_ROUNDS; i++) await run({ ...warmUpPixels(), inversion: 'dontInvert' });
  });
  let canvas: HTMLCanvasElement | OffscreenCanvas | undefined;
  let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;

  return {
    async decode(source, width, height, options) {
      if (width === 0 || height === 0) return undefined;
      const detector = await native;
      if (detector) return (await detector.detect(source))[0]?.rawValue;
      const scale = Math.min(1, options.maxSide / Math.max(width, height));
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      if (!canvas) {
        canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : document.createElement('canvas');
        context = canvas.getContext('2d', { willReadFrequently: true }) as typeof context;
      }
      if (!context) return undefined;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      context.drawImage(source, 0, 0, w, h);
      const { data } = context.getImageData(0, 0, w, h);
      return run({ pixels: data, width: w, height: h, inversion: options.inversion });
    },
  };
}

/** Decodes of the warm-up code at start (see warm-up-qr.ts). */
const WARM_UP_ROUNDS = 4;

let shared: QrDecoder | undefined;

/** One decoder (one worker) for the whole page. */
export function sharedQrDecoder(): QrDecoder {
  shared ??= createQrDecoder();
  return shared;
}
