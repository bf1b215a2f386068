/** Adler-32 (RFC 1950 §8.2), the checksum that ends every ZLIB stream. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest n with 255·n·(n+1)/2 + (n+1)·65520 < 2^32: reduce once per run.
  for (let offset = 0; offset < data.length; offset += 5552) {
    const end = Math.min(data.length, offset + 5552);
    for (let i = offset; i < end; i++) {
      a += data[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
