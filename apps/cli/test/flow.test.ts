import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDeviceResponse, encodeBase64url, type SuiteId } from '@zhengzhao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliFixture,
  createCliFixture,
  ENV,
  failedCode,
  KB,
  NOW,
  OID4VP,
  reportOf,
  SUITES,
  zzOk,
} from './cli-fixture.js';
import { runZzAsync } from './run-zz.js';

type Format = 'mdoc' | 'sd-jwt' | 'qr-profile';
const FORMATS: readonly Format[] = ['mdoc', 'sd-jwt', 'qr-profile'];
const TYPE = 'cn.gov.eid.1';
const later = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

interface Presented {
  readonly credential: string;
  readonly presentation: string;
  /** The verify flags this presentation needs besides the input and --trust. */
  readonly verifyArgs: readonly string[];
}

let fixture: CliFixture;
const presented = new Map<string, Presented>();
const key = (suite: SuiteId, format: Format) => `${suite}/${format}`;
const get = (suite: SuiteId, format: Format) => presented.get(key(suite, format)) as Presented;
const trustOf = (suite: SuiteId) => ['--trust', fixture.suites[suite].authority];
const otherSuite = (suite: SuiteId): SuiteId => (suite === 'ES256' ? 'SM2' : 'ES256');

/** zz verify on `input` with the flags of (suite, format) and any extra ones. */
function verify(suite: SuiteId, format: Format, extra: readonly string[] = [], input?: string) {
  const p = get(suite, format);
  return runZzAsync(['verify', input ?? p.presentation, ...trustOf(suite), '--now', NOW, ...p.verifyArgs, ...extra], {
    env: ENV,
  });
}

beforeAll(async () => {
  fixture = await createCliFixture('flow');
  await Promise.all(
    SUITES.flatMap((suite) =>
      FORMATS.map(async (format) => {
        const files = fixture.suites[suite];
        const base = join(fixture.dir, suite.toLowerCase(), format);
        const credential = `${base}.credential`;
        await zzOk([
          'issue',
          ...['--authority', files.authority, '--type', TYPE, '--claims', fixture.claims],
          ...['--device-key', files.holderPublic, '--format', format, '--now', NOW, '--out', credential],
        ]);
        const presentation = `${base}.presentation`;
        const common = ['present', '--credential', credential, '--device-key', files.holder, '--now', NOW];
        if (format === 'mdoc') {
          const run = await zzOk([...common, '--disclose', 'full_name,age_over_18', ...OID4VP, '--out', presentation]);
          // ES256 replays the transcript hex that present printed; SM2 rebuilds it from the trio
          const hex = /session transcript[^:]*: ([0-9a-f]+)/.exec(run.stderr)?.[1] ?? '';
          expect(hex).toMatch(/^83f6f682/);
          const verifyArgs = suite === 'ES256' ? ['--session-transcript', hex] : OID4VP;
          presented.set(key(suite, format), { credential, presentation, verifyArgs });
        } else if (format === 'sd-jwt') {
          await zzOk([...common, '--disclose', 'age_over_18,birth_date', ...KB, '--out', presentation]);
          presented.set(key(suite, format), { credential, presentation, verifyArgs: KB });
        } else {
          await zzOk([...common, '--out', presentation, '--png', `${base}.png`]);
          presented.set(key(suite, format), { credential, presentation, verifyArgs: [] });
        }
      }),
    ),
  );
}, 120_000);

afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

/** Runs `check` for both suites at once (each spawns its own zz processes). */
const eachSuite = (check: (suite: SuiteId) => Promise<void> | void) =>
  Promise.all(SUITES.map(async (suite) => check(suite)));
const eachFormat = (check: (format: Format) => Promise<void>) => Promise.all(FORMATS.map(check));
/** Spreads formats over suites where one suite per format proves the point (fewer processes). */
const suiteFor = (format: Format): SuiteId => (format === 'sd-jwt' ? 'SM2' : 'ES256');

describe.concurrent('zz keys → issue → present → verify, ES256 and SM2', { timeout: 60_000 }, () => {
  it('writes the authority and holder key files with private keys sealed and 0600', () =>
    eachSuite((suite) => {
      const { authority, holder } = fixture.suites[suite];
      for (const file of ['root.key.json', 'ds.key.json']) {
        expect(statSync(join(authority, file)).mode & 0o777).toBe(0o600);
        expect(JSON.parse(readFileSync(join(authority, file), 'utf8'))).toMatchObject({ format: 'zz-key-1', suite });
      }
      expect(statSync(holder).mode & 0o777).toBe(0o600);
      const manifest = JSON.parse(readFileSync(join(authority, 'authority.json'), 'utf8'));
      expect(manifest).toMatchObject({ format: 'zz-authority-1', suite, country: 'CN' });
      expect(manifest.documentSigner.kid).toMatch(/^[0-9a-f]{16}$/);
      const jwk = JSON.parse(readFileSync(holder, 'utf8'));
      expect(jwk.crv).toBe(suite === 'SM2' ? 'SM2' : 'P-256');
      expect(typeof jwk.d).toBe('string');
    }));

  it('mdoc: a valid DeviceResponse disclosing only the chosen elements, age derived', () =>
    eachSuite(async (suite) => {
      const run = await verify(suite, 'mdoc');
      expect(run.status, run.stderr).toBe(0);
      const report = reportOf(run);
      expect(report.format).toBe('mdoc-device-response');
      expect(report.claims?.[TYPE]).toEqual({ full_name: '陈小红', age_over_18: true });
      expect(run.stderr).toContain('VALID');
    }));

  it('sd-jwt: a valid SD-JWT+KB with the chosen disclosures', () =>
    eachSuite(async (suite) => {
      const run = await verify(suite, 'sd-jwt');
      expect(run.status, run.stderr).toBe(0);
      const claims = reportOf(run).claims?.[TYPE];
      expect(claims).toMatchObject({ age_over_18: true, birth_date: '1990-03-07' });
      expect(claims).not.toHaveProperty('full_name');
      expect(claims).not.toHaveProperty('id_number');
    }));

  it('qr-profile: a valid ZZ1: presentation read from its PNG image, carrying the hotel elements', () =>
    eachSuite(async (suite) => {
      const png = get(suite, 'qr-profile').presentation.replace('.presentation', '.png');
      const image = await verify(suite, 'qr-profile', [], png);
      expect(image.status, image.stderr).toBe(0);
      const report = reportOf(image);
      expect(report.format).toBe('zz1-qr');
      expect(Object.keys(report.claims?.[TYPE] ?? {}).sort()).toEqual([
        'birth_date',
        'ethnicity',
        'expiry_date',
        'full_name',
        'id_number',
        'issuing_authority',
        'resident_address',
        'sex',
      ]);
    }));

  it('reads the presentation literally (ES256) and from standard input (SM2)', async () => {
    const qr = readFileSync(get('ES256', 'qr-profile').presentation, 'utf8').trim();
    const sdJwt = readFileSync(get('SM2', 'sd-jwt').presentation);
    const [literal, stdin] = await Promise.all([
      verify('ES256', 'qr-profile', [], qr),
      runZzAsync(['verify', '-', ...trustOf('SM2'), '--now', NOW, ...KB], { input: sdJwt }),
    ]);
    expect(literal.status, literal.stderr).toBe(0);
    expect(stdin.status, stdin.stderr).toBe(0);
    expect(reportOf(stdin).format).toBe('sd-jwt-vc');
  });

  it('tampered: a flipped DeviceResponse signature byte → 1', () =>
    eachSuite(async (suite) => {
      const mdoc = get(suite, 'mdoc');
      const bytes = new Uint8Array(readFileSync(mdoc.presentation));
      const signature = decodeDeviceResponse(bytes).documents[0]?.deviceSigned.deviceSignature?.signature;
      const at = Buffer.from(bytes).indexOf(Buffer.from(signature ?? []));
      expect(at).toBeGreaterThan(0);
      bytes[at + 5] = (bytes[at + 5] as number) ^ 0x01;
      const flipped = `${mdoc.presentation}.flipped`;
      writeFileSync(flipped, bytes);
      const run = await verify(suite, 'mdoc', [], flipped);
      expect(run.status).toBe(1);
      expect(failedCode(run)).toBe('ERR_MDOC_DEVICE_SIGNATURE_INVALID');
    }));

  it('tampered: an edited disclosure → 1, and a changed QR character is never valid', () =>
    eachSuite(async (suite) => {
      const parts = readFileSync(get(suite, 'sd-jwt').presentation, 'utf8').trim().split('~');
      const forged = JSON.stringify(['c2FsdHNhbHRzYWx0c2FsdA', 'age_over_18', false]);
      parts[1] = encodeBase64url(new TextEncoder().encode(forged));
      const qr = readFileSync(get(suite, 'qr-profile').presentation, 'utf8').trim();
      const i = Math.floor(qr.length / 2);
      const changed = `${qr.slice(0, i)}${qr[i] === 'A' ? 'B' : 'A'}${qr.slice(i + 1)}`;
      const [edited, qrRun] = await Promise.all([
        verify(suite, 'sd-jwt', [], parts.join('~')),
        verify(suite, 'qr-profile', [], changed),
      ]);
      expect(edited.status).toBe(1);
      expect(reportOf(edited).valid).toBe(false);
      expect(edited.stdout).not.toContain('"claims"');
      expect([1, 2]).toContain(qrRun.status);
      expect(qrRun.stdout).not.toContain('"valid": true');
    }));

  it('expired: every format is invalid 60 days later', () =>
    eachFormat(async (format) => {
      const run = await verify(suiteFor(format), format, ['--now', later(60 * 86400)]);
      expect(run.status, `${format}: ${run.stderr}`).toBe(1);
      expect(failedCode(run)).toMatch(/^ERR_(MDOC_VALIDITY|VALIDITY_EXPIRED)$/);
    }));

  it('stale: a QR presentation five minutes old is refused with ERR_FRESHNESS_STALE', () =>
    eachSuite(async (suite) => {
      const stale = await verify(suite, 'qr-profile', ['--now', later(300)]);
      expect(stale.status).toBe(1);
      expect(failedCode(stale)).toBe('ERR_FRESHNESS_STALE');
      if (suite === 'ES256') {
        const widened = await verify(suite, 'qr-profile', ['--now', later(300), '--freshness', '600']);
        expect(widened.status, widened.stderr).toBe(0);
      }
    }));

  it("untrusted: another authority's certificates do not vouch for this issuer", () =>
    eachFormat(async (format) => {
      const suite = otherSuite(suiteFor(format));
      const p = get(suite, format);
      const other = ['--trust', fixture.suites[otherSuite(suite)].authority];
      const run = await runZzAsync(['verify', p.presentation, ...other, '--now', NOW, ...p.verifyArgs], { env: ENV });
      expect(run.status, `${format}: ${run.stderr}`).toBe(1);
      expect(reportOf(run).checks[0]).toMatchObject({ id: 'trust_chain', outcome: 'failed' });
    }));

  it('binds the mdoc to its transcript: another nonce fails device binding', () =>
    eachSuite(async (suite) => {
      const p = get(suite, 'mdoc');
      const request = [
        '--client-id',
        'x509_san_dns:hotel.example.cn',
        '--response-uri',
        'https://hotel.example.cn/post',
      ];
      const args = ['verify', p.presentation, ...trustOf(suite), '--now', NOW, ...request, '--nonce', 'other'];
      const run = await runZzAsync(args, { env: ENV });
      expect(run.status).toBe(1);
      expect(failedCode(run)).toBe('ERR_MDOC_DEVICE_SIGNATURE_INVALID');
    }));

  it('issues a QR credential for another purpose with only its elements (private JWK as --device-key)', async () => {
    const suite = 'SM2';
    const files = fixture.suites[suite];
    const base = join(fixture.dir, suite.toLowerCase(), 'age');
    await zzOk([
      ...['issue', '--authority', files.authority, '--claims', fixture.claims, '--device-key', files.holder],
      ...['--format', 'qr-profile', '--purpose', 'age_over_18', '--now', NOW, '--out', `${base}.cose`],
    ]);
    const present = ['present', '--credential', `${base}.cose`, '--device-key', files.holder];
    await zzOk([...present, '--now', NOW, '--out', `${base}.txt`]);
    const run = await runZzAsync(['verify', `${base}.txt`, ...trustOf(suite), '--now', NOW], { env: ENV });
    expect(run.status, run.stderr).toBe(0);
    expect(reportOf(run).claims?.[TYPE]).toEqual({ age_over_18: true });
  });

  it('usage errors on real files: wrong passphrase, SD-JWT without --audience/--nonce, existing authority', async () => {
    const files = fixture.suites.ES256;
    const issue = [
      'issue',
      '--authority',
      files.authority,
      '--claims',
      fixture.claims,
      '--device-key',
      files.holderPublic,
    ];
    const out = join(fixture.dir, 'never-written');
    const sdJwt = get('SM2', 'sd-jwt').presentation;
    const [wrong, noKb, noNonce, existing] = await Promise.all([
      runZzAsync([...issue, '--format', 'mdoc', '--now', NOW, '--out', out], {
        env: { ZZ_PASSPHRASE: 'not-the-passphrase' },
      }),
      runZzAsync(['verify', sdJwt, ...trustOf('SM2'), '--now', NOW]),
      runZzAsync(['verify', sdJwt, ...trustOf('SM2'), '--now', NOW, '--audience', 'https://bank.example.cn']),
      runZzAsync(['keys', 'init', '--suite', 'ES256', '--name', 'Again', '--out', files.authority], { env: ENV }),
    ]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('ERR_KEYSTORE_PASSPHRASE');
    expect(existsSync(out)).toBe(false);
    for (const run of [noKb, noNonce]) {
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--audience and --nonce');
    }
    expect(existing.status).toBe(2);
    expect(existing.stderr).toContain('--force');
  });
});
