import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@zhengzhao/server-kit';

/** Sources whose change makes a web app's build stale: the app and every workspace package. */
function sourceFingerprint(repoRoot: string, appDir: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else {
        const stat = statSync(path);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  visit(appDir);
  for (const pkg of readdirSync(join(repoRoot, 'packages'))) visit(join(repoRoot, 'packages', pkg, 'src'));
  return hash.digest('hex');
}

/**
 * Builds a Vite web app (wallet, counter) into `outDir` unless the build there was made from the
 * same sources, and returns `outDir`. `zz start` calls it so that `npm install && npm start`
 * needs no separate build step; production deployments ship the built folder instead.
 */
export async function buildWebAppIfStale(options: {
  readonly repoRoot: string;
  readonly appDir: string;
  readonly outDir: string;
  readonly onBuild?: (appDir: string) => void;
}): Promise<string> {
  const stamp = `${options.outDir}.build-stamp`;
  const fingerprint = sourceFingerprint(options.repoRoot, options.appDir);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return options.outDir;
  options.onBuild?.(options.appDir);
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: options.appDir,
      mode: 'production',
      logLevel: 'error',
      build: { outDir: options.outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  await writeFileAtomic(stamp, fingerprint);
  return options.outDir;
}
