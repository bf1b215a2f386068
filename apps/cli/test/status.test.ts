import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeCertificatePem,
  issueStatusListCwt,
  issueStatusListJwt,
  STATUS_INVALID,
  StatusList,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { decryptKeyFile } from '@zhengzhao/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliFixture, ENV, failedCode, KB, NOW, OID4VP, PASSPHRASE, reportOf, zzOk } from './cli-fixture.js';
import { runZzAsync } from './run-zz.js';

const platform = createNodePlatform();
const JWT_LIST = 'https://status.example.cn/gd/1';
const CWT_LIST = 'https://status.example.cn/gd/2';

/** Each credential: its format, the list and index it points to. */
const CREDENTIALS = {
  'sd-jwt': { uri: JWT_LIST, idx: 7, present: KB },
  'qr-profile': { uri: JWT_LIST, idx: 9, present: [] as string[] },
  mdoc: { uri: CWT_LIST, idx: 3, present: OID4VP },
} as const;
type Format = keyof typeof CREDENTIALS;

let dir: string;
let authority: string;
const presentation = (format: Format) => join(dir, `${format}.presentation`);

beforeAll(async () => {
  const fixture = await createCliFixture('status', ['ES256']);
  dir = fixture.dir;
  const files = fixture.suites.ES256;
  authority = files.authority;
  await Promise.all(
    (Object.keys(CREDENTIALS) as Format[]).map(async (format) => {
      const { uri, idx, present } = CREDENTIALS[format];
      const credential = join(dir, `${format}.credential`);
      await zzOk([
        ...['issue', '--authority', authority, '--claims', fixture.claims, '--device-key', files.holderPublic],
        ...['--format', format, '--status-uri', uri, '--status-idx', String(idx), '--now', NOW, '--out', credential],
      ]);
      const args = ['present', '--credential', credential, '--device-key', files.holder, '--now', NOW];
      await zzOk([...args, ...present, '--out', presentation(format)]);
    }),
  );

  // The authority revokes sd-jwt (idx 7 of the JWT list) and mdoc (idx 3 of the CWT list).
  const signer = await decryptKeyFile(
    platform,
    JSON.parse(readFileSync(join(authority, 'ds.key.json'), 'utf8')),
    PASSPHRASE,
  );
  const certificateChain = [decodeCertificatePem(readFileSync(join(authority, 'ds.cert.pem'), 'utf8'))];
  const issuedAt = new Date(NOW);
  const expiresAt = new Date(Date.parse(NOW) + 86_400_000);
  const jwtList = new StatusList(64, 2);
  jwtList.set(CREDENTIALS['sd-jwt'].idx, STATUS_INVALID);
  const cwtList = new StatusList(64, 2);
  cwtList.set(CREDENTIALS.mdoc.idx, STATUS_INVALID);
  const common = { issuedAt, expiresAt, certificateChain };
  writeFileSync(
    join(dir, 'list.jwt'),
    await issueStatusListJwt(platform, signer, { uri: JWT_LIST, list: jwtList, ...common }),
  );
  writeFileSync(
    join(dir, 'list.cwt'),
    await issueStatusListCwt(platform, signer, { uri: CWT_LIST, list: cwtList, ...common }),
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('zz verify --status-list (Token Status List, JWT and CWT)', { timeout: 60_000 }, () => {
  const verify = (format: Format, extra: readonly string[]) =>
    runZzAsync(
      ['verify', presentation(format), '--trust', authority, '--now', NOW, ...CREDENTIALS[format].present, ...extra],
      { env: ENV },
    );
  const lists = () => ['--status-list', join(dir, 'list.jwt'), '--status-list', join(dir, 'list.cwt')];

  it('a revoked SD-JWT VC (JWT list) and mdoc (CWT list) are invalid with ERR_STATUS_REVOKED', async () => {
    const [sdJwt, mdoc] = await Promise.all([verify('sd-jwt', lists()), verify('mdoc', lists())]);
    for (const run of [sdJwt, mdoc]) {
      expect(run.status, run.stderr).toBe(1);
      expect(failedCode(run)).toBe('ERR_STATUS_REVOKED');
      expect(reportOf(run).checks.find((c) => c.id === 'status')?.outcome).toBe('failed');
    }
  });

  it('a credential whose entry is VALID passes the status check; without lists it is skipped', async () => {
    const [checked, skipped] = await Promise.all([verify('qr-profile', lists()), verify('sd-jwt', [])]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(reportOf(checked).statusValue).toBe(0);
    expect(reportOf(checked).checks.find((c) => c.id === 'status')?.outcome).toBe('ok');
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(reportOf(skipped).checks.find((c) => c.id === 'status')?.outcome).toBe('skipped');
  });
});
