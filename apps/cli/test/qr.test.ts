import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeQrImage } from '../src/qr-image.js';
import { runZz } from './run-zz.js';

const dir = mkdtempSync(join(tmpdir(), 'zz-qr-'));

describe('zz qr', () => {
  it('renders a PNG that decodes back to the same text, byte for byte', () => {
    const text = 'ZZ1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEXWK G2EP4J0BGJLFX';
    const out = join(dir, 'code.png');
    const run = runZz(['qr', text, '--out', out, '--ecl', 'Q']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('level Q');
    expect(new TextDecoder().decode(decodeQrImage(new Uint8Array(readFileSync(out))))).toBe(text);
  });

  it('renders SVG and reads the text from standard input', () => {
    const out = join(dir, 'code.svg');
    const run = runZz(['qr', '-', '--out', out], { input: 'ZZ1:ABC\n' });
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
  });

  it('exits 2 with a clear message on bad usage', () => {
    expect(runZz(['qr', 'x']).status).toBe(2);
    expect(runZz(['qr', 'x', '--out', join(dir, 'a.gif')]).stderr).toContain('.png or .svg');
    expect(runZz(['qr', 'x', '--out', join(dir, 'a.png'), '--ecl', 'Z']).status).toBe(2);
    expect(runZz(['qr', 'x', '--bogus']).status).toBe(2);
    expect(runZz(['nosuch']).status).toBe(2);
  });

  it('prints help for every command and overall', () => {
    expect(runZz(['--help']).stdout).toContain('Commands:');
    expect(runZz(['qr', '--help']).stdout).toContain('zz qr');
  });
});
