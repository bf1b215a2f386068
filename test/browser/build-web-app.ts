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
    outDir = productionBuild(appDir, target).then(() => target);
    built.set(appDir, outDir);
  }
  return outDir;
}

/**
 * Vitest sets NODE_ENV=test, which would give React's development build (and no service worker):
 * the tests must exercise what ships, so the build runs with NODE_ENV=production.
 */
async function productionBuild(appDir: string, outDir: string): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: appDir, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
