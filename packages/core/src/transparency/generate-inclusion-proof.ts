import { ZzError } from '../errors/zz-error.js';
import type { MerkleHasher } from './merkle-hasher.js';
import type { MerkleNodeStore } from './merkle-node-store.js';
import { subtreeHash } from './subtree-hash.js';
import { checkCount, largestPowerOfTwoBelow } from './tree-math.js';

/**
 * The inclusion proof of leaf `index` in the tree of the first `size` leaves: PATH(m, D[n]) of
 * RFC 9162 §2.1.3.1, leaf-side hash first. PATH recurses into the half holding leaf m and appends
 * the other half's MTH; this walks the same halves top-down and reverses.
 * `ERR_LOG_INDEX_RANGE` unless index < size ≤ store.size().
 */
export function generateInclusionProof(
  store: MerkleNodeStore,
  hasher: MerkleHasher,
  index: number,
  size: number,
): Uint8Array[] {
  checkCount(index, 'Leaf index');
  checkCount(size, 'Tree size');
  if (size > store.size()) throw new ZzError('ERR_LOG_INDEX_RANGE', `Tree size ${size} is beyond the log`);
  if (index >= size) throw new ZzError('ERR_LOG_INDEX_RANGE', `Leaf ${index} is not in a tree of ${size}`);
  const path: Uint8Array[] = [];
  let low = 0;
  let high = size;
  while (high - low > 1) {
    const k = largestPowerOfTwoBelow(high - low);
    if (index - low < k) {
      path.push(subtreeHash(store, hasher, low + k, high));
      high = low + k;
    } else {
      path.push(subtreeHash(store, hasher, low, low + k));
      low += k;
    }
  }
  return path.reverse();
}
