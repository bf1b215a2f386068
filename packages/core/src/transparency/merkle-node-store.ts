/**
 * Storage for a Merkle log: its entries and the hashes of its perfect subtrees. Level 0 holds the
 * leaf hashes; the node at level k, index i is MTH(D[i·2^k : (i+1)·2^k]) (RFC 9162 §2.1.1), stored
 * once all its 2^k leaves exist. Any subtree hash the proofs of RFC 9162 §2.1.3–§2.1.4 need, for
 * any tree size up to `size()`, is then one stored node or a fold of at most log2(n) of them.
 *
 * The store holds bytes and does no hashing: `MerkleLog` computes the nodes and hands them over.
 * Implementations: `MemoryMerkleNodeStore` here, `FileMerkleNodeStore` in @zhengzhao/server-kit.
 */
export interface MerkleNodeStore {
  /** Number of leaves (entries) held. */
  size(): number;
  /**
   * The hash of the perfect subtree at `level`, `index`. Defined when (index + 1)·2^level ≤
   * size(); anything else is `ERR_LOG_INDEX_RANGE`.
   */
  node(level: number, index: number): Uint8Array;
  /** The bytes of entry `index` (< size()), as appended. */
  entry(index: number): Uint8Array;
  /**
   * Appends entry n = size(). `nodes[0]` is its leaf hash; `nodes[k]` (k ≥ 1) is the level-k node
   * it completes, index (n + 1)/2^k − 1, for every k with 2^k dividing n + 1 — so `nodes` has
   * 1 + (number of trailing one bits of n) hashes.
   */
  append(entry: Uint8Array, nodes: readonly Uint8Array[]): void;
}

/** The number of nodes appending leaf `n` stores: 1 + the trailing one bits of `n`. */
export function nodesCompletedBy(n: number): number {
  let count = 1;
  let rest = n;
  while (rest % 2 === 1) {
    count++;
    rest = Math.floor(rest / 2);
  }
  return count;
}
