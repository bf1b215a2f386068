import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  MERKLE_HASH_LENGTH,
  type MerkleHasher,
  type MerkleNodeStore,
  nodesCompletedBy,
  ZzError,
} from '@zhengzhao/core';
import { AppendFile } from './append-file.js';
import { nodeSha256MerkleHasher } from './node-sha256-merkle-hasher.js';
import {
  encodeEnd,
  type MerkleFiles,
  type MerkleRecovery,
  readEntry,
  recoverMerkleFiles,
} from './recover-merkle-files.js';

export interface FileMerkleNodeStoreOptions {
  /** The log's directory; created (0700) if missing. One process writes it at a time. */
  readonly dir: string;
  /** The log's hasher, used to rebuild nodes on recovery; default SHA-256 on OpenSSL. */
  readonly hasher?: MerkleHasher;
  /** Buffered bytes after which appends are written out (not fsynced); default 8 MiB. */
  readonly writeBufferBytes?: number;
}

const DATA_FILE = 'entries.dat';
const INDEX_FILE = 'entries.idx';
const levelFile = (level: number) => `level-${String(level).padStart(2, '0')}.hashes`;

/**
 * A `MerkleNodeStore` in a directory of flat append-only files: `entries.dat` (entry bytes back to
 * back), `entries.idx` (8-byte end offset per entry) and `level-NN.hashes` (level NN's node i at
 * offset i·32). Appends are buffered; `flush()` writes and fsyncs — sign a tree head only over a
 * flushed size. Opening recovers from a torn tail (`recoverMerkleFiles`; see `recovery`).
 */
export class FileMerkleNodeStore implements MerkleNodeStore {
  /** What opening had to repair. */
  readonly recovery: MerkleRecovery;
  readonly #dir: string;
  readonly #files: MerkleFiles;
  readonly #writeBufferBytes: number;
  #size: number;
  #newFiles = false;
  #closed = false;

  private constructor(options: FileMerkleNodeStoreOptions) {
    this.#dir = options.dir;
    this.#writeBufferBytes = options.writeBufferBytes ?? 8 * 1024 * 1024;
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const existing = new Set(readdirSync(this.#dir));
    const levels: AppendFile[] = [];
    for (let level = 0; existing.has(levelFile(level)); level++) levels.push(this.#open(levelFile(level)));
    this.#files = { data: this.#open(DATA_FILE), index: this.#open(INDEX_FILE), levels };
    this.recovery = recoverMerkleFiles(this.#files, options.hasher ?? nodeSha256MerkleHasher, (level) =>
      this.#open(levelFile(level)),
    );
    this.#size = this.recovery.size;
    this.#syncDirectory();
  }

  /** Opens (creating if needed) and recovers the store in `options.dir`. */
  static open(options: FileMerkleNodeStoreOptions): FileMerkleNodeStore {
    return new FileMerkleNodeStore(options);
  }

  size(): number {
    return this.#size;
  }

  node(level: number, index: number): Uint8Array {
    this.#check();
    const file = this.#files.levels[level];
    if (!file || !Number.isSafeInteger(index) || index < 0 || (index + 1) * MERKLE_HASH_LENGTH > file.length) {
      throw new ZzError('ERR_LOG_INDEX_RANGE', `No stored node at level ${level}, index ${index}`);
    }
    return file.read(index * MERKLE_HASH_LENGTH, MERKLE_HASH_LENGTH);
  }

  entry(index: number): Uint8Array {
    this.#check();
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.#size) {
      throw new ZzError('ERR_LOG_INDEX_RANGE', `No entry ${index} in a log of ${this.#size}`);
    }
    return readEntry(this.#files, index);
  }

  append(entry: Uint8Array, nodes: readonly Uint8Array[]): void {
    this.#check();
    if (nodes.length !== nodesCompletedBy(this.#size) || nodes.some((n) => n.length !== MERKLE_HASH_LENGTH)) {
      throw new ZzError(
        'ERR_INPUT_INVALID',
        `Appending leaf ${this.#size} stores ${nodesCompletedBy(this.#size)} hashes`,
      );
    }
    const { data, index, levels } = this.#files;
    data.append(entry);
    index.append(encodeEnd(data.length));
    nodes.forEach((hash, level) => {
      let file = levels[level];
      if (!file) {
        file = this.#open(levelFile(level));
        levels[level] = file;
        this.#newFiles = true;
      }
      file.append(hash);
    });
    this.#size++;
    if (data.pendingBytes + index.pendingBytes > this.#writeBufferBytes) this.#writeOut();
  }

  /** Writes everything buffered and fsyncs: entries and nodes first, then the index that commits them. */
  flush(): void {
    this.#check();
    const { data, index, levels } = this.#files;
    for (const file of [data, ...levels]) file.sync();
    index.sync();
    if (this.#newFiles) this.#syncDirectory();
  }

  /** Flushes and closes the files; the store is unusable afterwards. */
  close(): void {
    if (this.#closed) return;
    this.flush();
    const { data, index, levels } = this.#files;
    for (const file of [data, index, ...levels]) file.close();
    this.#closed = true;
  }

  #writeOut(): void {
    const { data, index, levels } = this.#files;
    for (const file of [data, ...levels, index]) file.writeOut();
  }

  #open(name: string): AppendFile {
    return new AppendFile(join(this.#dir, name));
  }

  #syncDirectory(): void {
    const fd = openSync(this.#dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#newFiles = false;
  }

  #check(): void {
    if (this.#closed) throw new ZzError('ERR_LOG_STORE_FAILED', 'The log store is closed');
  }
}
