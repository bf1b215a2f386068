import type { SuiteId } from '@zhengzhao/core';

/** A province of the `zz start` demo: its public-security department and signature suite. */
export interface DemoProvince {
  /** GB/T 2260 province-level code. */
  readonly code: string;
  readonly suite: SuiteId;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** Seed of its synthetic population (a different population per province). */
  readonly seed: number;
  /** Other authorities of the province issuing other licences from the same population record. */
  readonly agencies?: readonly DemoAgency[];
}

/** Another kind of authority of a province (issue 7 §1): its own keys, type and trust-list entry. */
export interface DemoAgency {
  /** Short id: the trust-list id is `cn-<province>-<id>`. */
  readonly id: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** Its kind in the national trust registry (the catalog admits it for `credentialType`). */
  readonly kind: string;
  readonly credentialType: string;
}

/**
 * The three provinces `zz start` runs (DESIGN.md §4): Guangdong and Zhejiang on ES256, Beijing on
 * the SM2 suite, each with its population-registry simulator and issuing authority, all enrolled
 * in the national trust registry.
 */
export const DEMO_PROVINCES: readonly DemoProvince[] = [
  {
    code: '44',
    suite: 'ES256',
    name: { 'zh-CN': '广东省公安厅', en: 'Guangdong Public Security Department' },
    seed: 20261127,
    agencies: [
      {
        id: 'rsj',
        name: { 'zh-CN': '广东省人力资源和社会保障厅', en: 'Guangdong Human Resources and Social Security Department' },
        kind: 'human_resources',
        credentialType: 'cn.gov.sscard.1',
      },
    ],
  },
  {
    code: '33',
    suite: 'ES256',
    name: { 'zh-CN': '浙江省公安厅', en: 'Zhejiang Public Security Department' },
    seed: 20261133,
  },
  {
    code: '11',
    suite: 'SM2',
    name: { 'zh-CN': '北京市公安局', en: 'Beijing Municipal Public Security Bureau' },
    seed: 20261111,
  },
];
