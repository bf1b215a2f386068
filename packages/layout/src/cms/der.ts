import { concatBytes, ZzError } from '@zhengzhao/core';

/**
 * The few DER pieces (X.690 §10) the CMS attributes need, so that no ASN.1 schema class (and
 * no decorator) is required here. Reading is strict: definite, minimal lengths; no overrun.
 */

export const TAG = { integer: 0x02, octetString: 0x04, null: 0x05, oid: 0x06, sequence: 0x30, set: 0x31 } as const;

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concatBytes(...content);
  const n = body.length;
  const length: number[] = [];
  if (n < 0x80) length.push(n);
  else {
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) length.unshift(rest % 256);
    length.unshift(0x80 | length.length);
  }
  return concatBytes(Uint8Array.of(tag, ...length), body);
}

/** OBJECT IDENTIFIER from dotted text (X.690 §8.19). */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  const [first = 0n, second = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const bytes = [Number(arc & 0x7fn)];
    for (let value = arc >> 7n; value > 0n; value >>= 7n) bytes.unshift(Number(value & 0x7fn) | 0x80);
    out.push(...bytes);
  }
  return tlv(TAG.oid, Uint8Array.from(out));
}

/** The dotted text of OBJECT IDENTIFIER content octets. */
export function oidText(content: Uint8Array): string {
  const arcs: bigint[] = [];
  let value = 0n;
  for (const byte of content) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0n;
    }
  }
  const [head = 0n, ...rest] = arcs;
  const first = head < 80n ? head / 40n : 2n;
  return [first, head - first * 40n, ...rest].join('.');
}

/** SET OF with its elements in DER order (X.690 §11.6: ascending encodings). */
export function derSet(elements: readonly Uint8Array[]): Uint8Array {
  return tlv(TAG.set, ...sortDer(elements));
}

/** Encodings in DER SET OF order. */
export function sortDer(elements: readonly Uint8Array[]): Uint8Array[] {
  return [...elements].sort(compareBytes);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

export interface Tlv {
  readonly tag: number;
  readonly content: Uint8Array;
  /** The whole element: tag, length and content. */
  readonly der: Uint8Array;
  /** Offset just after this element. */
  readonly end: number;
}

/** Reads one TLV at `offset`; `ERR_PDF_CMS_MALFORMED` when it is not DER or overruns. */
export function readTlv(bytes: Uint8Array, offset: number): Tlv {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) malformed('truncated header');
  let length = first as number;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) malformed('indefinite or huge length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? malformed('truncated length'));
    if (length < 0x80 || bytes[start] === 0) malformed('non-minimal length');
    start += count;
  }
  if (start + length > bytes.length) malformed('content overruns');
  return {
    tag: tag as number,
    content: bytes.subarray(start, start + length),
    der: bytes.subarray(offset, start + length),
    end: start + length,
  };
}

/** The elements of a constructed value's content. */
export function readChildren(content: Uint8Array): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = 0; offset < content.length; ) {
    const child = readTlv(content, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

function malformed(problem: string): never {
  throw new ZzError('ERR_PDF_CMS_MALFORMED', `CMS DER: ${problem}`);
}
