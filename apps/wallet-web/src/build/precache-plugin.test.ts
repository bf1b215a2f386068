import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precachePlugin } from './precache-plugin.js';

const SW = `const VERSION = '__ZZ_PRECACHE_VERSION__';\nconst PRECACHE = /*__ZZ_PRECACHE_LIST__*/ [];\n`;

type Hook = (...args: unknown[]) => void;
function run(dir: string): string {
  const plugin = precachePlugin();
  (plugin.configResolved as Hook)({ root: dir, build: { outDir: 'dist' } });
  (plugin.closeBundle as Hook)();
  return readFileSync(join(dir, 'dist', 'sw.js'), 'utf8');
}

describe('precachePlugin', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const site = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'zz-precache-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    for (const [path, body] of Object.entries({ 'sw.js': SW, ...files })) writeFileSync(join(dir, 'dist', path), body);
    return dir;
  };

  it('lists every built file but the worker and source maps, with a content version', () => {
    const source = run(site({ 'index.html': '<html>', 'assets/app-1.js': 'a', 'assets/app-1.js.map': '{}' }));
    expect(source).toContain('const PRECACHE = ["assets/app-1.js","index.html"];');
    expect(source).toMatch(/const VERSION = '[0-9a-f]{16}';/);
  });

  it('changes the version when any file changes', () => {
    const one = run(site({ 'index.html': '<html>', 'assets/app-1.js': 'a' }));
    const two = run(site({ 'index.html': '<html>', 'assets/app-1.js': 'b' }));
    expect(one.match(/VERSION = '(\w+)'/)?.[1]).not.toBe(two.match(/VERSION = '(\w+)'/)?.[1]);
  });

  it('fails the build when the placeholders are gone (a stale worker would never update)', () => {
    const dir = site({ 'index.html': '<html>' });
    writeFileSync(join(dir, 'dist', 'sw.js'), 'const PRECACHE = [];');
    expect(() => run(dir)).toThrow(/placeholders/);
  });
});
