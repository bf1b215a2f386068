import { inflateSync } from 'node:zlib';
import { ZzError } from '@zhengzhao/core';

/**
 * ZLIB (RFC 1950) decompression bounded by `maxOutputLength`: zlib stops as soon as its output
 * passes the limit (`ERR_COMPRESSION_LIMIT`), so a zip bomb costs at most the limit in memory
 * and time. Everything that is not exactly one complete ZLIB stream — raw deflate, gzip, a
 * preset dictionary, a truncated stream, a bad Adler-32, trailing bytes — is
 * `ERR_COMPRESSION_MALFORMED`.
 */
export function inflateZlib(data: Uint8Array, maxOutputLength: number): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Compressed data must be bytes');
  if (!Number.isSafeInteger(maxOutputLength) || maxOutputLength < 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'maxOutputLength must be a non-negative integer');
  }
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    // `info: true` exposes how many input bytes the stream used, to refuse trailing data.
    result = inflateSync(data, { maxOutputLength: Math.max(1, maxOutputLength), info: true }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZzError('ERR_COMPRESSION_LIMIT', `Data inflates beyond ${maxOutputLength} bytes`, { cause: error });
    }
    throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Data is not valid ZLIB', { cause: error });
  }
  if (result.buffer.length > maxOutputLength) {
    throw new ZzError('ERR_COMPRESSION_LIMIT', `Data inflates beyond ${maxOutputLength} bytes`);
  }
  if (result.engine.bytesWritten !== data.length) {
    throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Trailing bytes after the ZLIB stream');
  }
  return new Uint8Array(result.buffer); // a copy: small outputs live in Node's shared Buffer pool
}
