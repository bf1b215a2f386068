import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The service worker file (copied from public/) whose placeholders this plugin fills. */
const SERVICE_WORKER = 'sw.js';
const LIST_PLACEHOLDER = '/*__ZZ_PRECACHE_LIST__*/ []';
const VERSION_PLACEHOLDER = '__ZZ_PRECACHE_VERSION__';

/**
 * A tiny Vite plugin that writes the precache list into the hand-written service worker once the
 * build is on disk: every emitted file (index.html, hashed assets, manifest, icons) except the
 * service worker itself, as paths relative to the app's scope, and a version that is a hash of
 * their contents — so each release changes sw.js and the browser installs it.
 */
export function precachePlugin(): Plugin {
  let outDir = '';
  return {
    name: 'zz-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listFiles(outDir)
        .map((file) => relative(outDir, file).split(sep).join('/'))
        .filter((path) => path !== SERVICE_WORKER && !path.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const path of files)
        hash
          .update(path)
          .update('\0')
          .update(readFileSync(join(outDir, path)));
      const version = hash.digest('hex').slice(0, 16);
      const swPath = join(outDir, SERVICE_WORKER);
      const source = readFileSync(swPath, 'utf8');
      if (!source.includes(LIST_PLACEHOLDER) || !source.includes(VERSION_PLACEHOLDER)) {
        throw new Error(`${SERVICE_WORKER} has lost its precache placeholders`);
      }
      writeFileSync(
        swPath,
        source.replace(LIST_PLACEHOLDER, JSON.stringify(files)).replace(VERSION_PLACEHOLDER, version),
      );
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
