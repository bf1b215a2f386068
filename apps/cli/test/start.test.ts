import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/zz.js', import.meta.url));

describe('zz start (npm start)', () => {
  it('runs the registry and the Guangdong issuer, prints one line each, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zz-start-'));
    const [registryPort, issuerPort] = [await freePort(), await freePort()];
    const child = spawn(
      process.execPath,
      [
        BIN,
        'start',
        '--dir',
        dir,
        '--registry-port',
        `${registryPort}`,
        '--issuer-port',
        `${issuerPort}`,
        '--population',
        '10',
      ],
      { env: { ...process.env, ZZ_PASSPHRASE: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const deadline = Date.now() + 30_000;
      while (!output.includes('issuer-44') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain(`registry   http://127.0.0.1:${registryPort}/`);
      expect(output).toContain(`issuer-44  http://127.0.0.1:${issuerPort}/docs`);
      expect((await fetch(`http://127.0.0.1:${registryPort}/healthz`)).status).toBe(200);
      const metadata = await fetch(`http://127.0.0.1:${issuerPort}/.well-known/openid-credential-issuer`);
      expect((await metadata.json()).credential_issuer).toBe(`http://127.0.0.1:${issuerPort}`);
      const page = await fetch(`http://127.0.0.1:${registryPort}/`);
      expect(await page.text()).toContain('<html lang="zh-CN"');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
