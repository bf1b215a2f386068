import { cborHead } from '../cbor/head.js';

/**
 * The `#6.24(bstr)` header in preferred form: `D8 18` then the byte-string head for `length`.
 * Prefixed to an item's embedded bytes it gives the exact IssuerSignedItemBytes that
 * ISO/IEC 18013-5 §9.1.2.5 hashes, without re-encoding the item.
 */
export function tag24Header(length: number): Uint8Array {
  const head = cborHead(2, length);
  const out = new Uint8Array(2 + head.length);
  out.set([0xd8, 0x18], 0);
  out.set(head, 2);
  return out;
}

/** `D8 18 <bstr head> ‖ bytes`: the encoding of `#6.24(bstr)` around already-encoded CBOR. */
export function wrapTag24(bytes: Uint8Array): Uint8Array {
  const header = tag24Header(bytes.length);
  const out = new Uint8Array(header.length + bytes.length);
  out.set(header, 0);
  out.set(bytes, header.length);
  return out;
}

/** Concatenates `parts` after `prefixLength` reserved bytes (filled by the caller). */
export function joinAfter(prefix: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  let length = prefix.length;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  out.set(prefix, 0);
  let offset = prefix.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
