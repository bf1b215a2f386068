import { emptyRoot, hashChildren, hashLeaf, type MerkleHasher } from './merkle-hasher.js';

/**
 * MTH(D[n]), the Merkle Tree Hash of a list of entries (RFC 9162 §2.1.1), in one pass with a
 * stack of perfect-subtree hashes (a binary counter): n leaf hashes and n − 1 node hashes, no
 * recursion. Equal to the recursive definition: the pending subtrees, folded from the right,
 * split exactly at the largest power of two below n.
 */
export function merkleRoot(hasher: MerkleHasher, entries: Iterable<Uint8Array>): Uint8Array {
  const stack: Uint8Array[] = []; // stack[i] covers 2^levels[i] leaves
  const levels: number[] = [];
  for (const entry of entries) {
    let hash = hashLeaf(hasher, entry);
    let level = 0;
    while (levels.length > 0 && levels[levels.length - 1] === level) {
      levels.pop();
      hash = hashChildren(hasher, stack.pop() as Uint8Array, hash);
      level++;
    }
    stack.push(hash);
    levels.push(level);
  }
  if (stack.length === 0) return emptyRoot(hasher);
  let root = stack.pop() as Uint8Array;
  while (stack.length > 0) root = hashChildren(hasher, stack.pop() as Uint8Array, root);
  return root;
}
