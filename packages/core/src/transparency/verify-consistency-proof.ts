import { bytesEqual } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import { emptyRoot, hashChildren, type MerkleHasher } from './merkle-hasher.js';
import { checkCount, checkHash, checkProof, isPowerOfTwo, lsb, shiftRight } from './tree-math.js';

export interface ConsistencyProofInput {
  readonly oldSize: number;
  readonly newSize: number;
  /** The root hash of the older (signed) tree head. */
  readonly oldRootHash: Uint8Array;
  /** The root hash of the newer (signed) tree head. */
  readonly newRootHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * Verifies that the tree of `newSize` leaves extends the tree of `oldSize` leaves — the log was
 * only appended to, never rewritten — with the algorithm of RFC 9162 §2.1.4.2, step by step, for
 * 0 < first < second. The edge cases: equal sizes need an empty proof and equal roots; an old
 * size of 0 needs an empty proof and the empty-tree root. Throws `ERR_LOG_INDEX_RANGE` when
 * oldSize > newSize, `ERR_LOG_PROOF_MALFORMED` for a malformed hash or proof, and
 * `ERR_LOG_PROOF_INVALID` when the proof does not connect the two roots.
 */
export function verifyConsistencyProof(hasher: MerkleHasher, input: ConsistencyProofInput): void {
  const first = checkCount(input.oldSize, 'Old tree size');
  const second = checkCount(input.newSize, 'New tree size');
  const firstHash = checkHash(input.oldRootHash, 'Old root hash');
  const secondHash = checkHash(input.newRootHash, 'New root hash');
  const path = checkProof(input.proof);
  if (first > second) throw new ZzError('ERR_LOG_INDEX_RANGE', 'The old tree size is larger than the new one');
  if (first === second || first === 0) {
    if (path.length !== 0) invalid('A consistency proof from an empty or equal tree is empty');
    const expected = first === 0 ? emptyRoot(hasher) : secondHash;
    if (!bytesEqual(firstHash, expected)) invalid('The old root hash does not match');
    return;
  }
  // 1. an empty consistency_path fails
  if (path.length === 0) invalid('The consistency proof is empty');
  // 2. if first is an exact power of 2, prepend first_hash
  const consistencyPath = isPowerOfTwo(first) ? [firstHash, ...path] : path;
  // 3.
  let fn = first - 1;
  let sn = second - 1;
  // 4.
  while (lsb(fn)) {
    fn = shiftRight(fn);
    sn = shiftRight(sn);
  }
  // 5.
  let fr = consistencyPath[0] as Uint8Array;
  let sr = fr;
  // 6.
  for (const c of consistencyPath.slice(1)) {
    if (sn === 0) invalid('The consistency proof is longer than the path to the root');
    if (lsb(fn) || fn === sn) {
      fr = hashChildren(hasher, c, fr);
      sr = hashChildren(hasher, c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = shiftRight(fn);
          sn = shiftRight(sn);
        }
      }
    } else {
      sr = hashChildren(hasher, sr, c);
    }
    fn = shiftRight(fn);
    sn = shiftRight(sn);
  }
  // 7.
  if (sn !== 0) invalid('The consistency proof is shorter than the path to the root');
  if (!bytesEqual(fr, firstHash)) invalid('The consistency proof does not lead to the old root hash');
  if (!bytesEqual(sr, secondHash)) invalid('The consistency proof does not lead to the new root hash');
}

function invalid(message: string): never {
  throw new ZzError('ERR_LOG_PROOF_INVALID', message);
}
