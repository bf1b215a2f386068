import { getQrPurpose, type TrustListRegistrationProfile } from '@zhengzhao/core';

const EID = 'cn.gov.eid.1';
const eid = (...elements: string[]) => ({ [EID]: { [EID]: elements } });

/**
 * The registration profiles a new registry starts with (added at start when missing, like the
 * catalog; `PUT /admin/registration-profiles/:id` changes them or adds others). Each names the
 * fewest `cn.gov.eid.1` elements its purpose needs.
 */
export const DEFAULT_REGISTRATION_PROFILES: readonly TrustListRegistrationProfile[] = [
  {
    id: 'hotel',
    name: { 'zh-CN': '旅馆住宿登记', en: 'Hotel registration' },
    purpose: {
      'zh-CN': '按《旅馆业治安管理办法》登记住宿旅客',
      en: 'Register guests as the hotel security regulations require',
    },
    // the offline QR profile's hotel set (docs/qr-format.md §3): what the register needs
    elements: eid(...getQrPurpose(EID, 'hotel').elements),
  },
  {
    id: 'netcafe',
    name: { 'zh-CN': '网吧实名上网', en: 'Internet café real-name access' },
    purpose: {
      'zh-CN': '上网消费者实名登记，核验已满十八周岁',
      en: 'Register users by real name and check they are 18 or over',
    },
    elements: eid('full_name', 'id_number', 'age_over_18'),
  },
  {
    id: 'gov-login',
    name: { 'zh-CN': '政务服务登录', en: 'Government services login' },
    purpose: { 'zh-CN': '以实名身份登录政务服务', en: 'Log in to government services under your real name' },
    elements: eid('full_name', 'id_number'),
  },
  {
    id: 'station',
    name: { 'zh-CN': '铁路进站核验', en: 'Railway station check' },
    purpose: { 'zh-CN': '进站乘车实名核验', en: 'Check the passenger’s identity at the gate' },
    elements: eid('full_name', 'id_number', 'portrait_thumb'),
  },
  {
    id: 'age-check',
    name: { 'zh-CN': '年龄核验', en: 'Age check' },
    purpose: {
      'zh-CN': '核验已满十八周岁（烟酒销售等），不读取姓名与号码',
      en: 'Check that the customer is 18 or over (tobacco, alcohol), without name or number',
    },
    elements: eid('age_over_18'),
  },
];
