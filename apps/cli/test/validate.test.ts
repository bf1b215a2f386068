import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLayoutFixture, NOW as FIXTURE_NOW } from '../../../packages/layout/test/layout-fixture.js';
import { runZzAsync } from './run-zz.js';

const dir = mkdtempSync(join(tmpdir(), 'zz-validate-'));
const file = (name: string) => join(dir, name);
const NOW = FIXTURE_NOW.toISOString();
let signed: Uint8Array;

beforeAll(async () => {
  // the layout package's own fixture: a ZZ1 credential of the synthetic resident, laid out and signed
  const fixture = await createLayoutFixture('ES256');
  const { authority, credential } = fixture;
  signed = fixture.signed;
  // an authority directory as `zz keys init` writes it: the root, and the DS that ZZ1 kids name
  mkdirSync(file('authority'));
  writeFileSync(file('authority/root.cert.pem'), authority.root.pem);
  writeFileSync(file('authority/ds.cert.pem'), authority.documentSigner.pem);
  writeFileSync(file('other-root.cert.pem'), authority.variants.untrustedRoot.pem);
  const issuer = { id: 'gd', name: { 'zh-CN': '广东省', en: 'Guangdong' }, suite: 'ES256' };
  const bundle = {
    version: 1,
    issued_at: NOW,
    issuers: [{ ...issuer, iaca: [authority.root.pem], document_signers: [authority.documentSigner.pem] }],
  };
  writeFileSync(file('trust-bundle.json'), JSON.stringify(bundle));
  writeFileSync(file('good.pdf'), signed);
  writeFileSync(file('appended.pdf'), Buffer.concat([signed, Buffer.from('\n% appended\n')]));
  const changed = Buffer.from(signed);
  changed[changed.indexOf('595.28') + 2] = '3'.charCodeAt(0);
  writeFileSync(file('changed.pdf'), changed);
  writeFileSync(file('credential.txt'), credential);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const validate = (name: string, trust = 'authority') =>
  runZzAsync(['validate', file(name), '--trust', file(trust), '--now', NOW]);

describe.concurrent('zz validate', { timeout: 60_000 }, () => {
  it('exits 0 for a good layout document and prints every check and the JSON report', async () => {
    const run = await validate('good.pdf');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('VALID 有效');
    expect(run.stderr).toMatch(/\[通过 ok\s*\] PDF\.SIGNATURE/);
    const report = JSON.parse(run.stdout) as { valid: boolean; checks: { id: string; outcome: string }[] };
    expect(report.valid).toBe(true);
    expect(report.checks.map((check) => check.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('exits 1 for a file changed or appended to after signing, with the code', async () => {
    const [changed, appended] = await Promise.all([validate('changed.pdf'), validate('appended.pdf')]);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('INVALID 无效: PDF.SIGNATURE failed with ERR_PDF_DIGEST_MISMATCH');
    expect(appended.status).toBe(1);
    expect(JSON.parse(appended.stdout).checks[0]).toMatchObject({
      id: 'PDF.STRUCTURE',
      code: 'ERR_PDF_BYTES_APPENDED',
    });
  });

  it('takes a trust bundle (*.json) as --trust', async () => {
    const run = await validate('good.pdf', 'trust-bundle.json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('VALID 有效');
  });

  it('exits 1 when the signer is not trusted', async () => {
    const run = await validate('good.pdf', 'other-root.cert.pem');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PDF.SIGNER_TRUST failed with ERR_TRUST_UNTRUSTED_ROOT');
  });

  it('says clearly that a non-PDF is not a layout document, and exits 2', async () => {
    const run = await validate('credential.txt');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ERR_PDF_MALFORMED');
    expect(run.stderr).toContain('not a PDF');
    expect(run.stderr).toContain('zz verify');
  });

  it('prints help and refuses a missing --trust', async () => {
    const [help, noTrust] = await Promise.all([
      runZzAsync(['validate', '--help']),
      runZzAsync(['validate', file('good.pdf')]),
    ]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit status');
    expect(noTrust.status).toBe(2);
    expect(noTrust.stderr).toContain('--trust');
  });
});
