import { hashChildren, type MerkleHasher } from './merkle-hasher.js';
import type { MerkleNodeStore } from './merkle-node-store.js';

/**
 * MTH(D[start:end]) for a subtree as the RFC 9162 §2.1 recursion produces them: `start` is a
 * multiple of the smallest power of two ≥ end − start. A perfect subtree is one stored node; a
 * right-edge subtree of n leaves splits, as MTH does, into perfect subtrees of sizes the binary
 * digits of n, largest first, folded from the right: at most log2(n) reads and hashes.
 */
export function subtreeHash(store: MerkleNodeStore, hasher: MerkleHasher, start: number, end: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let position = start;
  let remaining = end - start;
  let width = 1;
  let level = 0;
  while (width * 2 <= remaining) {
    width *= 2;
    level++;
  }
  while (remaining > 0) {
    if (width <= remaining) {
      parts.push(store.node(level, position / width));
      position += width;
      remaining -= width;
    }
    width /= 2;
    level--;
  }
  let hash = parts.pop() as Uint8Array;
  while (parts.length > 0) hash = hashChildren(hasher, parts.pop() as Uint8Array, hash);
  return hash;
}
