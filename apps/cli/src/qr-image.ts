import { ZzError } from '@zhengzhao/core';
import jpeg from 'jpeg-js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { isJpeg, isPng } from './image-kind.js';

// jsqr is CommonJS with an `exports.default`: under NodeNext the default import is the module object.
const jsQR = jsQRModule.default;

export { isJpeg, isPng };

/** Maximum decoded image size (pixels) accepted, against decompression bombs in images. */
const MAX_PIXELS = 40_000_000;

/**
 * Finds a QR code in a PNG or JPEG and returns its bytes exactly (jsQR's `binaryData`, not its
 * text, which would mangle binary content). Throws ERR_QR_IMAGE_UNREADABLE when there is none.
 */
export function decodeQrImage(bytes: Uint8Array): Uint8Array {
  let width: number;
  let height: number;
  let rgba: Uint8ClampedArray;
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      ({ width, height } = png);
      rgba = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    } else if (isJpeg(bytes)) {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        maxResolutionInMP: MAX_PIXELS / 1e6,
        maxMemoryUsageInMB: 512,
      });
      ({ width, height } = image);
      rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    } else {
      throw new ZzError('ERR_QR_IMAGE_UNREADABLE', 'Image is neither PNG nor JPEG');
    }
  } catch (error) {
    if (error instanceof ZzError) throw error;
    throw new ZzError('ERR_QR_IMAGE_UNREADABLE', 'Image could not be decoded', { cause: error });
  }
  if (width * height > MAX_PIXELS) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Image has too many pixels');
  const code = jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' });
  if (!code) throw new ZzError('ERR_QR_IMAGE_UNREADABLE', 'No QR code found in the image');
  return Uint8Array.from(code.binaryData);
}

export type QrImageFormat = 'png' | 'svg';

export interface RenderQrOptions {
  readonly format: QrImageFormat;
  /** Error correction level; M by default (the EU DCC recommends Q for printed codes). */
  readonly errorCorrection?: 'L' | 'M' | 'Q' | 'H';
  /** Pixels per module for PNG. */
  readonly scale?: number;
}

/**
 * Renders text as a QR code. `ZZ1:` payloads are base45, which is exactly the QR alphanumeric
 * alphabet, so `qrcode` encodes them in the compact alphanumeric mode.
 */
export async function renderQr(text: string, options: RenderQrOptions): Promise<Uint8Array> {
  const common = { errorCorrectionLevel: options.errorCorrection ?? 'M', margin: 4 } as const;
  if (options.format === 'svg') {
    return new TextEncoder().encode(await QRCode.toString(text, { ...common, type: 'svg' }));
  }
  const buffer = await QRCode.toBuffer(text, { ...common, type: 'png', scale: options.scale ?? 6 });
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The QR version (1–40) `text` needs at the given level. */
export function qrVersionOf(text: string, errorCorrection: 'L' | 'M' | 'Q' | 'H' = 'M'): number {
  return QRCode.create(text, { errorCorrectionLevel: errorCorrection }).version;
}
