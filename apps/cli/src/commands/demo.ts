import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Platform, VerificationReport } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { parseNow } from '../args.js';
import { openAuthority } from '../authority-dir.js';
import { readStoredCredential } from '../credential-file.js';
import { DEMO_AUTHORITIES, DEMO_PASSPHRASE, DEMO_VERIFIERS, type DemoAuthority } from '../demo-data.js';
import { type DemoRow, printDemoSummary } from '../demo-summary.js';
import { readHolderPublicKey, readHolderSigner } from '../holder-key.js';
import { readPresentation } from '../presentation-input.js';
import { renderQr } from '../qr-image.js';
import { sessionTranscriptFromFlags } from '../session-transcript-arg.js';
import { trustFromFiles } from '../trust-files.js';
import { type CredentialFormat, issueCredential } from './issue.js';
import { createHolderKey } from './keys-holder.js';
import { initAuthority } from './keys-init.js';
import { presentCredential } from './present.js';
import { verifyInput } from './verify.js';

export const DEMO_HELP = `zz demo — an end-to-end demo: issue, present and verify in every format

Usage: zz demo [--dir <dir>] [--now <ISO>]

  --dir   where to write the demo files (default: a fresh temporary directory); earlier demo
          files there are replaced
  --now   the demo's clock (default: now)

Creates two issuing authorities (Guangdong on ES256, Beijing on SM2) and a synthetic citizen
for each, then issues an mdoc, an SD-JWT VC and an offline hotel QR credential, presents and
verifies each, renders the QR codes as PNG, and prints a summary and the zz commands to try
the same by hand on the files it wrote. 'zz start' runs the services themselves.
`;

/** Files of one credential's round trip, relative to the authority's demo folder. */
const FILES: Record<CredentialFormat, { credential: string; presentation: string }> = {
  mdoc: { credential: 'eid.mdoc', presentation: 'presentation.mdoc' },
  'sd-jwt': { credential: 'eid.sd-jwt', presentation: 'presentation.sd-jwt' },
  'qr-profile': { credential: 'eid-hotel.cose', presentation: 'presentation.zz1.txt' },
};

export async function demoCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      dir: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(DEMO_HELP);
    return 0;
  }
  const started = performance.now();
  const now = parseNow(values.now);
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'zz-demo-'));
  const platform = createNodePlatform();
  const rows: DemoRow[] = [];
  for (const demo of DEMO_AUTHORITIES) rows.push(...(await runDemoAuthority(platform, dir, demo, now)));
  printDemoSummary({ dir, now, rows, milliseconds: performance.now() - started });
  return rows.every((row) => row.report.valid) ? 0 : 1;
}

/** One authority: keys, a holder, and the three formats issued, presented and verified. */
async function runDemoAuthority(platform: Platform, dir: string, demo: DemoAuthority, now: Date): Promise<DemoRow[]> {
  const folder = join(dir, demo.slug);
  const authorityDir = join(folder, 'authority');
  mkdirSync(folder, { recursive: true });
  await initAuthority({
    platform,
    suite: demo.suite,
    name: demo.name,
    provinceCode: demo.provinceCode,
    country: 'CN',
    issuerUri: `https://${demo.slug}.issuer.zhengzhao.example`,
    rootDays: 3650,
    dsDays: 365,
    now,
    out: authorityDir,
    passphrase: DEMO_PASSPHRASE,
    force: true,
  });
  const holder = await createHolderKey({ platform, suite: demo.suite, out: join(folder, 'holder.jwk'), force: true });
  writeFileSync(join(folder, 'claims.json'), `${JSON.stringify(demo.claims, null, 2)}\n`);

  const authority = await openAuthority(platform, authorityDir, DEMO_PASSPHRASE);
  const deviceKey = readHolderPublicKey(holder.publicPath);
  const deviceSigner = await readHolderSigner(platform, holder.privatePath);
  const { trust } = trustFromFiles(platform, [authorityDir]);
  const sessionTranscript = await sessionTranscriptFromFlags(platform, undefined, DEMO_VERIFIERS.mdoc);
  const rows: DemoRow[] = [];
  for (const format of ['mdoc', 'sd-jwt', 'qr-profile'] as const) {
    const credential = await issueCredential({
      platform,
      authority,
      typeId: 'cn.gov.eid.1',
      claimsJson: demo.claims,
      deviceKey,
      format,
      validDays: 30,
      now,
    });
    writeFileSync(join(folder, FILES[format].credential), credential);
    const presentation = await presentCredential({
      platform,
      credential: readStoredCredential(credential),
      deviceSigner,
      now,
      ...(format === 'mdoc' && sessionTranscript && { sessionTranscript }),
      ...(format === 'sd-jwt' && DEMO_VERIFIERS.sdJwt),
      ...(format === 'sd-jwt' && { disclose: ['full_name', 'age_over_18'] }),
    });
    const presentationPath = join(folder, FILES[format].presentation);
    writeFileSync(presentationPath, typeof presentation === 'string' ? `${presentation}\n` : presentation);
    let input: string | Uint8Array = presentation;
    if (typeof presentation === 'string' && format === 'qr-profile') {
      // verify what a phone camera would see: the PNG, decoded back to its text
      const png = join(folder, 'presentation.png');
      writeFileSync(png, await renderQr(presentation, { format: 'png' }));
      input = (await readPresentation(png)).input;
    }
    const report: VerificationReport = await verifyInput({
      platform,
      input,
      trust,
      now,
      ...(format === 'mdoc' && sessionTranscript && { sessionTranscript }),
      ...(format === 'sd-jwt' && DEMO_VERIFIERS.sdJwt),
    });
    rows.push({ demo, format, folder, authorityDir, report });
  }
  return rows;
}
