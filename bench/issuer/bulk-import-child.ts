/** Runs {@link measureBulkImport} for argv[2] citizens and prints the result as one JSON line. */
import { measureBulkImport } from './bulk-import.js';

const citizens = Number(process.argv[2] ?? 1_000_000);
const result = await measureBulkImport(citizens);
process.stdout.write(`${JSON.stringify(result)}\n`);
