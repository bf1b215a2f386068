const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** True when `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return PNG_MAGIC.every((b, i) => bytes[i] === b);
}

/** True when `bytes` start with a JPEG SOI marker. */
export function isJpeg(bytes: Uint8Array): boolean {
  return JPEG_MAGIC.every((b, i) => bytes[i] === b);
}
