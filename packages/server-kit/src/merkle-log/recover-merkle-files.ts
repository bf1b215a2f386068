import { hashChildren, hashLeaf, MERKLE_HASH_LENGTH, type MerkleHasher } from '@zhengzhao/core';
import type { AppendFile } from './append-file.js';

/** The files of a `FileMerkleNodeStore`. */
export interface MerkleFiles {
  /** Entry bytes, back to back. */
  readonly data: AppendFile;
  /** Per entry, the 8-byte big-endian end offset of its bytes in `data`. */
  readonly index: AppendFile;
  /** levels[k]: the level-k perfect-subtree hashes, 32 bytes each, at offset index·32. */
  readonly levels: AppendFile[];
}

export interface MerkleRecovery {
  /** Entries kept. */
  readonly size: number;
  /** Bytes cut from torn or unreferenced file tails. */
  readonly truncatedBytes: number;
  /** Node hashes recomputed (missing or not matching their children). */
  readonly rebuiltNodes: number;
}

export const INDEX_RECORD = 8;
/** How many of the last stored nodes of each level are checked against their children on open. */
const TAIL_CHECK = 64;

export function readEnd(index: AppendFile, i: number): number {
  const bytes = index.read(i * INDEX_RECORD, INDEX_RECORD);
  const view = new DataView(bytes.buffer, bytes.byteOffset, INDEX_RECORD);
  return view.getUint32(0) * 2 ** 32 + view.getUint32(4);
}

const END = new Uint8Array(INDEX_RECORD);
const END_VIEW = new DataView(END.buffer);

/** The index record for `end`, in a scratch array the caller copies before the next call. */
export function encodeEnd(end: number): Uint8Array {
  END_VIEW.setUint32(0, Math.floor(end / 2 ** 32));
  END_VIEW.setUint32(4, end % 2 ** 32);
  return END;
}

export function readEntry(files: MerkleFiles, i: number): Uint8Array {
  const start = i === 0 ? 0 : readEnd(files.index, i - 1);
  return files.data.read(start, readEnd(files.index, i) - start);
}

/**
 * Brings the files back to a consistent state after a crash mid-write, before any append:
 * the entries are the truth. Keeps the longest prefix of whole index records whose end offsets
 * rise and lie inside the data file; cuts the index, the data and every level to it; checks the
 * last nodes of each level against their children (level 0: against the entries) and cuts at the
 * first mismatch; then recomputes whatever is missing, level 0 from the entries and each level
 * from the one below. Ends with every file written and fsynced.
 */
export function recoverMerkleFiles(
  files: MerkleFiles,
  hasher: MerkleHasher,
  createLevel: (level: number) => AppendFile,
): MerkleRecovery {
  let truncatedBytes = 0;
  let rebuiltNodes = 0;
  const cut = (file: AppendFile, length: number) => {
    if (file.length > length) {
      truncatedBytes += file.length - length;
      file.truncate(length);
    }
  };

  let size = Math.floor(files.index.length / INDEX_RECORD);
  while (size > 0) {
    const end = readEnd(files.index, size - 1);
    const previous = size > 1 ? readEnd(files.index, size - 2) : 0;
    if (end <= files.data.length && end >= previous) break;
    size--;
  }
  cut(files.index, size * INDEX_RECORD);
  cut(files.data, size === 0 ? 0 : readEnd(files.index, size - 1));

  for (let level = 0, width = 1; width <= size || level < files.levels.length; level++, width *= 2) {
    const file = files.levels[level] ?? createLevel(level);
    files.levels[level] = file;
    const expected = Math.floor(size / width);
    const below = files.levels[level - 1];
    const recompute = (i: number) =>
      level === 0
        ? hashLeaf(hasher, readEntry(files, i))
        : hashChildren(
            hasher,
            (below as AppendFile).read(2 * i * MERKLE_HASH_LENGTH, MERKLE_HASH_LENGTH),
            (below as AppendFile).read((2 * i + 1) * MERKLE_HASH_LENGTH, MERKLE_HASH_LENGTH),
          );
    let kept = Math.min(Math.floor(file.length / MERKLE_HASH_LENGTH), expected);
    for (let i = Math.max(0, kept - TAIL_CHECK); i < kept; i++) {
      const stored = file.read(i * MERKLE_HASH_LENGTH, MERKLE_HASH_LENGTH);
      if (!Buffer.from(stored).equals(recompute(i))) {
        kept = i;
        break;
      }
    }
    cut(file, kept * MERKLE_HASH_LENGTH);
    for (let i = kept; i < expected; i++) {
      file.append(recompute(i));
      rebuiltNodes++;
    }
  }
  for (const file of [files.data, ...files.levels, files.index]) file.sync();
  return { size, truncatedBytes, rebuiltNodes };
}
