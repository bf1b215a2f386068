import { ZzError } from '../errors/zz-error.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decoding: invalid sequences are an error, not U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new ZzError('ERR_ENCODING_UTF8', 'Bytes are not valid UTF-8', { cause: error });
  }
}

/** JSON.parse with a typed error. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ZzError('ERR_ENCODING_JSON', 'Text is not valid JSON', { cause: error });
  }
}
