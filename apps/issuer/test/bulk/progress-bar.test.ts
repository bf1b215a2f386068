import { describe, expect, it } from 'vitest';
import { createProgressBar, formatBulkProgress, formatDuration } from '../../src/modules/bulk/index.js';

const at = (done: number, total?: number) => ({
  done,
  inserted: done,
  skipped: 0,
  ...(total !== undefined ? { total } : {}),
  elapsedMs: 10_000,
  ratePerSecond: done / 10,
  ...(total !== undefined ? { etaMs: ((total - done) / (done / 10)) * 1000 } : {}),
});

function sink(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('bulk import progress bar', () => {
  it('formats percent, counts, rate and ETA', () => {
    expect(formatBulkProgress(at(420_000, 1_000_000), 'import', 10)).toBe(
      'import [####------]  42.0%  420,000/1,000,000  42,000/s  ETA 0:14',
    );
    expect(formatBulkProgress(at(5, undefined))).toBe('5  1/s  0:10');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('redraws one line in place on a terminal, throttled, and ends it on finish', () => {
    const { stream, written } = sink(true);
    let now = 0;
    const bar = createProgressBar({ stream, intervalMs: 100, timer: () => now });
    bar.update(at(1, 10));
    now = 50;
    bar.update(at(2, 10)); // throttled
    now = 200;
    bar.update(at(3, 10));
    bar.finish(at(10, 10));
    bar.update(at(10, 10)); // after finish: nothing
    expect(written).toHaveLength(3);
    expect(written.every((w) => w.startsWith('\r') && w.includes('\x1b[K'))).toBe(true);
    expect(written.slice(0, 2).every((w) => !w.endsWith('\n'))).toBe(true);
    expect(written[2]).toContain('100.0%');
    expect(written[2]?.endsWith('\n')).toBe(true);
  });

  it('prints one plain line per 10 % on a pipe', () => {
    const { stream, written } = sink(false);
    const bar = createProgressBar({ stream });
    for (let done = 1; done <= 99; done++) bar.update(at(done, 100));
    bar.finish();
    expect(written).toHaveLength(11); // 0 %, 10 % … 90 % and the final 99 %
    expect(written[10]).toContain('99/100');
    const again = sink(false);
    const full = createProgressBar({ stream: again.stream });
    full.update(at(100, 100));
    full.finish();
    expect(again.written).toHaveLength(1); // 100 % is not printed twice
    expect(written.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
  });
});
