import QRCode from 'qrcode';

/**
 * The QR code of a wallet link as an SVG `data:` URL (for `<img src>`, allowed by the page's
 * `img-src data:`), error correction M, a quiet zone of 4 modules (ISO/IEC 18004 §6.3.8).
 */
export async function renderQrCode(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
