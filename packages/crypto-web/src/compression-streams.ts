import { ZzError } from '@zhengzhao/core';
import { adler32 } from './adler32.js';
import { bufferSource } from './buffer-source.js';

/** `'deflate'` in the Compression Streams standard is ZLIB (RFC 1950), not raw deflate. */
const FORMAT = 'deflate';

/** ZLIB compression with CompressionStream (the browser picks the level; it cannot be set). */
export async function deflateWithStreams(data: Uint8Array): Promise<Uint8Array> {
  if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to compress must be bytes');
  const stream = new Blob([bufferSource(data)]).stream().pipeThrough(new CompressionStream(FORMAT));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Runs `data` through a DecompressionStream, reading chunk by chunk and cancelling as soon as
 * the output passes `limit`. Returns the chunks and total length, or throws a typed error.
 */
async function readInflated(data: Uint8Array, limit: number): Promise<{ output: Uint8Array }> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream(FORMAT);
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'DecompressionStream is not available', { cause: error });
  }
  const writer = stream.writable.getWriter();
  writer.write(bufferSource(data)).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        throw new ZzError('ERR_COMPRESSION_LIMIT', `Data inflates beyond ${limit} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZzError) throw error;
    throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Data is not valid ZLIB', { cause: error });
  }
  const output = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    output.set(chunk, offset);
    offset += chunk.length;
  }
  return { output };
}

/**
 * Whether this runtime's DecompressionStream ignores bytes after the end of the stream (Node 20
 * does; the Compression Streams standard and browsers throw). Probed once.
 */
let lenientTrailing: Promise<boolean> | undefined;
function ignoresTrailingBytes(): Promise<boolean> {
  // ZLIB of "a" followed by one junk byte.
  const probe = new Uint8Array([0x78, 0x9c, 0x4b, 0x04, 0x00, 0x00, 0x62, 0x00, 0x62, 0x00]);
  lenientTrailing ??= readInflated(probe, 16).then(
    () => true,
    () => false,
  );
  return lenientTrailing;
}

/**
 * ZLIB (RFC 1950) decompression bounded by `maxOutputLength` (`ERR_COMPRESSION_LIMIT` as soon as
 * it is passed); raw deflate, gzip, truncated streams, a wrong Adler-32 and trailing bytes are
 * `ERR_COMPRESSION_MALFORMED`, as with the Node adapter.
 */
export async function inflateWithStreams(data: Uint8Array, maxOutputLength: number): Promise<Uint8Array> {
  if (!(data instanceof Uint8Array)) throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Compressed data must be bytes');
  if (!Number.isSafeInteger(maxOutputLength) || maxOutputLength < 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'maxOutputLength must be a non-negative integer');
  }
  // RFC 1950 §2.2: CMF/FLG header with CM = 8, a valid FCHECK and no preset dictionary; plus
  // at least one deflate byte and the 4-byte Adler-32. Rejecting gzip and raw deflate here
  // keeps every runtime's answer the same.
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  if (data.length < 7 || (cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) {
    throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Data is not a ZLIB stream');
  }
  const { output } = await readInflated(data, maxOutputLength);
  const trailer = ((data[data.length - 4] as number) << 24) | ((data[data.length - 3] as number) << 16);
  const expected = (trailer | ((data[data.length - 2] as number) << 8) | (data[data.length - 1] as number)) >>> 0;
  if (adler32(output) !== expected) {
    // The engine checked the stream's own Adler-32, so the last 4 bytes are not the stream's end.
    throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Trailing bytes after the ZLIB stream');
  }
  if (await ignoresTrailingBytes()) {
    // The stream must need its last byte: without it, decompression has to fail.
    const shortened = await readInflated(data.subarray(0, data.length - 1), maxOutputLength).then(
      () => true,
      () => false,
    );
    if (shortened) throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Trailing bytes after the ZLIB stream');
  }
  return output;
}
