import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { ZzError } from '@zhengzhao/core';

/**
 * One append-only file with a write buffer: appends go to memory until `writeOut` (a write, no
 * fsync) or `sync`; reads see both what is on disk and what is still buffered. Synchronous, so a
 * `MerkleNodeStore` over it stays synchronous; one writer per file.
 */
export class AppendFile {
  readonly path: string;
  #fd: number;
  #persisted: number;
  #pending: Buffer;
  #pendingLength = 0;

  constructor(path: string) {
    this.path = path;
    this.#fd = openSync(path, 'a+', 0o600);
    this.#persisted = fstatSync(this.#fd).size;
    this.#pending = Buffer.allocUnsafe(64 * 1024);
  }

  /** Bytes on disk plus bytes buffered. */
  get length(): number {
    return this.#persisted + this.#pendingLength;
  }

  /** Bytes buffered and not yet written. */
  get pendingBytes(): number {
    return this.#pendingLength;
  }

  append(bytes: Uint8Array): void {
    const needed = this.#pendingLength + bytes.length;
    if (needed > this.#pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.#pending.length * 2));
      this.#pending.copy(grown, 0, 0, this.#pendingLength);
      this.#pending = grown;
    }
    this.#pending.set(bytes, this.#pendingLength);
    this.#pendingLength = needed;
  }

  /** `length` bytes at `offset`, from disk or the buffer. */
  read(offset: number, length: number): Uint8Array {
    if (offset < 0 || offset + length > this.length) {
      throw new ZzError('ERR_LOG_STORE_FAILED', 'Read beyond the end of a log file');
    }
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length && offset + done < this.#persisted) {
      const want = Math.min(length - done, this.#persisted - offset - done);
      const got = readSync(this.#fd, out, done, want, offset + done);
      if (got === 0) throw new ZzError('ERR_LOG_STORE_FAILED', 'A log file is shorter than expected');
      done += got;
    }
    if (done < length) {
      const start = offset + done - this.#persisted;
      out.set(this.#pending.subarray(start, start + length - done), done);
    }
    return out;
  }

  /** Writes the buffer to the file (no fsync). */
  writeOut(): void {
    let written = 0;
    while (written < this.#pendingLength) {
      written += writeSync(this.#fd, this.#pending, written, this.#pendingLength - written);
    }
    this.#persisted += this.#pendingLength;
    this.#pendingLength = 0;
  }

  /** Writes the buffer and fsyncs the file. */
  sync(): void {
    this.writeOut();
    fsyncSync(this.#fd);
  }

  /** Cuts the file (and drops the buffer) to `length` bytes. */
  truncate(length: number): void {
    this.#pendingLength = 0;
    ftruncateSync(this.#fd, length);
    this.#persisted = length;
  }

  close(): void {
    closeSync(this.#fd);
  }
}
