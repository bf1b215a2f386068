import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { UsageError } from './cli-error.js';

/** Reads a file, or standard input for `-`, with a size limit; a missing file is a usage error. */
export function readInput(path: string, maxBytes = 16 * 1024 * 1024): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot read ${path === '-' ? 'standard input' : path}${code ? ` (${code})` : ''}`);
  }
  if (bytes.length > maxBytes) throw new UsageError(`${path} is larger than ${maxBytes} bytes`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function readText(path: string): string {
  return new TextDecoder().decode(readInput(path));
}

export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readText(path)) as unknown;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path} is not valid JSON`);
  }
}

/** Writes a command's output: a file, or standard output for `-`. A write failure is a usage error. */
export function writeOutput(path: string, data: Uint8Array | string): void {
  if (path === '-') {
    process.stdout.write(data);
    return;
  }
  try {
    writeFileSync(path, data);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot write ${path}${code ? ` (${code})` : ''}`);
  }
}

/** True when `path` names an existing directory. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
