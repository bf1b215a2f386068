import { createNodePlatform } from '@zhengzhao/crypto-node';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COSE_HEADER,
  decodeCoseSign1,
  decodeTreeHead,
  type ExportableSigner,
  encodeAccessLogEntry,
  encodeCbor,
  encodeCoseSign1,
  encodeTreeHead,
  hashLeaf,
  isZzError,
  MemoryMerkleNodeStore,
  MerkleLog,
  type SuiteId,
  sha256MerkleHasher,
  signCoseSign1,
  signTreeHead,
  type TreeHead,
  verifyConsistencyProof,
  verifyInclusionProof,
  verifyTreeHead,
} from '../../src/index.js';

const platform = createNodePlatform();
const h = sha256MerkleHasher;
const LOG_ID = 'https://share.example.gov.cn/log';
const NOW = new Date('2026-06-01T08:00:00.123Z');
const holder = new Uint8Array(32).fill(7);

function entry(i: number): Uint8Array {
  return encodeAccessLogEntry({
    type: i % 3 === 0 ? 'request' : i % 3 === 1 ? 'approval' : 'retrieval',
    at: 1_780_000_000 + i,
    agency: 'rp.hotel.44',
    requestId: `req-${i}`,
    purpose: 'hotel-checkin',
    docType: 'cn.gov.eid.1',
    elements: ['full_name', 'id_number'],
    holder,
  });
}

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((error) => isZzError(error) && error.code === code);
}

describe.each<SuiteId>(['ES256', 'SM2'])('signed tree heads (%s)', (suite) => {
  let signer: ExportableSigner;
  let other: ExportableSigner;
  beforeAll(async () => {
    signer = await platform.suite(suite).generateSigner();
    other = await platform.suite(suite).generateSigner();
  });

  it('signs and verifies: COSE_Sign1 with typ, alg of the key and a deterministic CBOR payload', async () => {
    const head: TreeHead = { logId: LOG_ID, treeSize: 5, rootHash: h(new Uint8Array([1])), timestamp: NOW };
    const signed = await signTreeHead(head, { signer, kid: new Uint8Array([9]) });
    const message = decodeCoseSign1(signed);
    expect(message.protectedHeaders.get(COSE_HEADER.typ)).toBe('application/zz-tree-head+cose');
    expect(message.protectedHeaders.get(COSE_HEADER.alg)).toBe(suite === 'ES256' ? -7 : platform.suite('SM2').coseAlg);
    expect(message.payload).toEqual(encodeTreeHead(head));
    expect(await verifyTreeHead(platform, signed, { publicKey: signer.publicKey, logId: LOG_ID })).toEqual(head);
  });

  it('refuses another key, another log, a changed payload, a flipped signature bit and junk', async () => {
    const head: TreeHead = { logId: LOG_ID, treeSize: 5, rootHash: h(new Uint8Array([1])), timestamp: NOW };
    const signed = await signTreeHead(head, { signer });
    await rejects(
      verifyTreeHead(platform, signed, { publicKey: other.publicKey, logId: LOG_ID }),
      'ERR_LOG_TREE_HEAD_SIGNATURE',
    );
    await rejects(
      verifyTreeHead(platform, signed, { publicKey: signer.publicKey, logId: 'other' }),
      'ERR_LOG_TREE_HEAD_MALFORMED',
    );
    const message = decodeCoseSign1(signed);
    const bigger = encodeTreeHead({ ...head, treeSize: 6 });
    const swapped = encodeCoseSign1({ ...message, payload: bigger }, { tagged: true });
    await rejects(
      verifyTreeHead(platform, swapped, { publicKey: signer.publicKey, logId: LOG_ID }),
      'ERR_LOG_TREE_HEAD_SIGNATURE',
    );
    const signature = message.signature.slice();
    signature[10] = (signature[10] as number) ^ 1;
    const flipped = encodeCoseSign1({ ...message, signature }, { tagged: true });
    await rejects(
      verifyTreeHead(platform, flipped, { publicKey: signer.publicKey, logId: LOG_ID }),
      'ERR_LOG_TREE_HEAD_SIGNATURE',
    );
    const untagged = encodeCoseSign1(message);
    await rejects(
      verifyTreeHead(platform, untagged, { publicKey: signer.publicKey, logId: LOG_ID }),
      'ERR_LOG_TREE_HEAD_MALFORMED',
    );
    await rejects(
      verifyTreeHead(platform, signed.slice(0, -3), { publicKey: signer.publicKey, logId: LOG_ID }),
      'ERR_LOG_TREE_HEAD_MALFORMED',
    );
    // a well-signed COSE_Sign1 of another type is not a tree head
    const foreign = await signCoseSign1(signer, { payload: bigger });
    await rejects(
      verifyTreeHead(platform, encodeCoseSign1(foreign, { tagged: true }), {
        publicKey: signer.publicKey,
        logId: LOG_ID,
      }),
      'ERR_LOG_TREE_HEAD_MALFORMED',
    );
    // a well-signed head whose payload is not deterministic CBOR (keys out of order)
    const loose = new Uint8Array([
      0xa4,
      ...encodeCbor('size').slice(),
      5,
      ...encodeCbor('log'),
      ...encodeCbor(LOG_ID),
      ...encodeCbor('root'),
      ...encodeCbor(head.rootHash),
      ...encodeCbor('time'),
      ...encodeCbor(NOW.getTime()),
    ]);
    expect(() => decodeTreeHead(loose)).toThrow(expect.objectContaining({ code: 'ERR_LOG_TREE_HEAD_MALFORMED' }));
    const looseSigned = await signCoseSign1(signer, {
      payload: loose,
      protectedHeaders: new Map([[COSE_HEADER.typ, 'application/zz-tree-head+cose']]),
    });
    await rejects(
      verifyTreeHead(platform, encodeCoseSign1(looseSigned, { tagged: true }), {
        publicKey: signer.publicKey,
        logId: LOG_ID,
      }),
      'ERR_LOG_TREE_HEAD_MALFORMED',
    );
  });

  it('detects tampering: a changed past entry fails inclusion; a rewritten log fails consistency', async () => {
    const log = new MerkleLog(new MemoryMerkleNodeStore(), h);
    for (let i = 0; i < 10; i++) log.append(entry(i));
    const oldSigned = await signTreeHead(
      { logId: LOG_ID, treeSize: 10, rootHash: log.root(), timestamp: NOW },
      { signer },
    );
    for (let i = 10; i < 23; i++) log.append(entry(i));
    const newSigned = await signTreeHead(
      { logId: LOG_ID, treeSize: 23, rootHash: log.root(), timestamp: NOW },
      { signer },
    );
    const oldHead = await verifyTreeHead(platform, oldSigned, { publicKey: signer.publicKey, logId: LOG_ID });
    const newHead = await verifyTreeHead(platform, newSigned, { publicKey: signer.publicKey, logId: LOG_ID });

    // the holder's wallet: its entry 4 is in the log the signed head commits to
    const proof = log.inclusionProof(4, newHead.treeSize);
    verifyInclusionProof(h, {
      index: 4,
      size: newHead.treeSize,
      leafHash: hashLeaf(h, entry(4)),
      proof,
      rootHash: newHead.rootHash,
    });
    // …and a changed copy of that entry is not
    const changed = entry(4).slice();
    changed[changed.length - 1] = 8; // another holder reference byte
    expect(() =>
      verifyInclusionProof(h, {
        index: 4,
        size: newHead.treeSize,
        leafHash: hashLeaf(h, changed),
        proof,
        rootHash: newHead.rootHash,
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_LOG_PROOF_INVALID' }));

    // the honest log: the new head extends the old one
    const consistency = log.consistencyProof(oldHead.treeSize, newHead.treeSize);
    verifyConsistencyProof(h, {
      oldSize: oldHead.treeSize,
      newSize: newHead.treeSize,
      oldRootHash: oldHead.rootHash,
      newRootHash: newHead.rootHash,
      proof: consistency,
    });

    // a rewritten log: entry 4 replaced (say, a refusal erased), then grown to 23 and re-signed
    const forged = new MerkleLog(new MemoryMerkleNodeStore(), h);
    for (let i = 0; i < 23; i++) forged.append(i === 4 ? changed : entry(i));
    const forgedSigned = await signTreeHead(
      { logId: LOG_ID, treeSize: 23, rootHash: forged.root(), timestamp: NOW },
      { signer },
    );
    const forgedHead = await verifyTreeHead(platform, forgedSigned, { publicKey: signer.publicKey, logId: LOG_ID });
    expect(() =>
      verifyConsistencyProof(h, {
        oldSize: oldHead.treeSize,
        newSize: forgedHead.treeSize,
        oldRootHash: oldHead.rootHash,
        newRootHash: forgedHead.rootHash,
        proof: forged.consistencyProof(oldHead.treeSize, 23),
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_LOG_PROOF_INVALID' }));
    // nor does the honest proof connect the old head to the forged one
    expect(() =>
      verifyConsistencyProof(h, {
        oldSize: 10,
        newSize: 23,
        oldRootHash: oldHead.rootHash,
        newRootHash: forgedHead.rootHash,
        proof: consistency,
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_LOG_PROOF_INVALID' }));
  });
});

describe('tree head payload', () => {
  const head: TreeHead = { logId: LOG_ID, treeSize: 2 ** 40, rootHash: new Uint8Array(32).fill(3), timestamp: NOW };

  it('round-trips and keeps milliseconds', () => {
    expect(decodeTreeHead(encodeTreeHead(head))).toEqual(head);
  });

  it('refuses bad fields with ERR_LOG_TREE_HEAD_MALFORMED', () => {
    const bad: unknown[] = [
      { ...head, rootHash: new Uint8Array(31) },
      { ...head, treeSize: -1 },
      { ...head, treeSize: 1.5 },
      { ...head, logId: '' },
      { ...head, timestamp: new Date(Number.NaN) },
    ];
    for (const value of bad) {
      expect(() => encodeTreeHead(value as TreeHead)).toThrow(
        expect.objectContaining({ code: 'ERR_LOG_TREE_HEAD_MALFORMED' }),
      );
    }
    const extra = encodeCbor({ log: LOG_ID, root: head.rootHash, size: 1, time: 1, x: 1 });
    expect(() => decodeTreeHead(extra)).toThrow(expect.objectContaining({ code: 'ERR_LOG_TREE_HEAD_MALFORMED' }));
    const wrongType = encodeCbor({ log: LOG_ID, root: head.rootHash, size: '1', time: 1 });
    expect(() => decodeTreeHead(wrongType)).toThrow(expect.objectContaining({ code: 'ERR_LOG_TREE_HEAD_MALFORMED' }));
    expect(() => decodeTreeHead(encodeTreeHead(head).slice(0, -2))).toThrow(
      expect.objectContaining({ code: 'ERR_LOG_TREE_HEAD_MALFORMED' }),
    );
  });
});
