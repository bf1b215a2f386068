import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const SERVICE_WORKER = 'sw.js';
const LIST_MARKER = '/* zz:precache */ []';
const VERSION_MARKER = "/* zz:version */ 'dev'";

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes the precache list into the hand-written service worker (public/sw.js explains why the
 * list is made at build time) once the release is on disk: every file of the build — index.html,
 * the hashed assets, the manifest and icons from public/ — except sw.js itself, as paths relative
 * to the app's scope, and a version hashed from their names and contents, so every release
 * changes sw.js and browsers install it.
 */
function precacheManifest(): Plugin {
  let outDir = '';
  return {
    name: 'zz-counter-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const paths = filesUnder(outDir)
        .map((file) => relative(outDir, file).split(sep).join('/'))
        .filter((path) => path !== SERVICE_WORKER && !path.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const path of paths)
        hash
          .update(path)
          .update('\0')
          .update(readFileSync(join(outDir, path)));
      const file = join(outDir, SERVICE_WORKER);
      const source = readFileSync(file, 'utf8');
      if (!source.includes(LIST_MARKER) || !source.includes(VERSION_MARKER)) {
        throw new Error('public/sw.js has lost its precache markers');
      }
      const version = hash.digest('hex').slice(0, 16);
      writeFileSync(
        file,
        source.replace(LIST_MARKER, JSON.stringify(paths)).replace(VERSION_MARKER, JSON.stringify(version)),
      );
    },
  };
}

/**
 * The counter app (证照核验). `base: './'` so one build works under any path (`/`, `/counter/`);
 * the service worker's scope is the folder it is served from.
 */
export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react(), precacheManifest()],
  // A build is always the production app — React's production build and the production JSX
  // transform — even when a test runner has set NODE_ENV=test in the process that builds it.
  ...(command === 'build' && {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { development: false } },
  }),
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    // The core (CBOR, COSE, X.509, SM2) is most of the bundle; the app is precached, so one chunk is fine.
    chunkSizeWarningLimit: 1024,
  },
}));
