import { join } from 'node:path';
import type { VerificationReport } from '@zhengzhao/core';
import type { CredentialFormat } from './commands/issue.js';
import { DEMO_AUTHORITIES, DEMO_PASSPHRASE, DEMO_VERIFIERS, type DemoAuthority } from './demo-data.js';

/** One credential's round trip in the `zz demo` run. */
export interface DemoRow {
  readonly demo: DemoAuthority;
  readonly format: CredentialFormat;
  readonly folder: string;
  readonly authorityDir: string;
  readonly report: VerificationReport;
}

const FORMAT_LABEL: Record<CredentialFormat, string> = {
  mdoc: 'mdoc (ISO 18013-5)',
  'sd-jwt': 'SD-JWT VC',
  'qr-profile': 'ZZ1: QR (hotel)',
};

/** Prints the result table and the CLI tour (zh-CN / English) on standard output. */
export function printDemoSummary(options: {
  dir: string;
  now: Date;
  rows: readonly DemoRow[];
  milliseconds: number;
}): void {
  const { dir, now, rows } = options;
  const header = ['机构 Authority', '算法 Suite', '格式 Format', '结果 Result', '检查 Checks'];
  const table = rows.map((row) => [
    row.demo.label,
    row.demo.suite,
    FORMAT_LABEL[row.format],
    row.report.valid ? '✔ valid 有效' : '✘ INVALID 无效',
    checksOf(row.report),
  ]);
  const widths = header.map((title, i) => Math.max(width(title), ...table.map((cells) => width(cells[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ');
  const out: string[] = [
    `zz demo — 证照 Zhengzhao demo: two authorities, three formats (${Math.round(options.milliseconds)} ms)`,
    `演示文件 Demo files: ${dir}`,
    `时间 Clock: ${now.toISOString()}`,
    '',
    line(header),
    ...table.map(line),
    '',
    ...tour(dir, now, rows),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function checksOf(report: VerificationReport): string {
  const ok = report.checks.filter((c) => c.outcome === 'ok').map((c) => c.id);
  const skipped = report.checks.filter((c) => c.outcome === 'skipped').map((c) => c.id);
  const failed = report.checks.find((c) => c.outcome === 'failed');
  const claims = Object.values(report.claims ?? {}).reduce((n, ns) => n + Object.keys(ns).length, 0);
  return [
    `ok: ${ok.join(' ')}`,
    ...(skipped.length > 0 ? [`skipped: ${skipped.join(' ')}`] : []),
    ...(failed ? [`FAILED: ${failed.id} ${failed.code}`] : [`${claims} claims disclosed`]),
  ].join('; ');
}

/** The exact commands to repeat the demo by hand on the files it wrote (the CLI tour). */
function tour(dir: string, now: Date, rows: readonly DemoRow[]): string[] {
  const first = rows[0];
  const other = rows.find((row) => row.demo.slug !== first?.demo.slug);
  if (!first) return [];
  const d = first.folder;
  const a = first.authorityDir;
  const at = `--now ${now.toISOString()}`;
  const { mdoc, sdJwt } = DEMO_VERIFIERS;
  const sm2 = DEMO_AUTHORITIES.find((demo) => demo.suite === 'SM2');
  const q = quote;
  return [
    '命令行导览 CLI tour — try it by hand (from the repository root; `npx zz` runs apps/cli):',
    '',
    `  export ZZ_PASSPHRASE=${q(DEMO_PASSPHRASE)}   # demo only: it seals the demo's private keys`,
    '',
    '  # 1. Verify what the demo wrote (--now replays the demo instant: a QR is fresh for 2 minutes)',
    `  npx zz verify ${q(join(d, 'presentation.mdoc'))} --trust ${q(a)} --client-id ${mdoc.clientId} --nonce ${mdoc.nonce} --response-uri ${mdoc.responseUri} ${at}`,
    `  npx zz verify ${q(join(d, 'presentation.sd-jwt'))} --trust ${q(a)} --audience ${sdJwt.audience} --nonce ${sdJwt.nonce} ${at}`,
    `  npx zz verify ${q(join(d, 'presentation.png'))} --trust ${q(a)} ${at}`,
    ...(other
      ? [
          "  # … and with another province's certificates only: untrusted, exit status 1",
          `  npx zz verify ${q(join(d, 'presentation.png'))} --trust ${q(other.authorityDir)} ${at}`,
        ]
      : []),
    '',
    '  # 2. Issue, present and verify afresh with the demo authority and holder key',
    `  npx zz issue --authority ${q(a)} --claims ${q(join(d, 'claims.json'))} --device-key ${q(join(d, 'holder.pub.jwk'))} --format qr-profile --purpose age_over_18 --out ${q(join(d, 'age.cose'))}`,
    `  npx zz present --credential ${q(join(d, 'age.cose'))} --device-key ${q(join(d, 'holder.jwk'))} --out ${q(join(d, 'age.zz1.txt'))} --png ${q(join(d, 'age.png'))}`,
    `  npx zz verify ${q(join(d, 'age.png'))} --trust ${q(a)}`,
    `  npx zz issue --authority ${q(a)} --claims ${q(join(d, 'claims.json'))} --device-key ${q(join(d, 'holder.pub.jwk'))} --format sd-jwt --out ${q(join(d, 'mine.sd-jwt'))}`,
    `  npx zz present --credential ${q(join(d, 'mine.sd-jwt'))} --device-key ${q(join(d, 'holder.jwk'))} --disclose age_over_18 --audience https://bar.example.cn --nonce n-42 --out ${q(join(d, 'mine.kb'))}`,
    `  npx zz verify ${q(join(d, 'mine.kb'))} --trust ${q(a)} --audience https://bar.example.cn --nonce n-42`,
    '',
    '  # 3. Your own authority and holder key',
    `  npx zz keys init --suite ${sm2?.suite ?? 'SM2'} --name ${q('示例发证机关')} --province 11 --out ${q(join(dir, 'mine'))}`,
    `  npx zz keys holder --suite SM2 --out ${q(join(dir, 'mine', 'holder.jwk'))}`,
    '',
    '  Every command has --help. Exit status of zz verify: 0 valid, 1 invalid, 2 unreadable input or bad usage.',
  ];
}

/** Quotes a shell argument when it needs it. */
function quote(text: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Terminal columns of `text`: CJK and full-width characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    columns += wide ? 2 : 1;
  }
  return columns;
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}
