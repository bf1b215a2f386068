import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The shared public test vectors live in `../shared/vectors` beside the repository (see
 * ../shared/vectors/README.md for provenance and licences).
 */
export const VECTORS_DIR = fileURLToPath(new URL('../../../../../shared/vectors/', import.meta.url));

export function readVector<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(VECTORS_DIR + relativePath, 'utf8')) as T;
}

export function listVectors(folder: string): string[] {
  return readdirSync(VECTORS_DIR + folder)
    .filter((file) => file.endsWith('.json'))
    .sort();
}
