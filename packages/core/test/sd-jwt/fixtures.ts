import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  bytesEqual,
  type ExportableSigner,
  issueSdJwtVc,
  type PublicKey,
  type TrustSource,
  utf8Encode,
  type VerificationReport,
  ZzError,
} from '../../src/index.js';

export const platform = createNodePlatform();

/** A stand-in for a DER certificate until the x509 area exists: the trust source keys on its bytes. */
export const FAKE_DER = utf8Encode('fake document signer certificate');
export const VCT = 'urn:cn:gov:eid:1';
export const NOW = new Date('2026-03-01T08:00:00Z');
export const AUDIENCE = 'x509_san_dns:verifier.example.cn';
export const NONCE = 'n-0S6_WzA2Mj';

/** A trust source that knows exactly one "certificate" and answers with its fixed key. */
export function fixedTrust(publicKey: PublicKey, der: Uint8Array = FAKE_DER): TrustSource {
  return {
    async resolveChain(chain) {
      const leaf = chain[0];
      if (chain.length !== 1 || !leaf || !bytesEqual(leaf, der)) {
        throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT', 'Unknown test certificate');
      }
      return { publicKey, issuer: { name: 'CN=Test Issuer,C=CN', suite: publicKey.suite } };
    },
    async resolveKid() {
      throw new ZzError('ERR_TRUST_KID_UNKNOWN', 'No key ids in this test trust source');
    },
  };
}

export const CLAIMS = {
  given_name: '三',
  family_name: '张',
  birth_date: '1990-01-01',
  id_number: '11010519491231002X',
  address: { street_address: '长安街 1 号', locality: '北京', region: '北京市', country: 'CN' },
  nationalities: ['CN', 'HK'],
  age_over_18: true,
};

export interface Fixture {
  readonly issuer: ExportableSigner;
  readonly holder: ExportableSigner;
  readonly trust: TrustSource;
  readonly sdJwt: string;
}

export async function createFixture(overrides: Partial<Parameters<typeof issueSdJwtVc>[1]> = {}): Promise<Fixture> {
  const issuer = await platform.suite('ES256').generateSigner();
  const holder = await platform.suite('ES256').generateSigner();
  const sdJwt = await issueSdJwtVc(platform, {
    signer: issuer,
    x5c: [FAKE_DER],
    vct: VCT,
    iss: 'https://issuer.gov.example.cn/bj',
    claims: CLAIMS,
    selectivelyDisclosable: [
      'given_name',
      'family_name',
      'birth_date',
      'id_number',
      'address',
      ['address', 'locality'],
      ['nationalities', 1],
      'age_over_18',
    ],
    decoys: 3,
    holderPublicKey: holder.publicKey,
    iat: new Date('2026-01-01T00:00:00Z'),
    exp: new Date('2027-01-01T00:00:00Z'),
    now: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  });
  return { issuer, holder, trust: fixedTrust(issuer.publicKey), sdJwt };
}

export function failedCheck(report: VerificationReport): { id: string; code: string | undefined } | undefined {
  const check = report.checks.find((c) => c.outcome === 'failed');
  return check ? { id: check.id, code: check.code } : undefined;
}
