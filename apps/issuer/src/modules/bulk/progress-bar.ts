import type { BulkImportProgress } from './bulk-import-persons.js';

/** Where a progress bar writes: `process.stderr` or anything with `write` (and maybe `isTTY`). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressBarOptions {
  /** Default `process.stderr`. */
  readonly stream?: ProgressStream;
  /** Text before the bar, e.g. `import`. */
  readonly label?: string;
  /** Cells of the bar; default 24. */
  readonly width?: number;
  /** Least time between two redraws on a terminal, ms; default 100. */
  readonly intervalMs?: number;
  /** Monotonic milliseconds for throttling; default `performance.now`. */
  readonly timer?: () => number;
}

export interface ProgressBar {
  /** Redraws the line (throttled on a terminal; every 10 % otherwise). */
  update(progress: BulkImportProgress): void;
  /** Draws the final state and ends the line. */
  finish(progress?: BulkImportProgress): void;
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * One progress line: `label [#########---------]  42.0%  420,000/1,000,000  51,234/s  ETA 0:11`.
 * Without a total: count, rate and elapsed time only.
 */
export function formatBulkProgress(progress: BulkImportProgress, label = '', width = 24): string {
  const head = label ? `${label} ` : '';
  const rate = `${grouped(progress.ratePerSecond)}/s`;
  if (progress.total === undefined || progress.total === 0) {
    return `${head}${grouped(progress.done)}  ${rate}  ${formatDuration(progress.elapsedMs)}`;
  }
  const fraction = Math.min(1, progress.done / progress.total);
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const percent = `${(fraction * 100).toFixed(1).padStart(5)}%`;
  const eta = progress.etaMs !== undefined ? `ETA ${formatDuration(progress.etaMs)}` : 'ETA --:--';
  const counts = `${grouped(progress.done)}/${grouped(progress.total)}`;
  return `${head}${bar} ${percent}  ${counts}  ${rate}  ${eta}`;
}

/**
 * A progress bar for {@link bulkImportPersons}' `onProgress`: on a terminal one line redrawn in
 * place (`\r`, cleared to the end), at most every `intervalMs`; on a pipe or file one plain line
 * per 10 % (and the final state unless already printed), so logs stay readable.
 */
export function createProgressBar(options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const label = options.label ?? '';
  const width = options.width ?? 24;
  const intervalMs = options.intervalMs ?? 100;
  const timer = options.timer ?? (() => performance.now());
  const tty = stream.isTTY === true;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastDecile = -1;
  let last: BulkImportProgress | undefined;
  let drawn: BulkImportProgress | undefined;
  let finished = false;

  const draw = (progress: BulkImportProgress, final: boolean) => {
    drawn = progress;
    const line = formatBulkProgress(progress, label, width);
    if (tty) stream.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };

  return {
    update(progress) {
      if (finished) return;
      last = progress;
      if (tty) {
        const now = timer();
        if (now - lastDraw < intervalMs) return;
        lastDraw = now;
        draw(progress, false);
        return;
      }
      const decile = progress.total ? Math.floor((progress.done / progress.total) * 10) : -1;
      if (decile > lastDecile) {
        lastDecile = decile;
        draw(progress, false);
      }
    },
    finish(progress) {
      if (finished) return;
      finished = true;
      const final = progress ?? last;
      if (final && (tty || final !== drawn)) draw(final, true);
      else if (tty) stream.write('\n');
    },
  };
}
