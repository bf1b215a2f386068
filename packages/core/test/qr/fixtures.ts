import type { Platform } from '../../src/index.js';
import {
  bytesEqual,
  type CborValue,
  type CoseSign1,
  computeCitizenIdCheckDigit,
  coseSign1Value,
  type ExportableSigner,
  encodeBase45,
  encodeCbor,
  type IssuerInfo,
  issueQrCredential,
  type PublicKey,
  type StatusReference,
  type SuiteId,
  type TrustResolution,
  type TrustSource,
  type VerificationReport,
  ZzError,
} from '../../src/index.js';

/** A frozen clock for every QR test. */
export const NOW = new Date('2026-06-01T08:00:00Z');
export const ISSUED_AT = new Date('2026-06-01T00:00:00Z');
export const EXPIRES_AT = new Date('2026-06-08T00:00:00Z');
export const STATUS: StatusReference = { idx: 4711, uri: 'https://zz.cn/s/11/1' };

/** A synthetic citizen number with its check digit computed (never a real person). */
export function syntheticCitizenId(body17: string): string {
  return body17 + computeCitizenIdCheckDigit(body17);
}

/** A synthetic resident of Chaoyang, Beijing: every field of the resident ID. */
export const RESIDENT = {
  full_name: '张伟明',
  family_name: '张',
  given_name: '伟明',
  sex: 1,
  ethnicity: '01',
  birth_date: '1990-03-07',
  resident_address: '北京市朝阳区建国路88号院3号楼2单元1201室',
  id_number: syntheticCitizenId('11010519900307123'),
  issuing_authority: '北京市公安局朝阳分局',
  issue_date: '2020-05-10',
  expiry_date: '2040-05-10',
  age_over_16: true,
  age_over_18: true,
  age_over_60: false,
} as const;

/** An in-test trust source: a fixed table of kid → issuer key (the x509 test-kit comes later). */
export function staticKidTrust(
  entries: readonly { kid: Uint8Array; publicKey: PublicKey; name: string }[],
): TrustSource {
  return {
    resolveChain: () => Promise.reject(new ZzError('ERR_TRUST_CHAIN_MISSING', 'No chains in this trust source')),
    resolveKid: (kid) => {
      const entry = entries.find((candidate) => bytesEqual(candidate.kid, kid));
      if (!entry) return Promise.reject(new ZzError('ERR_TRUST_KID_UNKNOWN', 'Unknown kid'));
      const issuer: IssuerInfo = { name: entry.name, suite: entry.publicKey.suite, country: 'CN' };
      const resolution: TrustResolution = { publicKey: entry.publicKey, issuer };
      return Promise.resolve(resolution);
    },
  };
}

export interface QrWorld {
  readonly platform: Platform;
  readonly issuerSigner: ExportableSigner;
  readonly device: ExportableSigner;
  readonly kid: Uint8Array;
  readonly trust: TrustSource;
  issue(
    purpose: string,
    overrides?: {
      claims?: Record<string, unknown>;
      iat?: Date;
      exp?: Date;
      status?: StatusReference | null;
      device?: PublicKey;
    },
  ): Promise<Uint8Array>;
}

/** A document signer (kid trusted) and a holder device key on `suite`. */
export async function createQrWorld(platform: Platform, suite: SuiteId = 'ES256'): Promise<QrWorld> {
  const issuerSigner = await platform.suite(suite).generateSigner();
  const device = await platform.suite(suite).generateSigner();
  const kid = platform.randomBytes(8);
  const trust = staticKidTrust([{ kid, publicKey: issuerSigner.publicKey, name: '北京市公安局 DS 1' }]);
  return {
    platform,
    issuerSigner,
    device,
    kid,
    trust,
    issue: (purpose, overrides = {}) => {
      const status =
        overrides.status === null ? undefined : (overrides.status ?? (purpose === 'age_over_18' ? undefined : STATUS));
      return issueQrCredential(platform, {
        signer: issuerSigner,
        kid,
        typeId: 'cn.gov.eid.1',
        purpose,
        claims: { ...RESIDENT, ...overrides.claims },
        holderPublicKey: overrides.device ?? device.publicKey,
        iat: overrides.iat ?? ISSUED_AT,
        exp: overrides.exp ?? EXPIRES_AT,
        ...(purpose === 'age_over_18' ? {} : { issuer: '11' }),
        ...(status ? { status } : {}),
      });
    },
  };
}

/** Assembles a ZZ1 text from parts without any check (for tampering). */
export async function assembleQr(
  platform: Platform,
  credential: Uint8Array,
  proof: CoseSign1 | CborValue,
): Promise<string> {
  const proofValue = Array.isArray(proof) ? (proof as CborValue) : coseSign1Value(proof as CoseSign1);
  const bytes = encodeCbor([1, credential, proofValue]);
  return `ZZ1:${encodeBase45(await platform.deflate(bytes))}`;
}

/** The code of the first failed check, asserting that a failed report carries no claims. */
export function failedCode(report: VerificationReport): string | undefined {
  const failed = report.checks.find((check) => check.outcome === 'failed');
  if (failed) {
    if (report.valid || report.claims !== undefined) throw new Error('failed report carries claims');
    return failed.code;
  }
  return undefined;
}

/** The ZzError code a promise rejects with. */
export async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof ZzError ? error.code : `NOT_A_ZZ_ERROR: ${String(error)}`;
  }
  return undefined;
}
