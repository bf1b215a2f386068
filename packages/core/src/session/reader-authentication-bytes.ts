import { embedCbor, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';

/**
 * `ReaderAuthenticationBytes = #6.24(bstr .cbor ["ReaderAuthentication", SessionTranscript,
 * ItemsRequestBytes])` (ISO/IEC 18013-5 §9.1.4): the detached payload of readerAuth.
 * `itemsRequestBytes` is the content of ItemsRequestBytes exactly as sent.
 */
export function readerAuthenticationBytes(
  sessionTranscript: MdocSessionTranscript,
  itemsRequestBytes: Uint8Array,
): Uint8Array {
  if (!Array.isArray(sessionTranscript)) throw new ZzError('ERR_INPUT_INVALID', 'SessionTranscript must be an array');
  if (!(itemsRequestBytes instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'ItemsRequest must be bytes');
  return encodeCbor(embedCbor(['ReaderAuthentication', sessionTranscript, embedEncoded(itemsRequestBytes)]));
}
