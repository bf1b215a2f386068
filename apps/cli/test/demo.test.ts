import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZzAsync } from './run-zz.js';

describe('zz demo', () => {
  it('runs the demo: six credentials issued, presented and verified valid, and a CLI tour', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zz-demo-test-'));
    const run = await runZzAsync(['demo', '--dir', dir], { env: { ZZ_PASSPHRASE: '' } });
    expect(run.status, run.stderr).toBe(0);
    const validLines = run.stdout.split('\n').filter((line) => line.includes('✔ valid'));
    expect(validLines).toHaveLength(6);
    for (const suite of ['ES256', 'SM2']) {
      expect(validLines.filter((line) => line.includes(suite))).toHaveLength(3);
    }
    expect(run.stdout).not.toContain('INVALID');
    expect(run.stdout).toContain('npx zz verify');
    for (const file of ['guangdong/presentation.png', 'beijing/presentation.png', 'beijing/authority/ds.key.json']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
