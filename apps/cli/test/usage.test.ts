import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runZzAsync } from './run-zz.js';

const dir = mkdtempSync(join(tmpdir(), 'zz-usage-'));
const ENV = { ZZ_PASSPHRASE: 'cli-test-passphrase' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('zz usage: help, unknown flags, unreadable input', { timeout: 60_000 }, () => {
  it('prints help for every command and exits 0', async () => {
    const topics = [
      [['--help'], 'Commands:'],
      [['keys', '--help'], 'zz keys init'],
      [['keys', 'init', '--help'], 'ZZ_PASSPHRASE'],
      [['keys', 'holder', '--help'], 'non-extractable'],
      [['issue', '--help'], '--format'],
      [['present', '--help'], '--session-transcript'],
      [['verify', '--help'], 'Exit status'],
      [['start', '--help'], 'zz start'],
      [['demo', '--help'], 'zz demo'],
      [['registry', '--help'], 'zz registry serve'],
      [['issuer', '--help'], 'zz issuer serve'],
      [['trust-registry', '--help'], 'zz trust-registry serve'],
      [['help', 'verify'], 'zz verify'],
    ] as const;
    const runs = await Promise.all(topics.map(([args]) => runZzAsync(args)));
    runs.forEach((run, i) => {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(topics[i]?.[1]);
    });
  });

  it('exits 2 on an unknown flag, command or subcommand, with a one-line reason and no stack trace', async () => {
    const runs = await Promise.all([
      runZzAsync(['verify', 'x', '--bogus']),
      runZzAsync(['issue', '--frobnicate']),
      runZzAsync(['keys', 'rotate']),
      runZzAsync(['nosuch']),
      runZzAsync(['present', '--out', join(dir, 'p'), '--credential']),
    ]);
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runs[0]?.stderr).toContain("Unknown option '--bogus'");
    expect(runs[2]?.stderr).toContain("unknown subcommand 'rotate'");
  });

  it('exits 2 on garbage, a missing file and an unreadable trust file, printing the error code', async () => {
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(
      garbage,
      Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256),
    );
    const text = join(dir, 'hello.txt');
    writeFileSync(text, 'hello, not a credential\n');
    const cert = join(dir, 'not-a-cert.pem');
    writeFileSync(cert, 'nothing here');
    const [bytes, words, missing, badTrust, noTrust] = await Promise.all([
      runZzAsync(['verify', garbage, '--trust', cert]),
      runZzAsync(['verify', text, '--trust', cert]),
      runZzAsync(['verify', join(dir, 'missing.cbor'), '--trust', cert]),
      runZzAsync(['verify', 'ZZ1:ABC', '--trust', cert]),
      runZzAsync(['verify', 'ZZ1:ABC']),
    ]);
    expect(badTrust.status).toBe(2);
    expect(badTrust.stderr).toContain('ERR_X509_MALFORMED');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(bytes.stderr).toContain('ERR_FORMAT_UNKNOWN');
    expect(words.stderr).toContain('ERR_FORMAT_UNKNOWN');
    expect(noTrust.status).toBe(2);
    expect(noTrust.stderr).toContain('--trust');
    // the input is read and recognised before the trust files
    expect(bytes.status).toBe(2);
    expect(words.status).toBe(2);
  });

  it('refuses keys without a passphrase, and a passphrase on the command line', async () => {
    const out = join(dir, 'authority');
    const [noPassphrase, argv, shortOne] = await Promise.all([
      runZzAsync(['keys', 'init', '--suite', 'ES256', '--name', 'X', '--out', out], { env: { ZZ_PASSPHRASE: '' } }),
      runZzAsync(['keys', 'init', '--suite', 'ES256', '--name', 'X', '--out', out, '--passphrase', 'secret-1234']),
      runZzAsync(['keys', 'init', '--suite', 'ES256', '--name', 'X', '--out', out], {
        env: { ZZ_PASSPHRASE: 'short' },
      }),
    ]);
    expect(noPassphrase.status).toBe(2);
    expect(noPassphrase.stderr).toContain('ZZ_PASSPHRASE');
    expect(argv.status).toBe(2);
    expect(shortOne.status).toBe(2);
    expect(shortOne.stderr).toContain('ERR_KEYSTORE_PASSPHRASE');
    const bad = await runZzAsync(['keys', 'init', '--suite', 'RSA', '--name', 'X', '--out', out], { env: ENV });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--suite must be ES256 or SM2');
  });
});
