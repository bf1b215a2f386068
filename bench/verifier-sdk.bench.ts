/**
 * Verifier SDK (`@zhengzhao/verifier`):
 * (a) offline ZZ1 QR verify through `createVerifier` (trust bundle, cached status list, cache-age
 *     annotation) ÷ a raw node:crypto ES256 verify in the same run (two signatures per QR, so 0.5
 *     is the ceiling; target ≥ 0.35);
 * (b) what the status cache retains for a 10 M-entry 2-bit list with 0.1 % INVALID: the packed
 *     list plus the persisted token in the default memory store, and the measured heap +
 *     ArrayBuffer growth after a forced GC (target ≤ 3 MB);
 * (c) a proximity session over a loopback relay: engagement QR → authenticated DeviceRequest →
 *     DeviceResponse decrypted and verified (holder included), median of 15 (target ≤ 300 ms).
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  issueStatusListJwt,
  STATUS_INVALID,
  STATUS_LIST_JWT_MEDIA_TYPE,
  StatusList,
  type TrustSource,
  verifyQr,
  ZzError,
} from '@zhengzhao/core';
import { startRelay } from '@zhengzhao/relay';
import { createLogger } from '@zhengzhao/server-kit';
import { createMemoryCacheStore, createProximityReader, createVerifier } from '@zhengzhao/verifier';
import { WebSocket } from 'ws';
import {
  createFakeOrigin,
  createTestReader,
  createWorld,
  JWT_LIST_URI,
  platform,
} from '../packages/verifier/test/fixtures.js';
import { DOC_TYPE, issueTestMdoc, NS, startHolder } from '../packages/verifier/test/proximity-holder.js';
import { compare, median, report } from './lib.js';

const MB = 1_000_000;

export async function run(): Promise<void> {
  await qrThroughput();
  await statusCacheMemory();
  await proximityRoundTrip();
}

async function qrThroughput(): Promise<void> {
  const world = await createWorld();
  await world.publish(JWT_LIST_URI);
  const verifier = createVerifier({ platform, trust: world.bundle, clock: world.clock.now, fetch: world.origin.fetch });
  const qr = await world.qr();
  const first = await verifier.verify(qr);
  if (!first.valid || first.statusValue !== 0) throw new ZzError('ERR_CRYPTO_OPERATION', 'bench QR does not verify');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const message = new Uint8Array(300).fill(7);
  const signature = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const result = await compare(
    () => verifier.verify(qr),
    () => verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
    { rounds: 5, millis: 400 },
  );
  report(
    `SDK verify(ZZ1 hotel QR, bundle + cached status) ÷ raw ES256 (${Math.round(result.subject)} vs ${Math.round(result.baseline)} ops/s)`,
    result.ratio.toFixed(3),
    '≥ 0.35',
    result.ratio >= 0.35,
  );
  // what the SDK adds on top of the core: the same QR through core verifyQr with a fixed kid → key table
  const key = world.authority.documentSigner.signer.publicKey;
  const fixed: TrustSource = {
    resolveChain: () => Promise.reject(new ZzError('ERR_TRUST_CHAIN_MISSING')),
    resolveKid: async () => ({ publicKey: key, issuer: { name: 'bench DS', suite: 'ES256' } }),
  };
  const now = world.clock.now();
  const overhead = await compare(
    () => verifier.verify(qr),
    () => verifyQr(platform, qr, { trust: fixed, now }),
    { rounds: 5, millis: 300 },
  );
  report(
    `  … SDK verify ÷ core verifyQr, no status, fixed kid table (${Math.round(overhead.baseline)} ops/s)`,
    overhead.ratio.toFixed(3),
    'report',
    undefined,
  );
}

/** `global.gc`, enabled at run time when node was not started with --expose-gc. */
function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function statusCacheMemory(): Promise<void> {
  const gc = gcFunction();
  const world = await createWorld();
  const entries = 10_000_000;
  const list = new StatusList(entries, 2);
  let seed = 0x5eed;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  for (let n = 0; n < entries / 1000; n++) list.set(random() % entries, STATUS_INVALID);
  const uri = 'https://issuer.example.cn/status/big';
  const token = await issueStatusListJwt(platform, world.authority.documentSigner.signer, {
    uri,
    list,
    issuedAt: world.clock.now(),
    expiresAt: new Date(world.clock.now().getTime() + 86_400_000),
    certificateChain: [world.authority.documentSigner.der],
  });
  const origin = createFakeOrigin();
  origin.routes.set(uri, { body: token, contentType: STATUS_LIST_JWT_MEDIA_TYPE });
  const qr = await world.qr({ statusUri: uri, idx: 1234 });
  // the token string, origin and QR are the bench's, not the cache's: measured before the baseline
  const measure = () => {
    gc();
    gc();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const store = createMemoryCacheStore();
  const verifier = createVerifier({
    platform,
    trust: world.bundle,
    store,
    clock: world.clock.now,
    fetch: origin.fetch,
  });
  await verifier.ready();
  await verifier.verify(await world.qr({ statusUri: JWT_LIST_URI })).catch(() => undefined); // warm code paths
  const before = measure();
  const report1 = await verifier.verify(qr);
  const after = measure();
  if (report1.statusValue === undefined) throw new ZzError('ERR_CRYPTO_OPERATION', 'bench status list not used');
  const persisted = (await store.list()).filter((name) => name.endsWith('.token'));
  let tokenBytes = 0;
  for (const name of persisted) tokenBytes += ((await store.get(name)) as Uint8Array).byteLength;
  const packed = Math.ceil((entries * 2) / 8);
  const held = packed + tokenBytes;
  report(
    `10 M × 2-bit list (0.1 % INVALID): packed list + stored token (${(tokenBytes / 1024).toFixed(0)} KiB)`,
    `${(held / MB).toFixed(2)} MB`,
    '≤ 3 MB',
    held <= 3 * MB,
  );
  const delta = after - before;
  report('  … measured heap + ArrayBuffer growth after GC', `${(delta / MB).toFixed(2)} MB`, '≤ 3 MB', delta <= 3 * MB);
}

async function proximityRoundTrip(): Promise<void> {
  const relay = await startRelay({ port: 0, logger: createLogger({ name: 'relay', level: 'silent' }) });
  try {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI);
    const rp = await createTestReader(world.clock.now());
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    const reader = createProximityReader({ platform, readerKey: rp.readerKey, verifier, webSocket: WebSocket });
    const issuerSigned = await issueTestMdoc(world.authority, world.device, world.clock.now(), {
      uri: JWT_LIST_URI,
      idx: 1,
    });
    const request = [{ docType: DOC_TYPE, nameSpaces: { [NS]: { family_name: false, age_over_18: false } } }];
    const times: number[] = [];
    for (let i = 0; i < 16; i++) {
      const holder = await startHolder({
        relayWsUrl: relay.wsUrl,
        behaviour: 'present',
        issuerSigned,
        device: world.device,
        readerTrust: rp.trust,
        now: world.clock.now(),
      });
      const started = performance.now();
      const result = await reader.readEngagement(holder.qr).request(request);
      const elapsed = performance.now() - started;
      if (!result.reports[0]?.valid) throw new ZzError('ERR_CRYPTO_OPERATION', 'bench proximity response is not valid');
      if (i > 0) times.push(elapsed); // the first run warms the code paths and fetches the status list
      await holder.outcome;
    }
    const ms = median(times);
    report(
      'Proximity session over loopback relay: engagement → verified DeviceResponse',
      `${ms.toFixed(1)} ms`,
      '≤ 300 ms',
      ms <= 300,
    );
  } finally {
    await relay.close();
  }
}
