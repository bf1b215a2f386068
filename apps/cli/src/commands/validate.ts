import { parseArgs } from 'node:util';
import { combineTrustSources, type Platform, type TrustSource } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  isPdf,
  type LayoutCheckId,
  type LayoutValidationReport,
  MAX_LAYOUT_DOCUMENT_BYTES,
  validateLayoutDocument,
  verifyEmbeddedCredential,
} from '@zhengzhao/layout';
import { parseTrustBundle, trustSourceFromBundle } from '@zhengzhao/verifier';
import { parseInteger, parseNow, required } from '../args.js';
import { UsageError } from '../cli-error.js';
import { readInput, readJsonFile } from '../io.js';
import { formatReportJson } from '../report-json.js';
import { statusResolverFromFiles } from '../status-files.js';
import { trustFromFiles } from '../trust-files.js';

export const VALIDATE_HELP = `zz validate — validate a signed layout document (证照版式文件校验)

Usage: zz validate <file.pdf | -> --trust <cert.pem | authority dir | trust-bundle.json>...
                   [--status-list <token file>]... [--now <ISO>] [--freshness <seconds>]

  <file.pdf>            a layout document (PDF) signed by an issuing authority, or - (standard input)
  --trust               trusted certificates, repeatable: PEM/DER files, authority directories
                        (root.cert.pem + ds.cert.pem) or a trust bundle (*.json); they check both
                        the PDF signer and the embedded credential
  --status-list         a Token Status List token (JWT or CWT), repeatable, for the embedded
                        credential's status; without one its status check is skipped
  --now                 the validation time (default: now)
  --freshness           a device-bound ZZ1: credential's proof age limit in seconds (default 120)

Checks, in order: PDF.STRUCTURE, PDF.SIGNATURE, PDF.SIGNER_TRUST, CREDENTIAL.EMBEDDED,
CREDENTIAL.QR, CREDENTIAL.VERIFIED. Prints each check (zh-CN / English) and a verdict on standard
error, the JSON report on standard output.
Exit status: 0 valid, 1 invalid, 2 bad usage or input that is not a PDF (with the error code).
`;

const CHECK_NAMES: Readonly<Record<LayoutCheckId, string>> = {
  'PDF.STRUCTURE': '文件结构 File structure',
  'PDF.SIGNATURE': '电子签名 Digital signature',
  'PDF.SIGNER_TRUST': '签名者可信 Signer trust',
  'CREDENTIAL.EMBEDDED': '内嵌证照 Embedded credential',
  'CREDENTIAL.QR': '二维码一致 QR code matches',
  'CREDENTIAL.VERIFIED': '证照有效 Credential valid',
};

const OUTCOMES = { ok: '通过 ok     ', failed: '失败 FAILED ', skipped: '跳过 skipped' } as const;

export async function validateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      trust: { type: 'string', multiple: true },
      'status-list': { type: 'string', multiple: true },
      now: { type: 'string' },
      freshness: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one layout document: a PDF file or -');
  const path = required(positionals[0], 'file');
  const now = parseNow(values.now);
  const platform = createNodePlatform();
  const bytes = readInput(path, MAX_LAYOUT_DOCUMENT_BYTES);
  if (!isPdf(bytes)) {
    process.stderr.write(
      `zz validate: ERR_PDF_MALFORMED: ${path === '-' ? 'the input' : path} is not a PDF 不是 PDF 版式文件` +
        " — to verify a credential, QR text or QR image use 'zz verify'\n",
    );
    return 2;
  }
  const trust = trustFromArgs(platform, values.trust ?? []);
  const statusResolver = await statusResolverFromFiles(platform, trust, values['status-list'] ?? [], now);
  const freshnessSeconds =
    values.freshness === undefined ? undefined : parseInteger(values.freshness, 'freshness', 1, 366 * 24 * 3600);
  const report = await validateLayoutDocument(bytes, {
    platform,
    trust,
    now,
    verifyCredential: (credential) =>
      verifyEmbeddedCredential(platform, credential, {
        trust,
        now,
        ...(statusResolver && { statusResolver }),
        ...(freshnessSeconds !== undefined && { freshnessSeconds }),
      }),
  });
  process.stdout.write(`${formatReportJson(report)}\n`);
  process.stderr.write(`${formatChecks(report)}\n`);
  return report.valid ? 0 : 1;
}

/** `--trust` arguments: trust bundles (*.json) and certificate files / authority directories, combined. */
function trustFromArgs(platform: Platform, paths: readonly string[]): TrustSource {
  if (paths.length === 0) throw new UsageError('give at least one --trust <cert.pem | authority dir | bundle.json>');
  const bundles = paths.filter((path) => path.toLowerCase().endsWith('.json'));
  const certificates = paths.filter((path) => !path.toLowerCase().endsWith('.json'));
  const sources: TrustSource[] = bundles.map((path) =>
    trustSourceFromBundle(platform, parseTrustBundle(readJsonFile(path))),
  );
  if (certificates.length > 0) sources.push(trustFromFiles(platform, certificates).trust);
  return sources.length === 1 ? (sources[0] as TrustSource) : combineTrustSources(...sources);
}

/** The checks, one per line, and the verdict, for people (zh-CN and English). */
export function formatChecks(report: LayoutValidationReport): string {
  const width = Math.max(...report.checks.map((check) => check.id.length));
  const lines = report.checks.map((check) => {
    const detail = check.outcome === 'failed' ? ` — ${check.code}: ${check.reason ?? ''}` : '';
    return `  [${OUTCOMES[check.outcome]}] ${check.id.padEnd(width)}  ${CHECK_NAMES[check.id]}${detail}`;
  });
  const signer = report.signer ? `signer 签名者: ${report.signer.name}` : undefined;
  const signed = report.signingTime ? `signed 签署于 ${report.signingTime.toISOString()}` : undefined;
  const failed = report.checks.find((check) => check.outcome === 'failed');
  const verdict = report.valid
    ? `VALID 有效 (${[signer, signed].filter(Boolean).join('; ')})`
    : `INVALID 无效: ${failed ? `${failed.id} failed with ${failed.code}` : 'not all checks passed'}`;
  return ['证照校验 Layout document validation', ...lines, verdict].join('\n');
}
