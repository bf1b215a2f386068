/**
 * The QR decoding worker: jsqr on RGBA pixels sent by `createQrDecoder`, so that decoding a
 * camera frame (tens to hundreds of milliseconds) never blocks the page while it verifies and
 * draws the verdict.
 */
import { decodePixels, type Inversion } from './jsqr.js';

export interface DecodeRequest {
  readonly id: number;
  readonly pixels: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  readonly inversion: Inversion;
}

export interface DecodeResponse {
  readonly id: number;
  readonly text?: string;
}

/** The dedicated worker scope, typed by hand (the project compiles with the DOM library only). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse): void;
};

scope.onmessage = (event) => {
  const { id, pixels, width, height, inversion } = event.data;
  const text = decodePixels(pixels, width, height, inversion);
  scope.postMessage(text === undefined ? { id } : { id, text });
};
