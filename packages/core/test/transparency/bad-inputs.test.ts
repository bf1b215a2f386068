import { describe, expect, it } from 'vitest';
import {
  hashLeaf,
  MemoryMerkleNodeStore,
  MerkleLog,
  sha256MerkleHasher,
  verifyConsistencyProof,
  verifyInclusionProof,
} from '../../src/index.js';

const h = sha256MerkleHasher;

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('Merkle log: bad inputs give typed codes', () => {
  const log = new MerkleLog(new MemoryMerkleNodeStore(), h);
  for (let i = 0; i < 11; i++) log.append(new Uint8Array([i]));
  const root = log.root();
  const leafHash = hashLeaf(h, new Uint8Array([3]));
  const proof = log.inclusionProof(3);

  it('generation: index ≥ size, size beyond the log, oldSize > newSize are ERR_LOG_INDEX_RANGE', () => {
    expect(code(() => log.inclusionProof(11))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.inclusionProof(3, 3))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.inclusionProof(0, 12))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.consistencyProof(5, 4))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.consistencyProof(5, 12))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.root(12))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.entry(11))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => log.inclusionProof(-1))).toBe('ERR_INPUT_INVALID');
    expect(code(() => log.inclusionProof(1.5))).toBe('ERR_INPUT_INVALID');
    expect(code(() => log.append('entry' as unknown as Uint8Array))).toBe('ERR_INPUT_INVALID');
  });

  it('inclusion verification: index ≥ size, too long, too short, wrong hash lengths', () => {
    const input = { index: 3, size: 11, leafHash, proof, rootHash: root };
    expect(code(() => verifyInclusionProof(h, input))).toBeUndefined();
    expect(code(() => verifyInclusionProof(h, { ...input, index: 11 }))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => verifyInclusionProof(h, { ...input, size: 0 }))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => verifyInclusionProof(h, { ...input, proof: [...proof, root] }))).toBe('ERR_LOG_PROOF_INVALID');
    expect(code(() => verifyInclusionProof(h, { ...input, proof: proof.slice(0, -1) }))).toBe('ERR_LOG_PROOF_INVALID');
    expect(code(() => verifyInclusionProof(h, { ...input, proof: [] }))).toBe('ERR_LOG_PROOF_INVALID');
    expect(code(() => verifyInclusionProof(h, { ...input, leafHash: leafHash.slice(1) }))).toBe(
      'ERR_LOG_PROOF_MALFORMED',
    );
    expect(code(() => verifyInclusionProof(h, { ...input, rootHash: new Uint8Array(33) }))).toBe(
      'ERR_LOG_PROOF_MALFORMED',
    );
    expect(
      code(() =>
        verifyInclusionProof(h, { ...input, proof: [proof[0]?.slice(0, 31) as Uint8Array, ...proof.slice(1)] }),
      ),
    ).toBe('ERR_LOG_PROOF_MALFORMED');
    expect(code(() => verifyInclusionProof(h, { ...input, proof: 'x' as unknown as Uint8Array[] }))).toBe(
      'ERR_LOG_PROOF_MALFORMED',
    );
    expect(code(() => verifyInclusionProof(h, { ...input, proof: Array(65).fill(root) }))).toBe(
      'ERR_LOG_PROOF_MALFORMED',
    );
    expect(code(() => verifyInclusionProof(h, { ...input, index: Number.NaN }))).toBe('ERR_INPUT_INVALID');
  });

  it('consistency verification: oldSize > newSize, too long, too short, wrong hash lengths', () => {
    const oldRoot = log.root(6);
    const cproof = log.consistencyProof(6);
    const input = { oldSize: 6, newSize: 11, oldRootHash: oldRoot, newRootHash: root, proof: cproof };
    expect(code(() => verifyConsistencyProof(h, input))).toBeUndefined();
    expect(code(() => verifyConsistencyProof(h, { ...input, oldSize: 12 }))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => verifyConsistencyProof(h, { ...input, proof: [...cproof, root] }))).toBe('ERR_LOG_PROOF_INVALID');
    expect(code(() => verifyConsistencyProof(h, { ...input, proof: cproof.slice(0, -1) }))).toBe(
      'ERR_LOG_PROOF_INVALID',
    );
    expect(code(() => verifyConsistencyProof(h, { ...input, oldRootHash: oldRoot.slice(0, 16) }))).toBe(
      'ERR_LOG_PROOF_MALFORMED',
    );
    expect(code(() => verifyConsistencyProof(h, { ...input, proof: [new Uint8Array(32), new Uint8Array(8)] }))).toBe(
      'ERR_LOG_PROOF_MALFORMED',
    );
    expect(code(() => verifyConsistencyProof(h, { ...input, newSize: -2 }))).toBe('ERR_INPUT_INVALID');
  });

  it('store: appending the wrong number of nodes and reading beyond the tree are refused', () => {
    const store = new MemoryMerkleNodeStore();
    expect(code(() => store.append(new Uint8Array(1), []))).toBe('ERR_INPUT_INVALID');
    expect(code(() => store.node(0, 0))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => store.entry(0))).toBe('ERR_LOG_INDEX_RANGE');
  });
});
