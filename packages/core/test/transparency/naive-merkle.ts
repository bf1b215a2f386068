import { hashChildren, hashLeaf, type MerkleHasher } from '../../src/index.js';

/**
 * RFC 9162 §2.1 written as its recursive definitions, with no stored nodes and no cleverness:
 * the oracle the property tests hold the log against.
 */
function k(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}

/** MTH(D[n]) of §2.1.1. */
export function naiveRoot(h: MerkleHasher, d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return h(new Uint8Array(0));
  if (d.length === 1) return hashLeaf(h, d[0] as Uint8Array);
  const split = k(d.length);
  return hashChildren(h, naiveRoot(h, d.slice(0, split)), naiveRoot(h, d.slice(split)));
}

/** PATH(m, D[n]) of §2.1.3.1. */
export function naivePath(h: MerkleHasher, m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const split = k(d.length);
  if (m < split) return [...naivePath(h, m, d.slice(0, split)), naiveRoot(h, d.slice(split))];
  return [...naivePath(h, m - split, d.slice(split)), naiveRoot(h, d.slice(0, split))];
}

/** SUBPROOF(m, D[n], b) of §2.1.4.1. */
function subproof(h: MerkleHasher, m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [naiveRoot(h, d)];
  const split = k(d.length);
  if (m <= split) return [...subproof(h, m, d.slice(0, split), b), naiveRoot(h, d.slice(split))];
  return [...subproof(h, m - split, d.slice(split), false), naiveRoot(h, d.slice(0, split))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) for 0 < m < n (§2.1.4.1). */
export function naiveProof(h: MerkleHasher, m: number, d: readonly Uint8Array[]): Uint8Array[] {
  return subproof(h, m, d, true);
}
