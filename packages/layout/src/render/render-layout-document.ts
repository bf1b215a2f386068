import fontkit from '@pdf-lib/fontkit';
import { type ClaimValue, chinaDateOf, getCredentialType, validateClaims, ZzError } from '@zhengzhao/core';
import { AFRelationship, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { credentialAttachmentName } from './credential-attachment-name.js';
import { displayRows } from './display-rows.js';
import { drawQr } from './draw-qr.js';
import { loadCjkFont } from './load-cjk-font.js';

export interface RenderLayoutInput {
  /** Catalog credential type (`cn.gov.eid.1`): gives the title and the row labels. */
  readonly typeId: string;
  /** The licence's data, validated against the catalog; `portrait` (JPEG bytes) is drawn when present. */
  readonly claims: Readonly<Record<string, ClaimValue>>;
  /** The signed credential (a `ZZ1:` QR text, an SD-JWT VC…), opaque here: drawn as a QR and embedded. */
  readonly credential: string;
  readonly issuerName: string;
  /** The layout document's own number (版式文件编号). */
  readonly documentNumber: string;
  /** Printed as the issue date (China Standard Time). */
  readonly issuedAt: Date;
  /** The PDF's CreationDate and ModDate: a fixed input and `now` give the same bytes. */
  readonly now: Date;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const QR_SIZE = 210;
const QR_BOTTOM = 128;
const MAX_CREDENTIAL_LENGTH = 64 * 1024;
/** A fixed subset tag (ISO 32000-1 §9.6.4) instead of pdf-lib's random one: the output is deterministic. */
const FONT_NAME = 'ZZLAYT+NotoSansSC-Regular';
const GREY = rgb(0.35, 0.35, 0.35);
const FOOTER = [
  '本文件经电子签名。请使用证照校验工具（zz validate）核验签名、签发机构及证照状态；打印件请扫描二维码核验。',
  'This document is digitally signed. Validate its signature, issuer and credential status with a Zhengzhao validator (zz validate <file>); on paper, scan the QR code.',
];

/**
 * Renders a licence as a one-page A4 PDF (证照版式文件): title (zh-CN, English below), the display
 * rows with the catalog's names, the portrait, a QR code of `credential` drawn as vector squares,
 * issuer, document number, issue date and how to validate. `credential` is also embedded as a file
 * attachment (ISO 32000-1 §7.11.4, /AFRelationship /Data) so validators need not scan the QR.
 * Unsigned: pass the result to `signLayoutDocument`.
 */
export async function renderLayoutDocument(input: RenderLayoutInput): Promise<Uint8Array> {
  const type = getCredentialType(input.typeId);
  const claims = validateClaims(input.typeId, input.claims);
  if (typeof input.credential !== 'string' || input.credential.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'A credential string is required');
  }
  if (input.credential.length > MAX_CREDENTIAL_LENGTH)
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'Credential is too long');
  for (const field of [input.issuerName, input.documentNumber]) {
    if (typeof field !== 'string' || field.trim() === '' || field.length > 200) {
      throw new ZzError('ERR_INPUT_INVALID', 'issuerName and documentNumber must be text of 1 to 200 characters');
    }
  }
  for (const date of [input.now, input.issuedAt]) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw new ZzError('ERR_INPUT_INVALID', 'Dates must be valid');
  }

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(loadCjkFont(), { subset: true, customName: FONT_NAME });
  doc.setTitle(`${type.display['zh-CN']} ${type.display.en} ${input.documentNumber}`);
  doc.setProducer('Zhengzhao layout (@zhengzhao/layout)');
  doc.setCreator('Zhengzhao');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);

  const page = doc.addPage(A4);
  const [width, height] = A4;
  const text = (value: string, x: number, y: number, size: number, color = rgb(0, 0, 0)): void => {
    page.drawText(value, { x, y, size, font, color });
  };
  const centred = (value: string, y: number, size: number, color = rgb(0, 0, 0)) =>
    text(value, (width - font.widthOfTextAtSize(value, size)) / 2, y, size, color);

  centred(type.display['zh-CN'], height - 84, 26);
  centred(type.display.en, height - 106, 13, GREY);
  rule(page, height - 122, width);

  const portrait = claims.portrait;
  let valueRight = width - MARGIN;
  if (portrait instanceof Uint8Array) {
    let image: Awaited<ReturnType<typeof doc.embedJpg>>;
    try {
      image = await doc.embedJpg(portrait);
    } catch (error) {
      throw new ZzError('ERR_LAYOUT_PORTRAIT_INVALID', 'The portrait is not a JPEG image that can be laid out', {
        cause: error,
      });
    }
    const box = { w: 110, h: 138 };
    const scale = Math.min(box.w / image.width, box.h / image.height);
    const [w, h] = [image.width * scale, image.height * scale];
    page.drawImage(image, { x: width - MARGIN - w, y: height - 140 - h, width: w, height: h });
    valueRight -= box.w + 16;
  }

  const rows = displayRows(type, claims);
  const valueX = MARGIN + 150;
  const lines = rows.map((row) => wrap(font, row.value, 13, valueRight - valueX));
  const available = height - 140 - (QR_BOTTOM + QR_SIZE + 24);
  const lineCount = lines.reduce((sum, rowLines) => sum + Math.max(rowLines.length, 1.6), 0);
  const step = Math.min(20, available / lineCount);
  let y = height - 156;
  rows.forEach((row, i) => {
    const rowLines = lines[i] ?? [];
    text(row.label['zh-CN'], MARGIN, y, 12);
    text(row.label.en, MARGIN, y - 11, 8, GREY);
    rowLines.forEach((line, n) => {
      text(line, valueX, y - n * step, 13);
    });
    y -= Math.max(rowLines.length, 1.6) * step;
  });
  rule(page, QR_BOTTOM + QR_SIZE + 12, width);

  drawQr(page, input.credential, MARGIN - 8, QR_BOTTOM, QR_SIZE);
  const infoX = MARGIN + QR_SIZE + 16;
  const info: [string, string, string][] = [
    ['签发机构', 'Issuer', input.issuerName],
    ['文件编号', 'Document number', input.documentNumber],
    ['签发日期', 'Date of issue', chinaDateOf(input.issuedAt)],
  ];
  let infoY = QR_BOTTOM + QR_SIZE - 14;
  for (const [zh, en, value] of info) {
    text(`${zh} ${en}`, infoX, infoY, 9, GREY);
    for (const line of wrap(font, value, 13, width - MARGIN - infoX)) {
      infoY -= 17;
      text(line, infoX, infoY, 13);
    }
    infoY -= 24;
  }

  let footerY = 92;
  for (const paragraph of FOOTER) {
    for (const line of wrap(font, paragraph, 9, width - 2 * MARGIN)) {
      text(line, MARGIN, footerY, 9, GREY);
      footerY -= 13;
    }
  }
  rule(page, 108, width);

  await doc.attach(new TextEncoder().encode(input.credential), credentialAttachmentName(input.credential), {
    mimeType: 'text/plain',
    description: 'Signed credential (签名证照数据)',
    creationDate: input.now,
    modificationDate: input.now,
    afRelationship: AFRelationship.Data,
  });
  return doc.save({ useObjectStreams: false });
}

function rule(page: PDFPage, y: number, width: number): void {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: width - MARGIN, y }, thickness: 0.6, color: GREY });
}

/**
 * Breaks `value` into lines no wider than `maxWidth`: by character (CJK text has no spaces),
 * but at the last space when the line ends inside a Latin word.
 */
function wrap(font: PDFFont, value: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of value) {
    if (line === '' || font.widthOfTextAtSize(line + char, size) <= maxWidth) {
      line += char;
      continue;
    }
    const space = line.lastIndexOf(' ');
    if (/[\x21-\x7e]/.test(char) && space > 0 && line.length - space < 24) {
      lines.push(line.slice(0, space));
      line = line.slice(space + 1) + char;
    } else {
      lines.push(line.trimEnd());
      line = char.trim() === '' ? '' : char;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
