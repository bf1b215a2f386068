/**
 * CBOR heads in preferred (shortest) form (RFC 8949 §3, §4.2.1): the major type and argument of
 * a data item. The hand-written encoders (Sig_structure, IssuerSignedItems, the MSO, the leaf
 * fast path of `encodeCbor`) write their heads here; arguments up to 2^32 − 1, which covers
 * every length and identifier a credential has.
 */

const UINT32_MAX = 0xffff_ffff;

/** Bytes of the head for `argument`. */
export function cborHeadLength(argument: number): number {
  return argument < 24 ? 1 : argument < 0x100 ? 2 : argument < 0x10000 ? 3 : 5;
}

/** Writes the head at `at` and returns the offset after it. */
export function writeCborHead(out: Uint8Array, at: number, major: number, argument: number): number {
  if (!Number.isInteger(argument) || argument < 0 || argument > UINT32_MAX) {
    throw new RangeError('CBOR head argument must be an integer in [0, 2^32)');
  }
  const type = major << 5;
  if (argument < 24) {
    out[at] = type | argument;
    return at + 1;
  }
  if (argument < 0x100) {
    out[at] = type | 24;
    out[at + 1] = argument;
    return at + 2;
  }
  if (argument < 0x10000) {
    out[at] = type | 25;
    out[at + 1] = argument >>> 8;
    out[at + 2] = argument & 0xff;
    return at + 3;
  }
  out[at] = type | 26;
  out[at + 1] = argument >>> 24;
  out[at + 2] = (argument >>> 16) & 0xff;
  out[at + 3] = (argument >>> 8) & 0xff;
  out[at + 4] = argument & 0xff;
  return at + 5;
}

/** The head alone, as bytes. */
export function cborHead(major: number, argument: number): Uint8Array {
  const out = new Uint8Array(cborHeadLength(argument));
  writeCborHead(out, 0, major, argument);
  return out;
}
