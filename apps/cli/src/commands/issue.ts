import { parseArgs } from 'node:util';
import {
  claimsFromJson,
  deriveAgeClaims,
  getCredentialType,
  getQrPurpose,
  issueCatalogCredential,
  type Platform,
  type PublicKey,
  RESIDENT_ID_TYPE_ID,
  type StatusReference,
  utf8Encode,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { addDays, parseInteger, parseNow, required } from '../args.js';
import { type OpenedAuthority, openAuthority } from '../authority-dir.js';
import { UsageError } from '../cli-error.js';
import { readHolderPublicKey } from '../holder-key.js';
import { readJsonFile, writeOutput } from '../io.js';
import { readPassphrase } from '../passphrase.js';

export const ISSUE_HELP = `zz issue — issue a credential to a holder's device key

Usage: zz issue --authority <dir> --claims <claims.json> --device-key <holder.pub.jwk>
                --format mdoc|sd-jwt|qr-profile --out <file>
                [--type cn.gov.eid.1] [--purpose hotel|hotel_with_portrait|age_over_18|identity_basic]
                [--valid-days 30] [--status-uri <uri> --status-idx <n>] [--now <ISO>]
                [--passphrase-file <file>]

  --authority    directory made by zz keys init; its document-signer key signs
  --type         credential type of the catalog (default cn.gov.eid.1, the resident ID)
  --claims       JSON object of catalog elements; bytes (portrait) as base64 text;
                 age_over_16/18/60 are derived from birth_date when absent
  --device-key   the holder's device key as a JWK (public or private: only the public part is used)
  --format       mdoc        ISO 18013-5 IssuerSigned (CBOR bytes)
                 sd-jwt      SD-JWT VC (text; every claim selectively disclosable, with decoys)
                 qr-profile  compact credential for the offline ZZ1: QR (COSE bytes)
  --purpose      qr-profile only: which elements the QR carries (default hotel)
  --valid-days   validity of the credential in days (default 30)
  --status-uri   Token Status List URI and --status-idx the index in it (both or neither)
  --now          issuance time (default: now)
  --out          output file, or - for standard output

The document-signer key is unlocked with ZZ_PASSPHRASE or --passphrase-file.
`;

export type CredentialFormat = 'mdoc' | 'sd-jwt' | 'qr-profile';

export interface IssueCredentialOptions {
  readonly platform: Platform;
  readonly authority: OpenedAuthority;
  readonly typeId: string;
  /** Claims as read from JSON (validated here against the catalog). */
  readonly claimsJson: unknown;
  readonly deviceKey: PublicKey;
  readonly format: CredentialFormat;
  readonly purpose?: string;
  readonly validDays: number;
  readonly status?: StatusReference;
  readonly now: Date;
}

export async function issueCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      authority: { type: 'string' },
      type: { type: 'string', default: RESIDENT_ID_TYPE_ID },
      claims: { type: 'string' },
      'device-key': { type: 'string' },
      format: { type: 'string' },
      purpose: { type: 'string' },
      'valid-days': { type: 'string', default: '30' },
      'status-uri': { type: 'string' },
      'status-idx': { type: 'string' },
      now: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'passphrase-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(ISSUE_HELP);
    return 0;
  }
  const format = parseFormat(values.format);
  if (values.purpose !== undefined && format !== 'qr-profile') {
    throw new UsageError('--purpose applies to --format qr-profile only');
  }
  const out = required(values.out, 'out');
  const claimsJson = readJsonFile(required(values.claims, 'claims'));
  const deviceKey = readHolderPublicKey(required(values['device-key'], 'device-key'));
  const status = parseStatus(values['status-uri'], values['status-idx']);
  const validDays = parseInteger(values['valid-days'], 'valid-days', 1, 3650);
  const now = parseNow(values.now);
  const platform = createNodePlatform();
  const authorityDir = required(values.authority, 'authority');
  const passphrase = readPassphrase(values['passphrase-file']);
  const authority = await openAuthority(platform, authorityDir, passphrase);
  const credential = await issueCredential({
    platform,
    authority,
    typeId: values.type ?? RESIDENT_ID_TYPE_ID,
    claimsJson,
    deviceKey,
    format,
    ...(values.purpose !== undefined && { purpose: values.purpose }),
    validDays,
    ...(status && { status }),
    now,
  });
  writeOutput(out, credential);
  if (out !== '-') process.stderr.write(`wrote ${out} (${format}, ${credential.length} bytes, ${authority.suite})\n`);
  return 0;
}

/** Issues one credential in `format` and returns the bytes to store (text formats as UTF-8). */
export async function issueCredential(options: IssueCredentialOptions): Promise<Uint8Array> {
  const { platform, authority, typeId, deviceKey, now, status } = options;
  const type = getCredentialType(typeId);
  const claims = claimsFromJson(type.typeId, withDerivedAges(type.typeId, options.claimsJson, now));
  const purpose = options.format === 'qr-profile' ? getQrPurpose(type.typeId, options.purpose ?? 'hotel') : undefined;
  const missing = purpose?.elements.filter((id) => claims[id] === undefined) ?? [];
  if (purpose && missing.length > 0) {
    throw new UsageError(`purpose ${purpose.id} needs these claims, absent from --claims: ${missing.join(', ')}`);
  }
  const province = authority.manifest.province?.code;
  const credential = await issueCatalogCredential(platform, {
    format: options.format === 'qr-profile' ? 'qr' : options.format,
    signer: authority.signer,
    certificateChain: [authority.documentSignerDer],
    kid: authority.kid,
    typeId: type.typeId,
    claims,
    deviceKey,
    issuedAt: now,
    expiresAt: addDays(now, options.validDays),
    ...(status && { status }),
    ...(purpose && { purpose: purpose.id }),
    sdJwtDecoys: 2 + ((platform.randomBytes(1)[0] ?? 0) % 4),
    ...(province && { qrIssuer: province }),
  });
  return typeof credential === 'string' ? utf8Encode(`${credential}\n`) : credential;
}

/**
 * Adds `age_over_16/18/60` computed from `birth_date` at `now` (China Standard Time calendar)
 * for those the type defines and the claims do not give.
 */
function withDerivedAges(typeId: string, json: unknown, now: Date): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const input = json as Record<string, unknown>;
  // a malformed birth_date is left to the catalog validation, which names the element
  if (typeof input.birth_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.birth_date)) return json;
  const elementIds = new Set(getCredentialType(typeId).elements.map((element) => element.id));
  const derived = Object.entries(deriveAgeClaims(input.birth_date, now)).filter(
    ([id]) => elementIds.has(id) && input[id] === undefined,
  );
  return { ...input, ...Object.fromEntries(derived) };
}

function parseFormat(value: string | undefined): CredentialFormat {
  const format = required(value, 'format');
  if (format !== 'mdoc' && format !== 'sd-jwt' && format !== 'qr-profile') {
    throw new UsageError('--format must be mdoc, sd-jwt or qr-profile');
  }
  return format;
}

function parseStatus(uri: string | undefined, idx: string | undefined): StatusReference | undefined {
  if (uri === undefined && idx === undefined) return undefined;
  if (uri === undefined || idx === undefined) throw new UsageError('give --status-uri and --status-idx together');
  if (!/^https?:\/\/\S+$/.test(uri)) throw new UsageError('--status-uri must be an http(s) URI');
  return { uri, idx: parseInteger(idx, 'status-idx', 0, 2 ** 31 - 1) };
}
