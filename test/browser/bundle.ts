import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry for the browser. `platform: 'browser'` makes any Node built-in
 * reachable from the entry a build error: this is how the tests prove the core is isomorphic.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}
