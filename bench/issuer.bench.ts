/**
 * P2 §9 — the provincial issuer (apps/issuer), driven in-process through its real HTTP routes:
 * 1–2. credentials per second end to end (activation → offer → token → nonce → credential with 10
 *      proofs → rows committed) on SQLite and PostgreSQL, as a ratio to raw node:crypto ES256
 *      sign/s measured interleaved in the same run;
 * 3.   registry event → published status list changed, at 200 events/s (p50 / p99);
 * 4.   re-publishing a 10 M-entry shard after 1,000 changes;
 * 5.   bulk pre-issuance (population import) of 1,000,000 citizens: time and peak RSS.
 * Helpers live in bench/issuer/; profiling: bench/issuer/profile-issuance.ts.
 */
import { measureBulkImportInChild } from './issuer/bulk-import.js';
import { type IssuanceRateResult, measureIssuanceRate } from './issuer/issuance-rate.js';
import { measureRepublish } from './issuer/republish-shard.js';
import { measureStatusLatency } from './issuer/status-latency.js';
import { report } from './lib.js';

const BULK_CITIZENS = Number(process.env.ZZ_BENCH_BULK_CITIZENS ?? 1_000_000);
const r = (n: number) => Math.round(n).toLocaleString('en-US');

function issuanceLines(label: string, result: IssuanceRateResult, target: number, headline: boolean): void {
  report(
    `${label}: credentials/s ÷ raw ES256 sign/s (issuer work, one thread)`,
    `${result.ratio.toFixed(3)}× (${r(result.issuerPerSecond)}/s)`,
    headline ? `≥ ${target}` : 'report',
    headline ? result.ratio >= target : undefined,
  );
  report(
    `  … counting the wallet's 10 proof signatures on the same thread too`,
    `${result.grossRatio.toFixed(3)}× (${r(result.grossPerSecond)}/s)`,
    'report',
    undefined,
  );
  report(
    `  … ${result.flows} flows, ${r(result.credentials)} credentials, rows committed ${r(result.rowsCommitted)}; one flow (4 in flight)`,
    `${result.flowMs.toFixed(1)} ms`,
    'report',
    result.rowsCommitted === result.credentials ? undefined : false,
  );
  report(
    '  … raw node:crypto ES256 sign, interleaved (the baseline)',
    `${r(result.signPerSecond)}/s`,
    'report',
    undefined,
  );
}

export async function run(): Promise<void> {
  // rows 1–2: the mdoc (ISO 18013-5) batch is the headline; the SD-JWT VC batch is reported beside it
  for (const [dialect, target, name] of [
    ['sqlite', 0.2, 'SQLite'],
    ['postgres', 0.1, 'PostgreSQL'],
  ] as const) {
    const mdoc = await measureIssuanceRate({ dialect, configurationId: 'eid_mdoc', flowsPerRound: 60 });
    issuanceLines(`Issuance e2e, ${name}, batch of 10 mdoc`, mdoc, target, true);
    const sdJwt = await measureIssuanceRate({
      dialect,
      configurationId: 'eid_sd_jwt',
      flowsPerRound: 40,
      rounds: 3,
      warmupFlows: 100,
    });
    report(
      `  … the same with a batch of 10 SD-JWT VC`,
      `${sdJwt.ratio.toFixed(3)}× (${r(sdJwt.issuerPerSecond)}/s)`,
      'report',
      undefined,
    );
  }

  // row 3
  const latency = await measureStatusLatency({ rate: 200, seconds: 10 });
  report(
    `Registry event → published status list changed, ${r(latency.achievedRate)} events/s × 10 s: p99`,
    `${latency.publishedP99.toFixed(0)} ms`,
    '≤ 1000 ms',
    latency.publishedP99 <= 1000 && latency.observed === latency.events && latency.rejected === 0,
  );
  report(
    `  … p50 (${latency.observed}/${latency.events} seen, max ${latency.publishedMax.toFixed(0)} ms, ${latency.polls} polls of ${latency.pollMs.toFixed(1)} ms + 25 ms pause)`,
    `${latency.publishedP50.toFixed(0)} ms`,
    'report',
    undefined,
  );
  report(
    '  … event → webhook 200 (inbox committed, applied, list changed in memory): p50 / p99',
    `${latency.appliedP50.toFixed(1)} / ${latency.appliedP99.toFixed(1)} ms`,
    'report',
    undefined,
  );

  // row 4
  const republish = await measureRepublish();
  report(
    `Re-publish a ${r(republish.shardSize)}-entry shard after ${r(republish.changesPerRound)} changes: GET (JWT), median`,
    `${republish.jwtMedianMs.toFixed(1)} ms`,
    '≤ 1000 ms',
    republish.jwtMaxMs <= 1000 && republish.cwtMaxMs <= 1000,
  );
  report(
    `  … max JWT / median CWT / max CWT (${r(republish.backgroundInvalid)} entries already revoked, ${(republish.jwtBytes / 1024).toFixed(0)} KiB JWT)`,
    `${republish.jwtMaxMs.toFixed(1)} / ${republish.cwtMedianMs.toFixed(1)} / ${republish.cwtMaxMs.toFixed(1)} ms`,
    'report',
    undefined,
  );
  report(
    '  … ÷ raw zlib level 9 Z_RLE of the same bytes + one raw ES256 sign (same run)',
    `${(republish.jwtMedianMs / republish.rawFloorMs).toFixed(2)}× (${republish.rawFloorMs.toFixed(1)} ms)`,
    'report',
    undefined,
  );
  report(
    '  … committing the 1,000 changes (100 audited wallet suspensions) / a cached GET',
    `${republish.commitMs.toFixed(0)} / ${republish.cachedMs.toFixed(1)} ms`,
    'report',
    undefined,
  );

  // row 5
  const bulk = await measureBulkImportInChild(BULK_CITIZENS);
  report(
    `Bulk pre-issuance (population import) of ${r(bulk.citizens)} citizens, SQLite: time`,
    `${(bulk.elapsedMs / 1000).toFixed(1)} s`,
    'report',
    bulk.rowsCounted === bulk.citizens ? undefined : false,
  );
  report(
    `  … peak RSS of the importing process (sampled; ${(bulk.rssBefore / 2 ** 20).toFixed(0)} MiB at start)`,
    `${(bulk.rssPeak / 2 ** 20).toFixed(0)} MiB`,
    'report',
    undefined,
  );
  report(
    `  … rate, ${r(bulk.transactions)} transactions, ${r(bulk.rowsCounted)} rows, database ${(bulk.databaseBytes / 2 ** 20).toFixed(0)} MiB`,
    `${r(bulk.perSecond)}/s`,
    'report',
    undefined,
  );
}
