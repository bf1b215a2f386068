import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  certificateKid,
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  type ExportableSigner,
  encodeCertificatePem,
  findProvinceCode,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  type SuiteId,
  toHex,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { addDays, parseInteger, parseNow, parseSuite, required } from '../args.js';
import { AUTHORITY_FILES, type AuthorityManifest, type CertificateSummary } from '../authority-dir.js';
import { UsageError } from '../cli-error.js';
import { loadKeyFileTools, writeFileAtomically } from '../key-file-tools.js';
import { readPassphrase } from '../passphrase.js';

export const KEYS_INIT_HELP = `zz keys init — create an issuing authority: an IACA root and a document signer

Usage: zz keys init --suite ES256|SM2 --name <organisation> --out <dir>
                    [--province <code>] [--country CN] [--issuer-uri <uri>]
                    [--root-days 3650] [--ds-days 365] [--now <ISO>] [--passphrase-file <file>] [--force]

  --suite            ES256 (P-256, SHA-256) or SM2 (SM2 with SM3, GM/T OIDs)
  --name             organisation name in both certificates, e.g. "广东省公安厅"
  --province         two-digit GB/T 2260 province code (44 Guangdong, 11 Beijing, …)
  --country          ISO 3166-1 alpha-2 country (default CN)
  --issuer-uri       IssuerAlternativeName URI (ISO 18013-5 Annex B; default https://issuer.zhengzhao.example)
  --root-days        root validity in days (default 3650, at most 7300)
  --ds-days          document-signer validity in days (default 365, at most 457)
  --now              start of validity (default: now)
  --out              directory to write (created if missing)
  --force            replace an existing authority in --out

Writes root.cert.pem, root.key.json, ds.cert.pem, ds.key.json and authority.json. The two
private keys are encrypted (zz-key-1: scrypt + AES-256-GCM, mode 0600) under the passphrase
from the ZZ_PASSPHRASE environment variable or --passphrase-file (never from the command line).
`;

export interface InitAuthorityOptions {
  readonly platform: Platform;
  readonly suite: SuiteId;
  readonly name: string;
  readonly provinceCode?: string;
  readonly country: string;
  readonly issuerUri: string;
  readonly rootDays: number;
  readonly dsDays: number;
  readonly now: Date;
  readonly out: string;
  readonly passphrase: string;
  readonly force: boolean;
}

export async function keysInitCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      suite: { type: 'string' },
      name: { type: 'string' },
      province: { type: 'string' },
      country: { type: 'string', default: 'CN' },
      'issuer-uri': { type: 'string', default: 'https://issuer.zhengzhao.example' },
      'root-days': { type: 'string', default: '3650' },
      'ds-days': { type: 'string', default: '365' },
      now: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'passphrase-file': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(KEYS_INIT_HELP);
    return 0;
  }
  const manifest = await initAuthority({
    platform: createNodePlatform(),
    suite: parseSuite(values.suite),
    name: required(values.name, 'name'),
    ...(values.province !== undefined && { provinceCode: values.province }),
    country: values.country ?? 'CN',
    issuerUri: values['issuer-uri'] ?? '',
    rootDays: parseInteger(values['root-days'], 'root-days', 1, 7300),
    dsDays: parseInteger(values['ds-days'], 'ds-days', 1, 457),
    now: parseNow(values.now),
    out: required(values.out, 'out'),
    passphrase: readPassphrase(values['passphrase-file']),
    force: values.force ?? false,
  });
  process.stderr.write(
    `created ${manifest.suite} authority "${manifest.name}" in ${values.out} (document signer kid ${manifest.documentSigner.kid})\n`,
  );
  return 0;
}

/**
 * Creates an authority directory: an IACA root (ISO/IEC 18013-5 Annex B.1.2) and a document
 * signer it certifies (Annex B.1.4), both keys sealed under `passphrase`, and `authority.json`.
 */
export async function initAuthority(options: InitAuthorityOptions): Promise<AuthorityManifest> {
  const { platform, suite, name, now, out } = options;
  if (name.trim().length === 0) throw new UsageError('--name must not be empty');
  if (!/^[A-Z]{2}$/.test(options.country)) throw new UsageError('--country must be two capital letters, e.g. CN');
  const province = options.provinceCode === undefined ? undefined : findProvinceCode(options.provinceCode);
  if (options.provinceCode !== undefined && !province) {
    throw new UsageError('--province must be a two-digit GB/T 2260 province code such as 44 or 11');
  }
  const existing = Object.values(AUTHORITY_FILES).filter((file) => existsSync(join(out, file)));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(`${out} already holds an authority (${existing.join(', ')}); use --force to replace it`);
  }
  const crypto = platform.suite(suite);
  const rootSigner = await crypto.generateSigner();
  const dsSigner = await crypto.generateSigner();
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const base = {
    country: options.country,
    ...(province && { stateOrProvince: province.en }),
    organization: name,
  };
  const rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { ...base, commonName: `${name} IACA` },
    notBefore,
    notAfter: addDays(notBefore, options.rootDays),
    issuerAlternativeName: { uri: options.issuerUri },
  });
  const dsDer = await createDocumentSignerCertificate({
    platform,
    issuerSigner: rootSigner,
    issuerCertificate: rootDer,
    subjectPublicKey: dsSigner.publicKey,
    subject: { ...base, commonName: `${name} DS` },
    notBefore,
    notAfter: addDays(notBefore, options.dsDays),
  });
  const manifest: AuthorityManifest = {
    format: 'zz-authority-1',
    suite,
    name,
    country: options.country,
    ...(province && { province: { code: province.code, zhCN: province.zhCN, en: province.en } }),
    root: summary(parseCertificate(rootDer)),
    documentSigner: { ...summary(parseCertificate(dsDer)), kid: toHex(await certificateKid(platform, dsDer)) },
  };
  // Both keys are sealed before anything is written, so a bad passphrase leaves no partial authority.
  const { encryptKeyFile } = await loadKeyFileTools();
  const sealed = (signer: ExportableSigner) =>
    `${JSON.stringify(encryptKeyFile(signer, options.passphrase), null, 2)}\n`;
  const files: [string, string, number][] = [
    [AUTHORITY_FILES.rootKey, sealed(rootSigner), 0o600],
    [AUTHORITY_FILES.documentSignerKey, sealed(dsSigner), 0o600],
    [AUTHORITY_FILES.rootCertificate, encodeCertificatePem(rootDer), 0o644],
    [AUTHORITY_FILES.documentSignerCertificate, encodeCertificatePem(dsDer), 0o644],
    [AUTHORITY_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`, 0o644],
  ];
  try {
    mkdirSync(out, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UsageError(`cannot create ${out} (${(error as { code?: string }).code ?? 'error'})`);
  }
  for (const [file, data, mode] of files)
    await writeFileAtomically(join(out, file), data, { mode, overwrite: options.force });
  return manifest;
}

function summary(certificate: ParsedCertificate): CertificateSummary {
  return {
    subject: certificate.subject.display,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
  };
}
