import { bytesEqual } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import { hashChildren, type MerkleHasher } from './merkle-hasher.js';
import { checkCount, checkHash, checkProof, lsb, shiftRight } from './tree-math.js';

export interface InclusionProofInput {
  /** The leaf index m. */
  readonly index: number;
  /** The tree size n of the tree head. */
  readonly size: number;
  /** HASH(0x00 || entry): `hashLeaf(hasher, entry)`. */
  readonly leafHash: Uint8Array;
  /** The inclusion path, leaf side first. */
  readonly proof: readonly Uint8Array[];
  /** The root hash of the (signed) tree head of size n. */
  readonly rootHash: Uint8Array;
}

/**
 * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2, step by step. Throws
 * `ERR_LOG_INDEX_RANGE` when index ≥ size (step 1), `ERR_LOG_PROOF_MALFORMED` for a hash that is
 * not 32 bytes or a proof longer than 64, and `ERR_LOG_PROOF_INVALID` when the path does not lead
 * to `rootHash` — including a path too long (sn reaches 0 early) or too short (sn ≠ 0 at the end).
 */
export function verifyInclusionProof(hasher: MerkleHasher, input: InclusionProofInput): void {
  const index = checkCount(input.index, 'Leaf index');
  const size = checkCount(input.size, 'Tree size');
  const leafHash = checkHash(input.leafHash, 'Leaf hash');
  const rootHash = checkHash(input.rootHash, 'Root hash');
  const proof = checkProof(input.proof);
  // 1. leaf_index ≥ tree_size fails
  if (index >= size) throw new ZzError('ERR_LOG_INDEX_RANGE', `Leaf ${index} is not in a tree of ${size}`);
  // 2.–3.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  // 4.
  for (const p of proof) {
    if (sn === 0) invalid('The inclusion proof is longer than the path to the root');
    if (lsb(fn) || fn === sn) {
      r = hashChildren(hasher, p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = shiftRight(fn);
          sn = shiftRight(sn);
        }
      }
    } else {
      r = hashChildren(hasher, r, p);
    }
    fn = shiftRight(fn);
    sn = shiftRight(sn);
  }
  // 5.
  if (sn !== 0) invalid('The inclusion proof is shorter than the path to the root');
  if (!bytesEqual(r, rootHash)) invalid('The inclusion proof does not lead to the root hash');
}

function invalid(message: string): never {
  throw new ZzError('ERR_LOG_PROOF_INVALID', message);
}
