import { ZzError } from '@zhengzhao/core';

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case UUID text (RFC 9562 §4) of 16 bytes, with the version 4 and variant bits set. */
export function formatUuidV4(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 16) {
    throw new ZzError('ERR_INPUT_INVALID', 'a UUID needs 16 random bytes');
  }
  const b = Uint8Array.from(bytes);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = (i: number): string => HEX[b[i] as number] as string;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

/** Eight hex digits of a 32-bit word by table (Number#toString(16) is slow in a hot loop). */
export function hex8(word: number, table: readonly string[] = HEX): string {
  return (
    (table[(word >>> 24) & 0xff] as string) +
    (table[(word >>> 16) & 0xff] as string) +
    (table[(word >>> 8) & 0xff] as string) +
    (table[word & 0xff] as string)
  );
}

/** A UUID v4 from four 32-bit words (the seeded generator's output), without allocating bytes. */
export function uuidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  const a = hex8(w0);
  const b = hex8((w1 & 0xffff0fff) | 0x4000);
  const c = hex8((w2 & 0x3fffffff) | 0x80000000);
  const d = hex8(w3);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** RFC 9562 UUID version 4 text. */
export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
