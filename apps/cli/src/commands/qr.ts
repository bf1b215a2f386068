import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../cli-error.js';
import { readText } from '../io.js';
import { type QrImageFormat, qrVersionOf, renderQr } from '../qr-image.js';

export const QR_HELP = `zz qr — render text (for example a ZZ1: presentation) as a QR code image

Usage: zz qr <text | file | -> --out <file.png | file.svg> [--ecl L|M|Q|H] [--scale N]

  <text | file | ->  the text itself, a file holding it, or - for standard input
  --out              output file; the format follows the extension (.png or .svg)
  --ecl              error correction level (default M)
  --scale            pixels per module for PNG (default 6)
`;

export async function qrCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      ecl: { type: 'string', default: 'M' },
      scale: { type: 'string', default: '6' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(QR_HELP);
    return 0;
  }
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new UsageError('give exactly one text, file or -');
  if (!values.out) throw new UsageError('--out is required');
  const format = formatOf(values.out);
  const ecl = values.ecl?.toUpperCase();
  if (ecl !== 'L' && ecl !== 'M' && ecl !== 'Q' && ecl !== 'H') throw new UsageError('--ecl must be L, M, Q or H');
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 40) throw new UsageError('--scale must be an integer 1–40');
  const text = source === '-' || existsSync(source) ? readText(source).trim() : source;
  const image = await renderQr(text, { format, errorCorrection: ecl, scale });
  writeFileSync(values.out, image);
  process.stderr.write(
    `wrote ${values.out} (QR version ${qrVersionOf(text, ecl)}, level ${ecl}, ${text.length} characters)\n`,
  );
  return 0;
}

function formatOf(path: string): QrImageFormat {
  if (path.endsWith('.png')) return 'png';
  if (path.endsWith('.svg')) return 'svg';
  throw new UsageError('--out must end in .png or .svg');
}
