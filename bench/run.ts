/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in one
 * process, each printing its figures as ratios against a baseline measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const module = (await import(new URL(file, import.meta.url).href)) as { run: () => Promise<void> };
  await module.run();
}
