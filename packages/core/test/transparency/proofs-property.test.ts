import { describe, expect, it } from 'vitest';
import {
  hashLeaf,
  isZzError,
  MemoryMerkleNodeStore,
  MerkleLog,
  merkleRoot,
  sha256MerkleHasher,
  verifyConsistencyProof,
  verifyInclusionProof,
} from '../../src/index.js';
import { naivePath, naiveProof, naiveRoot } from './naive-merkle.js';

const h = sha256MerkleHasher;
const MAX = 64;
/** Entries of varied length, two of them empty, so that no two sizes share a root by accident. */
const entries = Array.from({ length: MAX }, (_, i) => Uint8Array.from({ length: (i * 7) % 13 }, (_, j) => i * 31 + j));

function buildLog(size: number): MerkleLog {
  const log = new MerkleLog(new MemoryMerkleNodeStore(), h);
  for (const entry of entries.slice(0, size)) log.append(entry);
  return log;
}

function failsWith(fn: () => void, code: string): boolean {
  try {
    fn();
    return false;
  } catch (error) {
    return isZzError(error) && error.code === code;
  }
}

/** A copy of `proof` with bit 0 of byte 5 of element `i` flipped. */
function tampered(proof: readonly Uint8Array[], i: number): Uint8Array[] {
  return proof.map((p, j) => (j === i ? Uint8Array.from(p, (b, n) => (n === 5 ? b ^ 1 : b)) : p));
}

describe('Merkle log against the recursive definitions of RFC 9162 §2.1, sizes 1..64', () => {
  const full = buildLog(MAX); // proofs for older sizes come from the stored nodes of this one log
  const roots = Array.from({ length: MAX + 1 }, (_, n) => naiveRoot(h, entries.slice(0, n)));

  it('roots: MerkleLog.root(n), merkleRoot and a log of exactly n all equal MTH(D[n])', () => {
    for (let n = 0; n <= MAX; n++) {
      expect(full.root(n)).toEqual(roots[n]);
      expect(merkleRoot(h, entries.slice(0, n))).toEqual(roots[n]);
      expect(buildLog(n).root()).toEqual(roots[n]);
    }
  });

  it('inclusion: every index of every size equals PATH(m, D[n]) and verifies; any flipped bit fails', () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      const own = buildLog(n);
      for (let m = 0; m < n; m++) {
        const expected = naivePath(h, m, entries.slice(0, n));
        const proof = full.inclusionProof(m, n);
        expect(proof).toEqual(expected);
        expect(own.inclusionProof(m)).toEqual(expected);
        const input = {
          index: m,
          size: n,
          leafHash: hashLeaf(h, entries[m] as Uint8Array),
          proof,
          rootHash: roots[n] as Uint8Array,
        };
        verifyInclusionProof(h, input);
        for (let i = 0; i < proof.length; i++) {
          expect(
            failsWith(() => verifyInclusionProof(h, { ...input, proof: tampered(proof, i) }), 'ERR_LOG_PROOF_INVALID'),
          ).toBe(true);
        }
        if (n > 1) {
          const other = (m + 1) % n;
          expect(failsWith(() => verifyInclusionProof(h, { ...input, index: other }), 'ERR_LOG_PROOF_INVALID')).toBe(
            true,
          );
        }
        expect(
          failsWith(
            () => verifyInclusionProof(h, { ...input, proof: [...proof, roots[n] as Uint8Array] }),
            'ERR_LOG_PROOF_INVALID',
          ),
        ).toBe(true);
        if (proof.length > 0) {
          expect(
            failsWith(() => verifyInclusionProof(h, { ...input, proof: proof.slice(1) }), 'ERR_LOG_PROOF_INVALID'),
          ).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it('consistency: every pair 0 ≤ m ≤ n ≤ 64 equals PROOF(m, D[n]) and verifies; any flipped bit fails', () => {
    let checked = 0;
    for (let n = 0; n <= MAX; n++) {
      for (let m = 0; m <= n; m++) {
        const expected = m === 0 || m === n ? [] : naiveProof(h, m, entries.slice(0, n));
        const proof = full.consistencyProof(m, n);
        expect(proof).toEqual(expected);
        const input = {
          oldSize: m,
          newSize: n,
          oldRootHash: roots[m] as Uint8Array,
          newRootHash: roots[n] as Uint8Array,
          proof,
        };
        verifyConsistencyProof(h, input);
        for (let i = 0; i < proof.length; i++) {
          expect(
            failsWith(
              () => verifyConsistencyProof(h, { ...input, proof: tampered(proof, i) }),
              'ERR_LOG_PROOF_INVALID',
            ),
          ).toBe(true);
        }
        if (m > 0 && m < n) {
          // another old root: the log was rewritten before m
          const rewritten = naiveRoot(h, [new Uint8Array([0xff]), ...entries.slice(1, m)]);
          expect(
            failsWith(() => verifyConsistencyProof(h, { ...input, oldRootHash: rewritten }), 'ERR_LOG_PROOF_INVALID'),
          ).toBe(true);
          expect(
            failsWith(
              () => verifyConsistencyProof(h, { ...input, proof: proof.slice(0, -1) }),
              'ERR_LOG_PROOF_INVALID',
            ),
          ).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBe(((MAX + 1) * (MAX + 2)) / 2);
  });

  it('reopening a store keeps the right edge: appends after a new MerkleLog on the same store agree', () => {
    const store = new MemoryMerkleNodeStore();
    const first = new MerkleLog(store, h);
    for (const entry of entries.slice(0, 37)) first.append(entry);
    const second = new MerkleLog(store, h);
    expect(second.root()).toEqual(roots[37]);
    for (const entry of entries.slice(37)) second.append(entry);
    expect(second.root()).toEqual(roots[MAX]);
    expect(first.root()).toEqual(roots[MAX]); // the first notices the store moved on
    expect(second.entry(40)).toEqual(entries[40]);
  });
});
