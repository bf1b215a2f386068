import type { CredentialTypeDefinition, ElementDefinition } from './credential-type.js';
import { catalogElement as el } from './define-element.js';
import { citizenIdCheck, jpegCheck, notBefore1900, oneOf, sexCheck } from './element-checks.js';
import { MAX_PORTRAIT_BYTES } from './resident-id-type.js';

/** The marriage certificate (结婚证), docType, `vct` and namespace `cn.gov.marriage.1`. */
export const MARRIAGE_CERTIFICATE_TYPE_ID = 'cn.gov.marriage.1';

/** The elements of one party (`party_1_…`, `party_2_…`): as the certificate prints them. */
function party(n: 1 | 2): ElementDefinition[] {
  const p = `party_${n}_`;
  const who = { 'zh-CN': `当事人${n === 1 ? '一' : '二'}`, en: `Party ${n}` };
  const name = (zh: string, en: string) => [`${who['zh-CN']}${zh}`, `${who.en} ${en}`] as const;
  // Marriage history is sensitive personal information (GB/T 35273-2020 Annex B, 婚史): every
  // fact of a party on this certificate is marked sensitive.
  return [
    el(`${p}full_name`, 'tstr', name('姓名', 'full name'), 'sensitive', { maxLength: 64 }),
    el(`${p}sex`, 'uint', name('性别', 'sex'), 'sensitive', { check: sexCheck }),
    el(`${p}nationality`, 'tstr', name('国籍', 'nationality'), 'sensitive', { maxLength: 32 }),
    el(`${p}birth_date`, 'full-date', name('出生日期', 'date of birth'), 'sensitive', { check: notBefore1900 }),
    el(`${p}id_number`, 'tstr', name('身份证件号', 'citizen ID number'), 'sensitive', { check: citizenIdCheck }),
  ];
}

/**
 * Catalog entry of the marriage certificate (DESIGN.md M8), kept minimal: the certificate
 * (number 结婚证字号, registration date, registering authority), which party holds this copy
 * (持证人; each party receives one), the two parties and the joint photo. Everything that says
 * who married whom is sensitive; each party's citizen number is cross-checked against that
 * party's birth date and sex.
 */
export const MARRIAGE_CERTIFICATE_TYPE: CredentialTypeDefinition = {
  typeId: MARRIAGE_CERTIFICATE_TYPE_ID,
  namespace: MARRIAGE_CERTIFICATE_TYPE_ID,
  display: { 'zh-CN': '结婚证', en: 'Marriage certificate' },
  elements: [
    el('holder_party', 'uint', ['持证人', 'Holder'], 'sensitive', { check: oneOf([1, 2]) }),
    ...party(1),
    ...party(2),
    el('joint_photo', 'bstr', ['合影照片', 'Joint photo'], 'sensitive', {
      maxLength: MAX_PORTRAIT_BYTES,
      check: jpegCheck,
    }),
    el('document_number', 'tstr', ['结婚证字号', 'Certificate number'], 'sensitive', { maxLength: 32 }),
    el('registration_date', 'full-date', ['登记日期', 'Date of registration'], 'sensitive'),
    el('issuing_authority', 'tstr', ['登记机关', 'Registering authority'], 'administrative', { maxLength: 64 }),
  ],
};
