import { randomBytes } from 'node:crypto';
import { STATUS_INVALID, verifyStatusListJwt } from '@zhengzhao/core';
import { bulkImportPersons } from '@zhengzhao/issuer';
import {
  type CardChangedEvent,
  type CardIssuedEvent,
  createInMemoryRegistryStore,
  createRegistry,
  encodeCardEvent,
  generateCitizens,
  generatePortrait,
  signWebhookBody,
  WEBHOOK_SIGNATURE_HEADER,
} from '@zhengzhao/registry';
import { median } from '../lib.js';
import { openBenchDatabase } from './bench-database.js';
import { BENCH_PROVINCE, BENCH_WEBHOOK_SECRET, benchAuthority, openBenchIssuer, platform } from './bench-issuer.js';

export interface StatusLatencyOptions {
  /** Events per second; default 200. */
  readonly rate?: number;
  /** Seconds of load; default 10. */
  readonly seconds?: number;
  /** Pause between two fetches of the published list, ms; default 25. */
  readonly pollPauseMs?: number;
}

export interface StatusLatencyResult {
  readonly events: number;
  /** Events per second actually sent. */
  readonly achievedRate: number;
  readonly observed: number;
  readonly rejected: number;
  /** Event sent → webhook answered 200 (inbox committed and applied, list changed in memory), ms. */
  readonly appliedP50: number;
  readonly appliedP99: number;
  /** Event sent → a freshly fetched and verified GET /status/:shard shows the revocation, ms. */
  readonly publishedP50: number;
  readonly publishedP99: number;
  readonly publishedMax: number;
  readonly polls: number;
  /** Median time of one poll (GET /status — re-sign when changed — plus the verifier's check), ms. */
  readonly pollMs: number;
  readonly shardSize: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * P2 §9 row 3: registry `card.changed` events for persons who each hold a credential, sent to
 * the real webhook (`POST /events/registry`, HMAC-signed with the registry's `signWebhookBody`)
 * at a steady `rate` for `seconds`; for each event, the time until the list published at
 * `GET /status/1` — fetched back to back by a relying party that verifies the token
 * (`verifyStatusListJwt`) — shows the person's credential INVALID. One thread carries the sender,
 * the issuer and the poller; the shard has the default 2^20 entries.
 */
export async function measureStatusLatency(options: StatusLatencyOptions = {}): Promise<StatusLatencyResult> {
  const rate = options.rate ?? 200;
  const seconds = options.seconds ?? 10;
  const pollPauseMs = options.pollPauseMs ?? 25;
  const count = Math.round(rate * seconds);
  const bench = await openBenchDatabase('sqlite');
  try {
    const app = await openBenchIssuer(bench.database);
    try {
      // a registry with `count` citizens holding cards; their change-of-address events prepared ahead
      const portrait = generatePortrait({ portraitSeed: 11, sex: 2, birthDate: '1990-03-04' });
      const registry = createRegistry({
        store: createInMemoryRegistryStore(),
        clock: { now: () => new Date() },
        random: (length) => new Uint8Array(randomBytes(length)),
        portraitOf: () => portrait,
      });
      const citizens = generateCitizens({ seed: 'bench-status', province: BENCH_PROVINCE, count });
      const issued: CardIssuedEvent[] = [];
      for (const citizen of citizens) issued.push(await registry.importCitizen(citizen));
      await bulkImportPersons(app.issuer, issued);
      const changes: CardChangedEvent[] = [];
      for (const citizen of citizens) {
        changes.push(await registry.changeAddress(citizen.personId, { ...citizen.address, street: '体育东路 8 号' }));
      }

      // each person holds one credential with a status index
      const device = await platform.suite('ES256').generateSigner();
      for (const [i, citizen] of citizens.entries()) {
        await app.issuer.issuance.issueBatch({
          personId: citizen.personId,
          walletId: `w-bench-${i}`,
          configurationId: 'eid_qr_hotel',
          deviceKeys: [device.publicKey],
        });
      }
      const rows = await bench.database.db
        .selectFrom('credentials')
        .select(['person_id', 'status_shard', 'status_index'])
        .execute();
      const indexOf = new Map(rows.map((r) => [r.person_id, Number(r.status_index)]));
      if (new Set(rows.map((r) => r.status_shard)).size !== 1) throw new Error('expected one shard');
      const shard = Number(rows[0]?.status_shard);
      const uri = app.issuer.statusUriOf(shard);
      const shardSize = app.issuer.lists.get(shard)?.list.size ?? 0;
      const trust = { publicKey: (await benchAuthority()).documentSigner.signer.publicKey };
      const bodies = changes.map((event) => encodeCardEvent(event));

      const sentAt = new Array<number>(count);
      const applied: number[] = [];
      const published = new Array<number | undefined>(count).fill(undefined);
      let rejected = 0;
      let pending = new Set<number>();
      let sending = true;

      const poller = async () => {
        const pollTimes: number[] = [];
        while (sending || pending.size > 0) {
          const start = performance.now();
          const response = await app.inject({
            method: 'GET',
            url: `/status/${shard}`,
            headers: { accept: 'application/statuslist+jwt' },
          });
          const verified = await verifyStatusListJwt(platform, response.body, {
            trust,
            expectedUri: uri,
            now: new Date(),
          });
          const seen = performance.now();
          pollTimes.push(seen - start);
          const still = new Set<number>();
          for (const i of pending) {
            const index = indexOf.get(changes[i]?.personId as string) as number;
            // the token was signed after the request started: what it shows was committed by then
            if (verified.list.get(index) === STATUS_INVALID) published[i] = seen - (sentAt[i] as number);
            else still.add(i);
          }
          pending = still;
          if (!sending && pending.size > 0 && seen - (sentAt[count - 1] as number) > 30_000) break;
          await sleep(pollPauseMs);
        }
        return pollTimes;
      };
      const polling = poller();

      const t0 = performance.now() + 50;
      const inflight: Promise<void>[] = [];
      for (let i = 0; i < count; i++) {
        const due = t0 + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        sentAt[i] = performance.now();
        pending.add(i);
        const body = bodies[i] as string;
        inflight.push(
          app
            .inject({
              method: 'POST',
              url: '/events/registry',
              headers: {
                'content-type': 'application/json',
                [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(BENCH_WEBHOOK_SECRET, body, new Date()),
              },
              payload: body,
            })
            .then((response) => {
              if (response.statusCode === 200) applied.push(performance.now() - (sentAt[i] as number));
              else rejected += 1;
            }),
        );
      }
      const sendSeconds = (performance.now() - t0) / 1000;
      await Promise.all(inflight);
      sending = false;
      const pollTimes = await polling;
      const latencies = published.filter((v): v is number => v !== undefined);
      return {
        events: count,
        achievedRate: count / sendSeconds,
        observed: latencies.length,
        rejected,
        appliedP50: percentile(applied, 50),
        appliedP99: percentile(applied, 99),
        publishedP50: percentile(latencies, 50),
        publishedP99: percentile(latencies, 99),
        publishedMax: Math.max(...latencies),
        polls: pollTimes.length,
        pollMs: median(pollTimes),
        shardSize,
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}
