import { encodeAccessLogEntry, encodeBase64url, MemoryMerkleNodeStore, MerkleLog, signTreeHead } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAccessLog, type HolderLogResponse } from '../src/share/check-access-log.js';

const platform = createNodePlatform();
const LOG_ID = 'https://share.zhengzhao.test/log';
const holder = new Uint8Array(32).fill(9);
const other = new Uint8Array(32).fill(4);
const entry = (i: number, who = holder) =>
  encodeAccessLogEntry({
    type: i % 2 === 0 ? 'request' : 'retrieval',
    at: 1_780_000_000 + i,
    agency: 'demo-bank',
    requestId: `req_${i}`,
    purpose: 'demo-bank-account',
    docType: 'cn.gov.eid.1',
    elements: ['full_name'],
    holder: who,
  });

describe('the wallet checks the access log (inclusion of its entries, consistency with the last head)', () => {
  let signer: Awaited<ReturnType<ReturnType<typeof platform.suite>['generateSigner']>>;
  beforeAll(async () => {
    signer = await platform.suite('ES256').generateSigner();
  });

  /** A log of `size` entries where every third is this holder's, and the holder's view of it. */
  async function logOf(size: number, edit?: (entries: Uint8Array[]) => void) {
    const entries = Array.from({ length: size }, (_, i) => entry(i, i % 3 === 0 ? holder : other));
    edit?.(entries);
    const log = new MerkleLog(new MemoryMerkleNodeStore());
    for (const bytes of entries) log.append(bytes);
    const head = { logId: LOG_ID, treeSize: size, rootHash: log.root(), timestamp: new Date(1_780_000_500_000) };
    const response: HolderLogResponse = {
      tree_head: { signed: encodeBase64url(await signTreeHead(head, { signer })) },
      entries: entries.flatMap((bytes, index) =>
        index % 3 === 0
          ? [{ index, entry: encodeBase64url(bytes), proof: log.inclusionProof(index).map(encodeBase64url) }]
          : [],
      ),
    };
    return { log, response, root: encodeBase64url(log.root()) };
  }

  const options = (log: MerkleLog, known?: { size: number; root: string }) => ({
    logKey: signer.publicKey,
    logId: LOG_ID,
    ...(known ? { known } : {}),
    consistencyProof: async (from: number, to: number) => log.consistencyProof(from, to).map(encodeBase64url),
  });

  it('accepts an honest log and proves each of the holder’s entries', async () => {
    const { log, response } = await logOf(20);
    const checked = await checkAccessLog(platform, response, options(log));
    expect(checked.head.treeSize).toBe(20);
    expect(checked.entries.map((e) => e.index)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    expect(checked.entries[1]).toMatchObject({ requestId: 'req_3', type: 'retrieval', agency: 'demo-bank' });
  });

  it('accepts a grown log that is consistent with the head seen before', async () => {
    const old = await logOf(13);
    const { log, response } = await logOf(40);
    await expect(checkAccessLog(platform, response, options(log, { size: 13, root: old.root }))).resolves.toBeDefined();
  });

  it('detects an entry altered after it was shown (its inclusion proof fails)', async () => {
    const { log, response } = await logOf(20);
    const first = response.entries[2] as HolderLogResponse['entries'][number];
    const altered = entry(6);
    altered.set([(altered.at(-1) ?? 0) ^ 1], altered.length - 1); // one byte changed (the request id)
    const tampered = { ...response, entries: [{ ...first, entry: encodeBase64url(altered) }] };
    await expect(checkAccessLog(platform, tampered, options(log))).rejects.toMatchObject({
      code: 'ERR_LOG_PROOF_INVALID',
    });
  });

  it('detects a rewritten past (a consistency proof from the earlier head fails)', async () => {
    const old = await logOf(13);
    const rewritten = await logOf(40, (entries) => {
      entries[5] = entry(99, other); // a past entry replaced, the tree re-signed
    });
    await expect(
      checkAccessLog(platform, rewritten.response, options(rewritten.log, { size: 13, root: old.root })),
    ).rejects.toMatchObject({ code: 'ERR_LOG_PROOF_INVALID' });
  });

  it('detects a log that shrank, a head signed by another key, and a malformed answer', async () => {
    const { log, response, root } = await logOf(10);
    await expect(checkAccessLog(platform, response, options(log, { size: 12, root }))).rejects.toMatchObject({
      code: 'ERR_LOG_PROOF_INVALID',
    });
    const stranger = await platform.suite('ES256').generateSigner();
    await expect(
      checkAccessLog(platform, response, { ...options(log), logKey: stranger.publicKey }),
    ).rejects.toMatchObject({ code: 'ERR_LOG_TREE_HEAD_SIGNATURE' });
    await expect(
      checkAccessLog(platform, response, { ...options(log), logId: 'https://other.example/log' }),
    ).rejects.toMatchObject({ code: 'ERR_LOG_TREE_HEAD_MALFORMED' });
    await expect(checkAccessLog(platform, { entries: [] } as never, options(log))).rejects.toMatchObject({
      code: 'ERR_LOG_ENTRY_MALFORMED',
    });
  });
});
