import { parseArgs } from 'node:util';
import {
  detectPresentationFormat,
  type MdocSessionTranscript,
  type Platform,
  type StatusResolver,
  type TrustSource,
  type VerificationReport,
  verifyPresentation,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { parseInteger, parseNow, required } from '../args.js';
import { UsageError } from '../cli-error.js';
import { readPresentation } from '../presentation-input.js';
import { formatReportJson } from '../report-json.js';
import { sessionTranscriptFromFlags } from '../session-transcript-arg.js';
import { statusResolverFromFiles } from '../status-files.js';
import { trustFromFiles } from '../trust-files.js';

export const VERIFY_HELP = `zz verify — verify a presentation and print its report

Usage: zz verify <file | text | image.png | image.jpg | -> --trust <cert.pem | authority dir>...
                 [--now <ISO>] [--status-list <token file>]... [--type <credential type>]
         mdoc DeviceResponse: --session-transcript <hex | file>
                              or --client-id <id> --nonce <n> --response-uri <uri>
         SD-JWT VC:           --audience <aud> --nonce <n>
         ZZ1: QR:             [--freshness <seconds>]   (default 120)

  <input>               ZZ1: text or an SD-JWT given literally; otherwise a file or - (standard
                        input) holding a QR image (PNG/JPEG), ZZ1:/SD-JWT text, or CBOR
                        (DeviceResponse or IssuerSigned; also as hex or base64url text)
  --trust               trusted certificates, repeatable: PEM/DER files or authority directories
                        (root.cert.pem + ds.cert.pem); CA certificates are the roots
  --status-list         a Token Status List token (JWT or CWT), repeatable; it is verified with
                        --trust and its sub is the list URI. Without one the status check is skipped
  --now                 the verification time (default: now)
  --type                the credential type the verifier expects (mdoc docType / SD-JWT vct)

Prints the JSON report on standard output and a one-line summary on standard error.
Exit status: 0 valid, 1 invalid, 2 bad usage or unreadable input (with the error code).
`;

export interface VerifyInputOptions {
  readonly platform: Platform;
  readonly input: string | Uint8Array;
  readonly trust: TrustSource;
  readonly now: Date;
  readonly statusResolver?: StatusResolver;
  readonly sessionTranscript?: MdocSessionTranscript;
  readonly audience?: string;
  readonly nonce?: string;
  readonly expectedType?: string;
  readonly freshnessSeconds?: number;
}

export async function verifyCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      trust: { type: 'string', multiple: true },
      now: { type: 'string' },
      'session-transcript': { type: 'string' },
      'client-id': { type: 'string' },
      'response-uri': { type: 'string' },
      audience: { type: 'string' },
      nonce: { type: 'string' },
      'status-list': { type: 'string', multiple: true },
      freshness: { type: 'string' },
      type: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(VERIFY_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one presentation: a file, text, image or -');
  const now = parseNow(values.now);
  const platform = createNodePlatform();
  const { input } = await readPresentation(required(positionals[0], 'input'));
  const format = detectPresentationFormat(input);
  const { trust } = trustFromFiles(platform, values.trust ?? []);
  const sessionTranscript = await sessionTranscriptFromFlags(platform, values['session-transcript'], {
    clientId: values['client-id'],
    nonce: values.nonce,
    responseUri: values['response-uri'],
  });
  if (format === 'mdoc-device-response' && !sessionTranscript) {
    throw new UsageError(
      'an mdoc DeviceResponse needs --session-transcript or --client-id, --nonce and --response-uri',
    );
  }
  if (format === 'sd-jwt-vc' && (values.audience === undefined || values.nonce === undefined)) {
    throw new UsageError('an SD-JWT presentation needs --audience and --nonce (its Key Binding JWT is checked)');
  }
  const statusResolver = await statusResolverFromFiles(platform, trust, values['status-list'] ?? [], now);
  const report = await verifyInput({
    platform,
    input,
    trust,
    now,
    ...(statusResolver && { statusResolver }),
    ...(sessionTranscript && format === 'mdoc-device-response' && { sessionTranscript }),
    ...(values.audience !== undefined && { audience: values.audience }),
    ...(values.nonce !== undefined && { nonce: values.nonce }),
    ...(values.type !== undefined && { expectedType: values.type }),
    ...(values.freshness !== undefined && {
      freshnessSeconds: parseInteger(values.freshness, 'freshness', 1, 366 * 24 * 3600),
    }),
  });
  process.stdout.write(`${formatReportJson(report)}\n`);
  process.stderr.write(`${summarizeReport(report)}\n`);
  return report.valid ? 0 : 1;
}

/** Verifies one presentation of any supported format into a report (DESIGN.md §5). */
export function verifyInput(options: VerifyInputOptions): Promise<VerificationReport> {
  const { platform, input, ...rest } = options;
  return verifyPresentation(platform, input, rest);
}

/** One line for people: the verdict, the format and type, and the failed check with its code. */
export function summarizeReport(report: VerificationReport): string {
  const what = [report.format, report.credentialType, report.issuer && `issuer: ${report.issuer.name}`]
    .filter(Boolean)
    .join(', ');
  if (report.valid) {
    const skipped = report.checks.filter((c) => c.outcome === 'skipped').map((c) => c.id);
    return `VALID 有效 (${what})${skipped.length > 0 ? `; skipped: ${skipped.join(', ')}` : ''}`;
  }
  const failed = report.checks.find((c) => c.outcome === 'failed');
  return `INVALID 无效 (${what}): ${failed ? `${failed.id} failed with ${failed.code}` : 'no check passed'}`;
}
