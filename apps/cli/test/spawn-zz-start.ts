import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@zhengzhao/test-kit';

const BIN = fileURLToPath(new URL('../bin/zz.js', import.meta.url));

/** A `zz start` child process on free ports, with what it printed. */
export interface RunningZzStart {
  readonly child: ChildProcess;
  readonly ports: {
    readonly trust: number;
    /** Guangdong (44). */
    readonly registry: number;
    readonly issuer: number;
    /** Zhejiang (33) and Beijing (11, SM2). */
    readonly 'registry-33': number;
    readonly 'issuer-33': number;
    readonly 'registry-11': number;
    readonly 'issuer-11': number;
    readonly relay: number;
    readonly verifier: number;
    readonly counter: number;
    readonly wallet: number;
    readonly share: number;
    /** Guangdong's social security authority (cn.gov.sscard.1). */
    readonly sscard: number;
  };
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns `zz start` (the real CLI) in `dir` on free ports and waits until it has printed its last
 * service line (the sharing service's). The first start in a directory builds the two web apps, so this can
 * take a while on a busy machine.
 */
export async function spawnZzStart(dir: string, population: number, timeoutMs = 150_000): Promise<RunningZzStart> {
  const ports = {
    trust: await freePort(),
    registry: await freePort(),
    issuer: await freePort(),
    'registry-33': await freePort(),
    'issuer-33': await freePort(),
    'registry-11': await freePort(),
    'issuer-11': await freePort(),
    relay: await freePort(),
    verifier: await freePort(),
    counter: await freePort(),
    wallet: await freePort(),
    share: await freePort(),
    sscard: await freePort(),
  };
  const child = spawn(
    process.execPath,
    [
      BIN,
      'start',
      '--dir',
      dir,
      '--population',
      `${population}`,
      ...Object.entries(ports).flatMap(([name, port]) => [`--${portFlag(name)}`, `${port}`]),
    ],
    { env: { ...process.env, ZZ_PASSPHRASE: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('share      ') && Date.now() < deadline && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    ports,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** `registry-33` → `registry-port-33`; `trust` → `trust-port`. */
function portFlag(name: string): string {
  const [service, province] = name.split('-');
  return province ? `${service}-port-${province}` : `${service}-port`;
}
