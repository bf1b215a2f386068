import QRCode from 'qrcode';

/** A stretch of video: `frames` frames showing the QR code of `text`, or nothing. */
export interface VideoSegment {
  readonly text?: string;
  readonly frames: number;
  /** QR encoding mode (default alphanumeric, as ZZ1 codes; an `mdoc:` engagement needs byte). */
  readonly mode?: 'alphanumeric' | 'byte';
}

export interface QrVideoOptions {
  readonly width?: number;
  readonly height?: number;
  readonly framesPerSecond?: number;
}

/** The luma plane of one frame: the QR code of `text` centred, or an empty light frame. */
function lumaFrame(
  text: string | undefined,
  width: number,
  height: number,
  mode: 'alphanumeric' | 'byte' = 'alphanumeric',
): Buffer {
  const luma = Buffer.alloc(width * height, 235);
  if (text === undefined) return luma;
  const segment =
    mode === 'byte'
      ? { data: Buffer.from(text, 'utf8'), mode: 'byte' as const }
      : { data: text, mode: 'alphanumeric' as const };
  const qr = QRCode.create([segment], { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = Math.floor(Math.min(width, height) / (size + 8));
  if (scale < 2) throw new Error(`QR version ${qr.version} does not fit ${width}×${height} at 2 px per module`);
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + row * scale + y) * width + left + col * scale;
        luma.fill(16, start, start + scale);
      }
    }
  }
  return luma;
}

/**
 * A YUV4MPEG2 video (the format Chromium's `--use-file-for-fake-video-capture` reads, looped)
 * showing QR codes one after the other, drawn by hand from the `qrcode` package's module matrix:
 * no ffmpeg, no image codec. Codes are encoded in alphanumeric mode at level M, as the wallet
 * shows them, with the 4-module quiet zone (ISO/IEC 18004 §6.3.8); dark modules at luma 16 and
 * light at 235 (BT.601 video range); the chroma planes stay neutral (128).
 */
export function qrVideoY4m(segments: readonly VideoSegment[], options: QrVideoOptions = {}): Buffer {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const fps = options.framesPerSecond ?? 10;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frameHeader = Buffer.from('FRAME\n');
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const segment of segments) {
    const luma = lumaFrame(segment.text, width, height, segment.mode);
    for (let i = 0; i < segment.frames; i++) parts.push(frameHeader, luma, chroma);
  }
  return Buffer.concat(parts);
}
