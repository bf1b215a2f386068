import { ZzError } from '../errors/zz-error.js';
import type { MerkleHasher } from './merkle-hasher.js';
import type { MerkleNodeStore } from './merkle-node-store.js';
import { subtreeHash } from './subtree-hash.js';
import { checkCount, largestPowerOfTwoBelow } from './tree-math.js';

/**
 * The consistency proof between the trees of the first `oldSize` and `newSize` leaves:
 * PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 §2.1.4.1. SUBPROOF recurses left while
 * m ≤ k, else right (clearing b), appending the other side's MTH; at m = n it yields MTH(D[n])
 * unless b is still true. Empty when oldSize is 0 or equals newSize.
 * `ERR_LOG_INDEX_RANGE` unless oldSize ≤ newSize ≤ store.size().
 */
export function generateConsistencyProof(
  store: MerkleNodeStore,
  hasher: MerkleHasher,
  oldSize: number,
  newSize: number,
): Uint8Array[] {
  checkCount(oldSize, 'Old tree size');
  checkCount(newSize, 'New tree size');
  if (newSize > store.size()) throw new ZzError('ERR_LOG_INDEX_RANGE', `Tree size ${newSize} is beyond the log`);
  if (oldSize > newSize) throw new ZzError('ERR_LOG_INDEX_RANGE', 'The old tree size is larger than the new one');
  if (oldSize === 0 || oldSize === newSize) return [];
  const siblings: Uint8Array[] = [];
  let low = 0;
  let high = newSize;
  let m = oldSize;
  let complete = true; // the b flag: MTH(D[0:m]) is the old root, which the verifier has
  while (m !== high - low) {
    const k = largestPowerOfTwoBelow(high - low);
    if (m <= k) {
      siblings.push(subtreeHash(store, hasher, low + k, high));
      high = low + k;
    } else {
      siblings.push(subtreeHash(store, hasher, low, low + k));
      low += k;
      m -= k;
      complete = false;
    }
  }
  const proof = complete ? [] : [subtreeHash(store, hasher, low, high)];
  return proof.concat(siblings.reverse());
}
