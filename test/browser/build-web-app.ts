import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const built = new Map<string, Promise<string>>();

/**
 * Builds a Vite web app (`apps/wallet-web`, `apps/verifier-web`) into a fresh temporary folder
 * with its own `vite.config.ts`, once per test process, and returns that folder.
 */
export function buildWebApp(appDir: string): Promise<string> {
  let outDir = built.get(appDir);
  if (!outDir) {
    const target = mkdtempSync(join(tmpdir(), 'zz-web-'));
    outDir = build({ root: appDir, logLevel: 'warn', build: { outDir: target, emptyOutDir: true } }).then(() => target);
    built.set(appDir, outDir);
  }
  return outDir;
}
