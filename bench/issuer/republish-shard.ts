import { generateKeyPairSync, sign } from 'node:crypto';
import { deflateSync, constants as zlib } from 'node:zlib';
import type { AdminPrincipal } from '@zhengzhao/issuer';
import { bulkImportPersons } from '@zhengzhao/issuer';
import { median } from '../lib.js';
import { openBenchDatabase } from './bench-database.js';
import { BENCH_PROVINCE, openBenchIssuer, platform } from './bench-issuer.js';
import { citizenCardEvents } from './citizen-card-events.js';

export interface RepublishOptions {
  /** Entries of the shard; default 10,000,000. */
  readonly shardSize?: number;
  /** Status changes between two publications; default 1,000. */
  readonly changes?: number;
  /** Entries already INVALID in the background; default 10,000 (0.1 % of 10 M). */
  readonly background?: number;
  /** Rounds of (changes, GET JWT, GET CWT); default 5. */
  readonly rounds?: number;
}

export interface RepublishResult {
  readonly shardSize: number;
  readonly changesPerRound: number;
  readonly backgroundInvalid: number;
  /** Median / max time of the first GET /status/:shard (JWT) after the changes, ms. */
  readonly jwtMedianMs: number;
  readonly jwtMaxMs: number;
  /** The same for the CWT form (signed separately), ms. */
  readonly cwtMedianMs: number;
  readonly cwtMaxMs: number;
  /** A GET with nothing changed (cached token), ms. */
  readonly cachedMs: number;
  /**
   * The floor measured in the same run: raw node:zlib deflateSync of the same list bytes with the
   * publisher's settings (level 9, Z_RLE) plus one raw node:crypto ES256 signature, ms (median).
   */
  readonly rawFloorMs: number;
  /** How long committing one round of changes took (lifecycle transactions), ms. */
  readonly commitMs: number;
  readonly jwtBytes: number;
}

const COPIES = 10;
const CLERK: AdminPrincipal = { actor: 'bench-supervisor', role: 'supervisor' };

/**
 * P2 §9 row 4: a shard of `shardSize` entries (issuer config `statusShardSize`) with
 * `background` entries already revoked; each round commits `changes` status changes through the
 * real lifecycle path (a supervisor suspends — next round resumes — 100 wallets of 10 copies,
 * each an audited transaction whose changes are applied incrementally to the in-memory list),
 * then times the next `GET /status/:shard` — snapshot, compress, sign, serve — in JWT and in CWT.
 */
export async function measureRepublish(options: RepublishOptions = {}): Promise<RepublishResult> {
  const shardSize = options.shardSize ?? 10_000_000;
  const changes = options.changes ?? 1_000;
  const background = options.background ?? 10_000;
  const rounds = options.rounds ?? 5;
  const wallets = Math.ceil(changes / COPIES);
  const revokedPersons = Math.ceil(background / COPIES);
  const bench = await openBenchDatabase('sqlite');
  try {
    const app = await openBenchIssuer(bench.database, { statusShardSize: shardSize });
    try {
      const persons: string[] = [];
      const events = citizenCardEvents({
        seed: 'bench-republish',
        province: BENCH_PROVINCE,
        count: wallets + revokedPersons,
        occurredAt: new Date(),
      });
      const source = async function* () {
        for await (const event of events) {
          persons.push(event.personId);
          yield event;
        }
      };
      await bulkImportPersons(app.issuer, source());
      const device = await platform.suite('ES256').generateSigner();
      const keys = Array.from({ length: COPIES }, () => device.publicKey);
      for (const [i, personId] of persons.entries()) {
        await app.issuer.issuance.issueBatch({
          personId,
          walletId: `w-republish-${i}`,
          configurationId: 'eid_qr_hotel',
          deviceKeys: keys,
        });
      }
      for (const personId of persons.slice(wallets)) {
        await app.issuer.lifecycle.revokePerson(personId, CLERK, 'bench background revocation');
      }
      const shard = app.issuer.lists.shardIds()[0] as number;
      const live = app.issuer.lists.get(shard);
      if (!live || live.list.size !== shardSize || app.issuer.lists.shardIds().length !== 1) {
        throw new Error('expected one shard of the configured size');
      }
      const get = async (accept: string) => {
        const start = performance.now();
        const response = await app.inject({ method: 'GET', url: `/status/${shard}`, headers: { accept } });
        const ms = performance.now() - start;
        if (response.statusCode !== 200) throw new Error(`GET /status: ${response.statusCode}`);
        return { ms, bytes: response.rawPayload.length };
      };
      await get('application/statuslist+jwt');
      await get('application/statuslist+cwt');

      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwt: number[] = [];
      const cwt: number[] = [];
      const raw: number[] = [];
      const commit: number[] = [];
      let jwtBytes = 0;
      for (let r = 0; r < rounds; r++) {
        const start = performance.now();
        let changed = 0;
        for (const i of persons.slice(0, wallets).keys()) {
          const walletId = `w-republish-${i}`;
          const result =
            r % 2 === 0
              ? await app.issuer.lifecycle.suspendWallet(walletId, CLERK, 'bench change')
              : await app.issuer.lifecycle.resumeWallet(walletId, CLERK, 'bench change');
          changed += result.affected;
        }
        commit.push(performance.now() - start);
        if (changed !== wallets * COPIES) throw new Error(`expected ${wallets * COPIES} changes, got ${changed}`);
        const j = await get('application/statuslist+jwt');
        jwt.push(j.ms);
        jwtBytes = j.bytes;
        cwt.push((await get('application/statuslist+cwt')).ms);
        const bytes = live.list.bytes;
        const t = performance.now();
        const compressed = deflateSync(bytes, { level: 9, strategy: zlib.Z_RLE });
        sign('sha256', compressed.subarray(0, 512), { key: privateKey, dsaEncoding: 'ieee-p1363' });
        raw.push(performance.now() - t);
      }
      const cached = (await get('application/statuslist+jwt')).ms;
      return {
        shardSize,
        changesPerRound: wallets * COPIES,
        backgroundInvalid: revokedPersons * COPIES,
        jwtMedianMs: median(jwt),
        jwtMaxMs: Math.max(...jwt),
        cwtMedianMs: median(cwt),
        cwtMaxMs: Math.max(...cwt),
        cachedMs: cached,
        rawFloorMs: median(raw),
        commitMs: median(commit),
        jwtBytes,
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}
