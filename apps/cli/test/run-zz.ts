import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/zz.js', import.meta.url));

export interface ZzRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `zz` executable in a child process. */
export function runZz(
  args: readonly string[],
  options: { input?: string | Uint8Array; env?: Record<string, string> } = {},
): ZzRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the real `zz` executable without blocking, so independent runs can overlap. */
export function runZzAsync(
  args: readonly string[],
  options: { input?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<ZzRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...options.env },
      timeout: 60_000,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}
