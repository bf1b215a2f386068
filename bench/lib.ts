/**
 * Tiny benchmark harness. Machines here are shared and noisy, so every figure is reported as a
 * ratio against a baseline measured in the same run, interleaved: baseline, subject, baseline,
 * subject… and the median of the rounds is kept.
 */

export interface Measurement {
  readonly name: string;
  readonly opsPerSecond: number;
}

/** Runs `fn` repeatedly for about `millis` ms and returns operations per second. */
export async function opsPerSecond(fn: () => unknown, millis = 400): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < millis) {
    for (let i = 0; i < 10; i++) await fn();
    count += 10;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

export interface RatioResult {
  readonly subject: number;
  readonly baseline: number;
  readonly ratio: number;
}

/** Measures subject and baseline in alternating rounds; returns medians and their ratio. */
export async function compare(
  subject: () => unknown,
  baseline: () => unknown,
  options: { rounds?: number; millis?: number } = {},
): Promise<RatioResult> {
  const rounds = options.rounds ?? 5;
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < rounds; r++) {
    baselines.push(await opsPerSecond(baseline, options.millis));
    subjects.push(await opsPerSecond(subject, options.millis));
  }
  const s = median(subjects);
  const b = median(baselines);
  return { subject: s, baseline: b, ratio: s / b };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One line of the benchmark table: what, the figure, the target, and whether it is met. */
export function report(what: string, figure: string, target: string, met: boolean | undefined): void {
  const verdict = met === undefined ? 'report' : met ? 'MET' : 'MISSED';
  process.stdout.write(`${what.padEnd(72)} ${figure.padStart(22)}   target ${target.padEnd(12)} ${verdict}\n`);
}
