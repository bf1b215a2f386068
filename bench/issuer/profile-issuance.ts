/**
 * Profiling driver for the issuance rows (not part of `npm run bench`). Profiles ONLY the flows
 * (setup excluded) with the inspector, run one at a time, and prints where the time goes: per
 * endpoint, inside issueBatch, and per SQL statement kind (SQLite: better-sqlite3 wrapped here,
 * for the measurement only):
 * `node --import tsx bench/issuer/profile-issuance.ts [sqlite|postgres] [configurationId] [out.cpuprofile]`
 * then `node bench/issuer/summarize-profile.mjs <out.cpuprofile>`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { DatabaseDialect } from '@zhengzhao/server-kit';
import SqliteDatabase from 'better-sqlite3';
import type { StepTimes } from './activation-flow.js';
import { prepareIssuanceBench } from './issuance-rate.js';

const dialect = (process.argv[2] ?? 'sqlite') as DatabaseDialect;
const configurationId = process.argv[3] ?? 'eid_mdoc';
const out = process.argv[4] ?? `/tmp/zz-issuance-${dialect}-${configurationId}.cpuprofile`;
const flows = 300;
/** `ZZ_PROFILE=0`: the breakdown without the sampling profiler's overhead. */
const sampling = process.env.ZZ_PROFILE !== '0';

// SQL statement times by verb + table (SQLite only)
const sqlTimes = new Map<string, { n: number; ms: number }>();
let measuring = false;
const kindOf = (source: string) => {
  const text = source.replace(/\s+/g, ' ').trim();
  const m = /^(select|insert into|update|delete from|begin|commit|rollback|savepoint|release)\b[^"]*(?:"(\w+)")?/i.exec(
    text,
  );
  return m ? `${m[1]?.toLowerCase()} ${m[2] ?? ''}`.trim() : text.slice(0, 30);
};
const proto = (SqliteDatabase as unknown as { prototype: { prepare: (s: string) => unknown } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, source: string) {
  const statement = prepare.call(this, source) as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['run', 'all', 'get', 'iterate'] as const) {
    const original = statement[method];
    if (typeof original !== 'function') continue;
    statement[method] = (...args: unknown[]) => {
      if (!measuring) return original.apply(statement, args);
      const start = performance.now();
      try {
        return original.apply(statement, args);
      } finally {
        const kind = kindOf(source);
        const entry = sqlTimes.get(kind) ?? { n: 0, ms: 0 };
        entry.n += 1;
        entry.ms += performance.now() - start;
        sqlTimes.set(kind, entry);
      }
    };
  }
  return statement;
};

const bench = await prepareIssuanceBench({ dialect, configurationId, persons: flows + 20, concurrency: 1 });
try {
  await bench.runFlows(20);
  const issuance = bench.app.issuer.issuance as { issueBatch: (r: never) => Promise<unknown> };
  const issueBatch = issuance.issueBatch.bind(issuance);
  let issueBatchMs = 0;
  issuance.issueBatch = async (request) => {
    const start = performance.now();
    try {
      return await issueBatch(request);
    } finally {
      issueBatchMs += performance.now() - start;
    }
  };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  if (sampling) await session.post('Profiler.start');
  const steps: StepTimes = new Map();
  measuring = true;
  const result = await bench.runFlows(flows, steps);
  measuring = false;
  if (sampling) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
  }
  session.disconnect();
  const perSecond = (result.credentials * 1000) / (result.wallMs - result.walletMs);
  const perFlow = (ms: number) => `${(ms / flows).toFixed(2).padStart(7)} ms/flow`;
  process.stdout.write(
    `${dialect} ${configurationId}: ${flows} flows one at a time, ${Math.round(perSecond)} credentials/s (issuer), ${perFlow(result.wallMs)} (wallet proofs ${perFlow(result.walletMs)})\n`,
  );
  for (const [url, ms] of steps) process.stdout.write(`  ${url.padEnd(20)} ${perFlow(ms)}\n`);
  process.stdout.write(`    of which issueBatch ${perFlow(issueBatchMs)}\n`);
  if (sqlTimes.size > 0) {
    process.stdout.write('  SQLite statements (count per flow, time):\n');
    for (const [kind, { n, ms }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms)) {
      process.stdout.write(`    ${kind.padEnd(34)} ${(n / flows).toFixed(1).padStart(5)}× ${perFlow(ms)}\n`);
    }
  }
  if (sampling) process.stdout.write(`profile → ${out}\n`);
} finally {
  await bench.close();
}
