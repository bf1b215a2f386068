import { bulkImportPersons, createProgressBar } from '@zhengzhao/issuer';
import type { CardIssuedEvent } from '@zhengzhao/registry';
import { openBenchDatabase } from './bench-database.js';
import { BENCH_PROVINCE, openBenchIssuer } from './bench-issuer.js';
import { citizenCardEvents } from './citizen-card-events.js';

export interface BulkImportBenchResult {
  readonly citizens: number;
  readonly inserted: number;
  readonly rowsCounted: number;
  readonly transactions: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
  /** RSS when the import started and its sampled peak, bytes. */
  readonly rssBefore: number;
  readonly rssPeak: number;
  readonly databaseBytes: number;
}

/**
 * P2 §9 row 5: a registry population of `citizens` card.issued events, generated page by page
 * (`generateCitizens` with `startIndex`, one shared stub portrait), imported into a fresh issuer
 * on a SQLite file with {@link bulkImportPersons} and a progress bar on stderr. Peak RSS is
 * sampled after every page of the source, after every commit, and on a 50 ms timer.
 */
export async function measureBulkImport(citizens: number, transactionSize = 20_000): Promise<BulkImportBenchResult> {
  const bench = await openBenchDatabase('sqlite');
  try {
    const app = await openBenchIssuer(bench.database);
    try {
      globalThis.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sample = () => {
        const rss = process.memoryUsage().rss;
        if (rss > rssPeak) rssPeak = rss;
      };
      const timer = setInterval(sample, 50);
      const source = async function* (): AsyncGenerator<CardIssuedEvent> {
        let n = 0;
        for await (const event of citizenCardEvents({
          seed: 'bench-bulk',
          province: BENCH_PROVINCE,
          count: citizens,
          pageSize: 10_000,
          occurredAt: new Date(),
        })) {
          if (++n % 10_000 === 0) sample();
          yield event;
        }
      };
      const bar = createProgressBar({
        label: `bulk import ${citizens.toLocaleString('en-US')}`,
        stream: process.stderr,
      });
      const result = await bulkImportPersons(app.issuer, source(), {
        total: citizens,
        transactionSize,
        onProgress: (progress) => {
          sample();
          bar.update(progress);
        },
      });
      bar.finish();
      clearInterval(timer);
      sample();
      const counted = await bench.database.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const { sql } = await import('kysely');
      const size = await sql<{
        bytes: number;
      }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(
        bench.database.db,
      );
      return {
        citizens,
        inserted: result.inserted,
        rowsCounted: Number(counted.n),
        transactions: result.transactions,
        elapsedMs: result.elapsedMs,
        perSecond: (result.inserted * 1000) / result.elapsedMs,
        rssBefore,
        rssPeak,
        databaseBytes: Number(size.rows[0]?.bytes ?? 0),
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}

/**
 * {@link measureBulkImport} in a fresh Node process (`bench/issuer/bulk-import-child.ts`), so that
 * its peak RSS is the import's and not what earlier benchmarks left on the heap. The child's
 * progress bar goes to this process's stderr.
 */
export async function measureBulkImportInChild(citizens: number): Promise<BulkImportBenchResult> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(new URL('./bulk-import-child.ts', import.meta.url)),
      String(citizens),
    ],
    { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`bulk import child exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) as string) as BulkImportBenchResult;
}
