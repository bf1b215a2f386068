import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { IssuerApp } from '@zhengzhao/issuer';
import { bulkImportPersons } from '@zhengzhao/issuer';
import type { CardIssuedEvent } from '@zhengzhao/registry';
import { generatePortrait } from '@zhengzhao/registry';
import type { DatabaseDialect } from '@zhengzhao/server-kit';
import { median, opsPerSecond } from '../lib.js';
import { type FlowPerson, runActivationFlow, type StepTimes } from './activation-flow.js';
import { openBenchDatabase } from './bench-database.js';
import { BENCH_PROVINCE, openBenchIssuer, platform } from './bench-issuer.js';
import { citizenCardEvents } from './citizen-card-events.js';

export interface IssuanceRateOptions {
  readonly dialect: DatabaseDialect;
  /** Default `eid_mdoc`. */
  readonly configurationId?: string;
  /** Copies per credential request; default 10. */
  readonly copies?: number;
  /** Interleaved rounds (baseline, subject, baseline, …); default 5. */
  readonly rounds?: number;
  /** Flows per round; default 40. */
  readonly flowsPerRound?: number;
  /** Flows in flight at once (one thread: this overlaps database waits only); default 4. */
  readonly concurrency?: number;
  /** Flows run before measuring (JIT, caches, pool); default 200. */
  readonly warmupFlows?: number;
}

export interface IssuanceRateResult {
  readonly where: string;
  readonly flows: number;
  readonly credentials: number;
  /** Credential rows found committed in the database afterwards. */
  readonly rowsCommitted: number;
  /** Median over rounds: credentials/s of issuer work alone (wall time minus the wallet's proof signing). */
  readonly issuerPerSecond: number;
  /** Median over rounds: credentials/s counting the wallet's proof signing on the same thread too. */
  readonly grossPerSecond: number;
  /** Median raw node:crypto ES256 sign/s, measured interleaved with the rounds. */
  readonly signPerSecond: number;
  readonly ratio: number;
  readonly grossRatio: number;
  /** Median wall time of one whole flow (5 requests), ms. */
  readonly flowMs: number;
}

/** A realistic portrait (≈ 10–15 KB JPEG) shared by the persons of this measurement. */
function sharedPortrait(): Uint8Array {
  return generatePortrait({ portraitSeed: 7, sex: 1, birthDate: '1985-06-01' });
}

/**
 * P2 §9 rows 1–2: credentials issued per second end to end through the real issuer app —
 * activation → offer → token → nonce → credential with `copies` proofs → rows committed — as a
 * ratio to raw node:crypto ES256 signatures per second measured in the same run, interleaved.
 * Every flow uses a fresh person (imported beforehand) and a fresh device key.
 */
export interface IssuanceBench {
  readonly where: string;
  /** The issuer app under test (for instrumentation). */
  readonly app: IssuerApp;
  /** Runs `count` flows, `concurrency` at a time, each with the next fresh person and device key. */
  runFlows(
    count: number,
    steps?: StepTimes,
  ): Promise<{ wallMs: number; walletMs: number; credentials: number; flows: number }>;
  countCredentialRows(): Promise<number>;
  close(): Promise<void>;
}

/** Opens a fresh database and issuer app and imports `persons` persons (fresh ones for every flow). */
export async function prepareIssuanceBench(
  options: IssuanceRateOptions & { readonly persons: number },
): Promise<IssuanceBench> {
  const configurationId = options.configurationId ?? 'eid_mdoc';
  const copies = options.copies ?? 10;
  const concurrency = options.concurrency ?? 4;
  const bench = await openBenchDatabase(options.dialect);
  const app = await openBenchIssuer(bench.database).catch(async (error) => {
    await bench.close();
    throw error;
  });
  const events: CardIssuedEvent[] = [];
  for await (const event of citizenCardEvents({
    seed: `bench-issuance-${options.dialect}`,
    province: BENCH_PROVINCE,
    count: options.persons,
    portrait: sharedPortrait(),
    occurredAt: new Date(),
  })) {
    events.push(event);
  }
  await bulkImportPersons(app.issuer, events);
  const persons: FlowPerson[] = events.map((e) => ({ personId: e.personId, cardNumber: e.payload.card.cardNumber }));
  const devices = await Promise.all(persons.map(() => platform.suite('ES256').generateSigner()));
  let next = 0;

  return {
    where: bench.where,
    app,
    async runFlows(count, steps) {
      if (next + count > persons.length) throw new Error('not enough persons prepared');
      const start = performance.now();
      let walletMs = 0;
      let credentials = 0;
      let remaining = count;
      const worker = async () => {
        while (remaining > 0) {
          remaining -= 1;
          const i = next++;
          const result = await runActivationFlow(
            app,
            persons[i] as FlowPerson,
            devices[i] as (typeof devices)[number],
            configurationId,
            copies,
            steps,
          );
          walletMs += result.walletMs;
          credentials += result.credentials;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
      return { wallMs: performance.now() - start, walletMs, credentials, flows: count };
    },
    async countCredentialRows() {
      const rows = await bench.database.db
        .selectFrom('credentials')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(rows.n);
    },
    async close() {
      await app.close();
      await bench.close();
    },
  };
}

/**
 * P2 §9 rows 1–2: credentials issued per second end to end through the real issuer app —
 * activation → offer → token → nonce → credential with `copies` proofs → rows committed — as a
 * ratio to raw node:crypto ES256 signatures per second measured in the same run, interleaved.
 * Every flow uses a fresh person (imported beforehand) and a fresh device key.
 */
export async function measureIssuanceRate(options: IssuanceRateOptions): Promise<IssuanceRateResult> {
  const copies = options.copies ?? 10;
  const rounds = options.rounds ?? 5;
  const flowsPerRound = options.flowsPerRound ?? 40;
  const concurrency = options.concurrency ?? 4;
  const warmup = options.warmupFlows ?? 200;
  const bench = await prepareIssuanceBench({ ...options, persons: warmup + rounds * flowsPerRound });
  try {
    // raw node:crypto ES256 over ~300 bytes (about one MSO / JWS signing input)
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = randomBytes(300);
    const rawSign = () => sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });

    await bench.runFlows(warmup);
    const issuer: number[] = [];
    const gross: number[] = [];
    const baseline: number[] = [];
    const flowMs: number[] = [];
    let credentials = warmup * copies;
    for (let r = 0; r < rounds; r++) {
      baseline.push(await opsPerSecond(rawSign, 400));
      const round = await bench.runFlows(flowsPerRound);
      credentials += round.credentials;
      issuer.push((round.credentials * 1000) / (round.wallMs - round.walletMs));
      gross.push((round.credentials * 1000) / round.wallMs);
      flowMs.push((round.wallMs * Math.min(concurrency, flowsPerRound)) / round.flows);
    }
    const signPerSecond = median(baseline);
    return {
      where: bench.where,
      flows: warmup + rounds * flowsPerRound,
      credentials,
      rowsCommitted: await bench.countCredentialRows(),
      issuerPerSecond: median(issuer),
      grossPerSecond: median(gross),
      signPerSecond,
      ratio: median(issuer) / signPerSecond,
      grossRatio: median(gross) / signPerSecond,
      flowMs: median(flowMs),
    };
  } finally {
    await bench.close();
  }
}
