import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCitizenIdCheckDigit, type SuiteId } from '@zhengzhao/core';
import { expect } from 'vitest';
import { runZzAsync, type ZzRun } from './run-zz.js';

/** The tests' clock: every command gets `--now` so nothing depends on the real time. */
export const NOW = '2026-06-01T08:00:00Z';
export const PASSPHRASE = 'cli-test-passphrase';
export const ENV = { ZZ_PASSPHRASE: PASSPHRASE };
export const SUITES: readonly SuiteId[] = ['ES256', 'SM2'];

/** OpenID4VP request values (mdoc) and Key Binding values (SD-JWT) the tests use. */
export const OID4VP = [
  '--client-id',
  'x509_san_dns:hotel.example.cn',
  '--nonce',
  'n-1',
  '--response-uri',
  'https://hotel.example.cn/post',
];
export const KB = ['--audience', 'https://bank.example.cn', '--nonce', 'n-2'];

/** A synthetic citizen (GB 11643 check digit computed; no real person). */
export function syntheticClaims(): Record<string, unknown> {
  const body = '44010619900307124';
  return {
    full_name: '陈小红',
    family_name: '陈',
    given_name: '小红',
    sex: 2,
    ethnicity: '01',
    birth_date: '1990-03-07',
    resident_address: '广东省广州市天河区示例路 100 号',
    id_number: body + computeCitizenIdCheckDigit(body),
    issuing_authority: '广州市公安局天河分局',
    issue_date: '2020-01-01',
    expiry_date: '2040-01-01',
  };
}

export interface SuiteFiles {
  readonly suite: SuiteId;
  readonly authority: string;
  readonly holder: string;
  readonly holderPublic: string;
}

export interface CliFixture {
  readonly dir: string;
  readonly claims: string;
  readonly suites: Readonly<Record<SuiteId, SuiteFiles>>;
}

/** Runs zz and expects exit status 0, with stderr in the failure message. */
export async function zzOk(args: readonly string[]): Promise<ZzRun> {
  const run = await runZzAsync(args, { env: ENV });
  expect(run.status, run.stderr).toBe(0);
  return run;
}

/** One authority and one holder key per suite, created through the CLI, plus a claims file. */
export async function createCliFixture(prefix: string, suites: readonly SuiteId[] = SUITES): Promise<CliFixture> {
  const dir = mkdtempSync(join(tmpdir(), `zz-${prefix}-`));
  const claims = join(dir, 'claims.json');
  writeFileSync(claims, JSON.stringify(syntheticClaims()));
  const entries = await Promise.all(
    suites.map(async (suite): Promise<[SuiteId, SuiteFiles]> => {
      const base = join(dir, suite.toLowerCase());
      mkdirSync(base);
      const files = {
        suite,
        authority: join(base, 'authority'),
        holder: join(base, 'holder.jwk'),
        holderPublic: join(base, 'holder.pub.jwk'),
      };
      const name = suite === 'SM2' ? '北京市公安局 (test)' : '广东省公安厅 (test)';
      const province = suite === 'SM2' ? '11' : '44';
      await Promise.all([
        zzOk([
          'keys',
          'init',
          '--suite',
          suite,
          '--name',
          name,
          '--province',
          province,
          '--now',
          NOW,
          '--out',
          files.authority,
        ]),
        zzOk(['keys', 'holder', '--suite', suite, '--out', files.holder]),
      ]);
      return [suite, files];
    }),
  );
  return { dir, claims, suites: Object.fromEntries(entries) as Record<SuiteId, SuiteFiles> };
}

/** Parses the JSON report `zz verify` prints. */
export function reportOf(run: ZzRun): {
  valid: boolean;
  format: string;
  claims?: Record<string, Record<string, unknown>>;
  statusValue?: number;
  checks: { id: string; outcome: string; code?: string }[];
} {
  return JSON.parse(run.stdout);
}

/** The code of the first failed check of a report. */
export function failedCode(run: ZzRun): string | undefined {
  return reportOf(run).checks.find((check) => check.outcome === 'failed')?.code;
}
