import { BoundedCache } from '../cache/bounded-cache.js';
import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { cborHeadLength, writeCborHead } from '../cbor/head.js';
import { ZzError } from '../errors/zz-error.js';

// Map keys in RFC 8949 §4.2.1 order (bytewise order of their encodings: shorter first).
const RANDOM = encodeCbor('random');
const DIGEST_ID = encodeCbor('digestID');
const ELEMENT_VALUE = encodeCbor('elementValue');
const ELEMENT_IDENTIFIER = encodeCbor('elementIdentifier');

// Element identifiers repeat from credential to credential: their encodings are kept.
const IDENTIFIERS = new BoundedCache<string, Uint8Array>(4096);

export interface IssuerSignedItemInput {
  readonly digestID: number;
  readonly random: Uint8Array;
  readonly elementIdentifier: string;
  readonly elementValue: CborValue;
}

/** An item's CBOR and, sharing its memory, the `#6.24(bstr)` bytes that the MSO digest covers. */
export interface EncodedIssuerSignedItem {
  /** IssuerSignedItemBytes: `D8 18 <bstr head>` followed by `bytes`. */
  readonly tagged: Uint8Array;
  /** The deterministic CBOR of the IssuerSignedItem map. */
  readonly bytes: Uint8Array;
}

/**
 * Deterministic CBOR of `IssuerSignedItem`s (ISO/IEC 18013-5 §8.3.2.1.2.2):
 * `{"random", "digestID", "elementValue", "elementIdentifier"}` in core deterministic key order,
 * byte-identical to `encodeCbor` of each map. All items are written once into one buffer that
 * already holds each tag-24 header; byte-string values (portraits) are copied, not re-encoded.
 */
export function encodeIssuerSignedItems(inputs: readonly IssuerSignedItemInput[]): EncodedIssuerSignedItem[] {
  const prepared = inputs.map((input) => {
    const { digestID, random, elementIdentifier, elementValue } = input;
    if (!Number.isInteger(digestID) || digestID < 0 || digestID > 0xffffffff) {
      throw new ZzError('ERR_INPUT_INVALID', 'digestID must be a uint');
    }
    if (typeof elementIdentifier !== 'string')
      throw new ZzError('ERR_INPUT_INVALID', 'Element identifiers must be text');
    const raw = elementValue instanceof Uint8Array;
    const value = raw ? elementValue : encodeCbor(elementValue);
    const identifier = IDENTIFIERS.getOrCreate(elementIdentifier, encodeCbor);
    const body =
      1 +
      RANDOM.length +
      cborHeadLength(random.length) +
      random.length +
      DIGEST_ID.length +
      cborHeadLength(digestID) +
      ELEMENT_VALUE.length +
      (raw ? cborHeadLength(value.length) : 0) +
      value.length +
      ELEMENT_IDENTIFIER.length +
      identifier.length;
    return { input, raw, value, identifier, body, total: 2 + cborHeadLength(body) + body };
  });
  const out = new Uint8Array(prepared.reduce((sum, item) => sum + item.total, 0));
  let at = 0;
  return prepared.map(({ input, raw, value, identifier, body, total }) => {
    const start = at;
    out[at++] = 0xd8;
    out[at++] = 0x18;
    at = writeCborHead(out, at, 2, body);
    const bodyStart = at;
    out[at++] = 0xa4;
    out.set(RANDOM, at);
    at = writeCborHead(out, at + RANDOM.length, 2, input.random.length);
    out.set(input.random, at);
    at += input.random.length;
    out.set(DIGEST_ID, at);
    at = writeCborHead(out, at + DIGEST_ID.length, 0, input.digestID);
    out.set(ELEMENT_VALUE, at);
    at += ELEMENT_VALUE.length;
    if (raw) at = writeCborHead(out, at, 2, value.length);
    out.set(value, at);
    at += value.length;
    out.set(ELEMENT_IDENTIFIER, at);
    out.set(identifier, at + ELEMENT_IDENTIFIER.length);
    at = start + total;
    return { tagged: out.subarray(start, at), bytes: out.subarray(bodyStart, at) };
  });
}
