import { computeCitizenIdCheckDigit, type SuiteId } from '@zhengzhao/core';

/** One authority of the `zz start` demo and the synthetic citizen it issues to. */
export interface DemoAuthority {
  /** Folder name under the demo directory. */
  readonly slug: string;
  readonly suite: SuiteId;
  readonly name: string;
  readonly provinceCode: string;
  readonly label: string;
  /** Claims as a claims file holds them (age_over_* are derived at issuance). */
  readonly claims: Readonly<Record<string, string | number>>;
}

/**
 * A GB 11643 number for a synthetic person: region, birth date and sequence given, the check
 * digit computed. The names are 张三 / 李四, the Chinese "John Doe"; addresses say 示例 (example).
 */
function citizenId(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${sequence}`;
  return body + computeCitizenIdCheckDigit(body);
}

export const DEMO_AUTHORITIES: readonly DemoAuthority[] = [
  {
    slug: 'guangdong',
    suite: 'ES256',
    name: '广东省公安厅 (演示 demo)',
    provinceCode: '44',
    label: '广东 Guangdong',
    claims: {
      full_name: '张三',
      family_name: '张',
      given_name: '三',
      sex: 1,
      ethnicity: '01',
      birth_date: '1990-03-07',
      resident_address: '广东省广州市天河区示例路 1 号',
      id_number: citizenId('440106', '1990-03-07', '123'),
      issuing_authority: '广州市公安局天河分局 (演示)',
      issue_date: '2020-01-01',
      expiry_date: '2040-01-01',
    },
  },
  {
    slug: 'beijing',
    suite: 'SM2',
    name: '北京市公安局 (演示 demo)',
    provinceCode: '11',
    label: '北京 Beijing',
    claims: {
      full_name: '李四',
      family_name: '李',
      given_name: '四',
      sex: 2,
      ethnicity: '01',
      birth_date: '2010-11-20',
      resident_address: '北京市海淀区示例大街 2 号',
      id_number: citizenId('110108', '2010-11-20', '002'),
      issuing_authority: '北京市公安局海淀分局 (演示)',
      issue_date: '2021-05-01',
      expiry_date: '2031-05-01',
    },
  },
];

/** The relying parties of the demo: a hotel reading an mdoc over OpenID4VP, a bank an SD-JWT VC. */
export const DEMO_VERIFIERS = {
  mdoc: {
    clientId: 'x509_san_dns:hotel.example.cn',
    nonce: 'demo-nonce-mdoc',
    responseUri: 'https://hotel.example.cn/post',
  },
  sdJwt: { audience: 'https://bank.example.cn', nonce: 'demo-nonce-sdjwt' },
} as const;

/** Passphrase sealing the demo keys: a demo only, printed in the tour so the files can be re-used. */
export const DEMO_PASSPHRASE = 'zz-demo-passphrase';
