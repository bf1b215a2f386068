/** Byte helpers for PDF files: PDF syntax is ASCII, so byte offsets are string offsets in latin1. */

/** The bytes as a latin1 string (one char per byte), for searching PDF tokens by offset. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  const chunk = 0x8000;
  for (let i = start; i < end; i += chunk) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + chunk, end)));
  }
  return out;
}

/** ASCII text to bytes (PDF tokens, hex digits). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Every offset where `token` occurs in `text`. */
export function allIndexesOf(text: string, token: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(token); i !== -1; i = text.indexOf(token, i + token.length)) found.push(i);
  return found;
}

/** PDF white-space characters (ISO 32000-1 §7.2.2, Table 1). */
export function isPdfWhiteSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t' || char === '\f' || char === '\0';
}
