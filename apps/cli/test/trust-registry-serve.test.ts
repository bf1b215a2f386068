import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCertificatePem, verifyTrustList } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { freePort } from '@zhengzhao/test-kit';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/zz.js', import.meta.url));

describe('zz trust-registry serve (production role)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-trust-registry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the environment, serves its root and a list signed under it, and stops on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [BIN, 'trust-registry', 'serve'], {
      env: {
        ...process.env,
        ZZ_PORT: `${port}`,
        ZZ_PUBLIC_URL: url,
        ZZ_SQLITE_FILE: join(dir, 'trust-registry.sqlite'),
        ZZ_KEY_DIR: join(dir, 'keys'),
        ZZ_KEY_PASSPHRASE: 'a passphrase for this test only',
        ZZ_ADMIN_TOKENS: 'ops:0123456789abcdef0123',
        ZZ_LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 30_000;
    while (!output.includes('trust-registry') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    try {
      expect(output).toContain(`trust-registry  ${url}`);
      const root = await (await fetch(`${url}/root.pem`)).text();
      const list = await (await fetch(`${url}/trust-list`)).text();
      const verified = await verifyTrustList(createNodePlatform(), list, {
        roots: [decodeCertificatePem(root)],
        now: new Date(),
      });
      expect(verified.list.sequence).toBeGreaterThanOrEqual(1);
      const unauthorised = await fetch(`${url}/admin/authorities`, { method: 'POST', body: '{}' });
      expect(unauthorised.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
