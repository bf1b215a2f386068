import { Decoder } from 'cbor-x';
import { ZzError } from '../errors/zz-error.js';
import { TAG_ENCODED_CBOR, Tag } from './tags.js';

const decoder = new Decoder({
  useRecords: false,
  mapsAsObjects: false,
  tagUint8Array: false,
  structuredClone: false,
  bundleStrings: false,
});

/** Default upper bound on CBOR input size (1 MiB), far above any credential. */
export const DEFAULT_MAX_CBOR_BYTES = 1 << 20;

export interface DecodeCborOptions {
  /** Reject larger inputs before parsing (`ERR_INPUT_TOO_LARGE`). */
  readonly maxBytes?: number;
}

/**
 * Decodes exactly one CBOR data item. Maps decode as `Map` (so integer keys stay integers), byte
 * strings as Uint8Array, tags other than 0/1 as `Tag`. Malformed input, trailing bytes and
 * pathological nesting end in `ERR_CBOR_MALFORMED`, never in an untyped exception.
 */
export function decodeCbor(bytes: Uint8Array, options: DecodeCborOptions = {}): unknown {
  if (!(bytes instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'CBOR input must be a Uint8Array');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CBOR_BYTES;
  if (bytes.length > maxBytes) throw new ZzError('ERR_INPUT_TOO_LARGE', `CBOR input exceeds ${maxBytes} bytes`);
  if (bytes.length === 0) throw new ZzError('ERR_CBOR_MALFORMED', 'CBOR input is empty');
  try {
    return decoder.decode(bytes) as unknown;
  } catch (error) {
    throw new ZzError('ERR_CBOR_MALFORMED', 'Input is not well-formed CBOR', { cause: error });
  }
}

/** The content of a `#6.24(bstr .cbor X)`: its exact embedded bytes and their decoded value. */
export interface EmbeddedCbor {
  readonly bytes: Uint8Array;
  readonly value: unknown;
}

/** Opens a tag-24 item, decoding the bytes inside. */
export function decodeEmbedded(item: unknown, what: string): EmbeddedCbor {
  if (!(item instanceof Tag) || item.tag !== TAG_ENCODED_CBOR || !(item.value instanceof Uint8Array)) {
    throw new ZzError('ERR_CBOR_STRUCTURE', `${what} must be #6.24(bstr)`);
  }
  return { bytes: item.value, value: decodeCbor(item.value) };
}
