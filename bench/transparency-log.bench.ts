/**
 * Transparency log of the document-sharing access log (RFC 9162 §2.1 Merkle tree, file store):
 * appends N access-log entries (default 10 M; `ZZ_BENCH_LOG_ENTRIES` to change) into a
 * `FileMerkleNodeStore` in a temporary directory, then measures at size N — append µs/entry,
 * reopen (torn-tail check), inclusion proof generation + verification (budget 5 ms), consistency
 * proof generation + verification — each as an absolute figure and as a multiple of a raw
 * node:crypto SHA-256 of 32 bytes and of a raw ES256 verify, both measured in the same run.
 */
import * as crypto from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AccessLogEntry,
  encodeAccessLogEntry,
  hashLeaf,
  MerkleLog,
  utf8Encode,
  verifyConsistencyProof,
  verifyInclusionProof,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { FileMerkleNodeStore, nodeSha256MerkleHasher } from '@zhengzhao/server-kit';
import { median, opsPerSecond, report } from './lib.js';

const ENTRIES = Number(process.env.ZZ_BENCH_LOG_ENTRIES ?? 10_000_000);
const DISTINCT = 4096;
const h = nodeSha256MerkleHasher;

export async function run(): Promise<void> {
  if (!Number.isSafeInteger(ENTRIES) || ENTRIES < 2) throw new Error('ZZ_BENCH_LOG_ENTRIES must be an integer ≥ 2');
  const root = mkdtempSync(join(tmpdir(), 'zz-bench-log-'));
  try {
    await measure(join(root, 'log'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function measure(dir: string): Promise<void> {
  const baselines = await baselineMicros();
  const entries = Array.from({ length: DISTINCT }, (_, i) => encodeAccessLogEntry(sampleEntry(i)));

  // append N, with progress lines
  let store = FileMerkleNodeStore.open({ dir, hasher: h });
  let log = new MerkleLog(store, h);
  const step = Math.max(1, Math.floor(ENTRIES / 10));
  const start = performance.now();
  let lap = start;
  for (let i = 0; i < ENTRIES; i++) {
    log.append(entries[i % DISTINCT] as Uint8Array);
    if ((i + 1) % step === 0) {
      const now = performance.now();
      process.stdout.write(
        `  … ${(i + 1).toLocaleString('en')} entries, ${(((now - lap) * 1000) / step).toFixed(2)} µs/entry this lap, ${((now - start) / 1000).toFixed(1)} s\n`,
      );
      lap = now;
    }
  }
  const appended = performance.now();
  store.flush();
  const flushed = performance.now();
  const appendMicros = ((flushed - start) * 1000) / ENTRIES;
  const bytes = ['entries.dat', 'entries.idx'].reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  report(
    `append ${ENTRIES.toLocaleString('en')} access-log entries (avg ${Math.round(bytes / ENTRIES) - 8} B) into the file store, incl. final flush (${((flushed - appended) / 1000).toFixed(2)} s)`,
    `${appendMicros.toFixed(2)} µs/entry`,
    'report',
    undefined,
  );
  report(
    `  … append ÷ raw SHA-256 of 32 B (${baselines.sha256.toFixed(3)} µs)`,
    `${(appendMicros / baselines.sha256).toFixed(1)}×`,
    'report',
    undefined,
  );

  // reopen: recovery's tail check over every level
  store.close();
  const reopenStart = performance.now();
  store = FileMerkleNodeStore.open({ dir, hasher: h });
  const reopenMs = performance.now() - reopenStart;
  log = new MerkleLog(store, h);
  report(
    `reopen the store at ${ENTRIES.toLocaleString('en')} (torn-tail check, rebuilt ${store.recovery.rebuiltNodes})`,
    `${reopenMs.toFixed(1)} ms`,
    'report',
    undefined,
  );

  const size = log.size;
  const rootHash = log.root();
  const random = xorshift(0x10c);
  // inclusion: generate + verify for random leaves of the tree of size N
  let proofLength = 0;
  const inclusion = async () => {
    const index = random() % size;
    const proof = log.inclusionProof(index, size);
    proofLength = proof.length;
    verifyInclusionProof(h, { index, size, leafHash: hashLeaf(h, log.entry(index)), proof, rootHash });
  };
  const inclusionMicros = await microsPer(inclusion);
  const inclusionMs = inclusionMicros / 1000;
  report(
    `inclusion proof at ${size.toLocaleString('en')}: read entry + generate (${proofLength} hashes) + verify`,
    `${inclusionMs.toFixed(3)} ms`,
    '≤ 5 ms',
    inclusionMs <= 5,
  );
  report(`  … ÷ raw SHA-256 of 32 B`, `${(inclusionMicros / baselines.sha256).toFixed(1)}×`, 'report', undefined);
  report(
    `  … ÷ raw ES256 verify (${baselines.es256.toFixed(1)} µs)`,
    `${(inclusionMicros / baselines.es256).toFixed(3)}×`,
    'report',
    undefined,
  );

  // consistency: generate + verify from a random older size to N
  const consistency = async () => {
    const oldSize = 1 + (random() % (size - 1));
    const proof = log.consistencyProof(oldSize, size);
    proofLength = proof.length;
    verifyConsistencyProof(h, { oldSize, newSize: size, oldRootHash: log.root(oldSize), newRootHash: rootHash, proof });
  };
  const consistencyMicros = await microsPer(consistency);
  report(
    `consistency proof to ${size.toLocaleString('en')} from a random size: old root + generate (~${proofLength} hashes) + verify`,
    `${(consistencyMicros / 1000).toFixed(3)} ms`,
    'report',
    undefined,
  );
  report(`  … ÷ raw SHA-256 of 32 B`, `${(consistencyMicros / baselines.sha256).toFixed(1)}×`, 'report', undefined);
  report(`  … ÷ raw ES256 verify`, `${(consistencyMicros / baselines.es256).toFixed(3)}×`, 'report', undefined);
  store.close();
}

/** Microseconds per call: the median of five rounds. */
async function microsPer(fn: () => unknown): Promise<number> {
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) rounds.push(1e6 / (await opsPerSecond(fn, 300)));
  return median(rounds);
}

async function baselineMicros(): Promise<{ sha256: number; es256: number }> {
  const block = crypto.randomBytes(32);
  const sha256 = await microsPer(() => crypto.hash('sha256', block, 'buffer'));
  const platform = createNodePlatform();
  const signer = await platform.suite('ES256').generateSigner();
  const data = utf8Encode('x'.repeat(120)); // about a tree head Sig_structure
  const signature = await signer.sign(data);
  const es256 = await microsPer(() => platform.suite('ES256').verify(signer.publicKey.point, data, signature));
  return { sha256, es256 };
}

function sampleEntry(i: number): AccessLogEntry {
  const types = ['request', 'approval', 'retrieval', 'refusal'] as const;
  const holder = new Uint8Array(32);
  new DataView(holder.buffer).setUint32(0, i * 2654435761);
  return {
    type: types[i % types.length] as AccessLogEntry['type'],
    at: 1_780_000_000 + i,
    agency: `rp.hotel.44.${String(i % 997).padStart(4, '0')}`,
    requestId: `req-${i.toString(16).padStart(8, '0')}`,
    purpose: 'hotel-checkin',
    docType: 'cn.gov.eid.1',
    elements: ['full_name', 'sex', 'birth_date', 'id_number', 'portrait_thumb'],
    holder,
  };
}

function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}
