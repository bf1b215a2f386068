import type { CredentialTypeDefinition } from './credential-type.js';
import { catalogElement as el } from './define-element.js';
import { citizenIdCheck, jpegCheck, matches, notBefore1900, oneOf, sexCheck } from './element-checks.js';
import { MAX_PORTRAIT_BYTES } from './resident-id-type.js';

/** The degree certificate (学位证书), docType, `vct` and namespace `cn.edu.degree.1`. */
export const DEGREE_CERTIFICATE_TYPE_ID = 'cn.edu.degree.1';

/** Degree levels of the Degree Law (《中华人民共和国学位法》 art. 2), as printed. */
export const DEGREE_LEVELS = ['学士', '硕士', '博士'] as const;

/**
 * Catalog entry of the degree certificate (DESIGN.md M8): the holder (name, sex, birth date,
 * photo; the citizen number from the degree register, optional), the degree (level, name such
 * as 工学学士 or 法律硕士专业学位, discipline category 学科门类, major) and the awarding
 * institution (学位授予单位) with the 16-digit certificate number (institution code 5, level 1,
 * year 4, sequence 6) and the date of award.
 */
export const DEGREE_CERTIFICATE_TYPE: CredentialTypeDefinition = {
  typeId: DEGREE_CERTIFICATE_TYPE_ID,
  namespace: DEGREE_CERTIFICATE_TYPE_ID,
  display: { 'zh-CN': '学位证书', en: 'Degree certificate' },
  elements: [
    el('full_name', 'tstr', ['姓名', 'Full name'], 'personal', { maxLength: 64 }),
    el('sex', 'uint', ['性别', 'Sex'], 'personal', { check: sexCheck }),
    el('birth_date', 'full-date', ['出生日期', 'Date of birth'], 'personal', { check: notBefore1900 }),
    el('id_number', 'tstr', ['公民身份号码', 'Citizen ID number'], 'sensitive', { check: citizenIdCheck }),
    el('portrait', 'bstr', ['照片', 'Portrait'], 'sensitive', { maxLength: MAX_PORTRAIT_BYTES, check: jpegCheck }),
    el('degree_level', 'tstr', ['学位级别', 'Degree level'], 'personal', { check: oneOf(DEGREE_LEVELS) }),
    el('degree_name', 'tstr', ['学位名称', 'Degree'], 'personal', { maxLength: 32 }),
    el('discipline', 'tstr', ['学科门类', 'Discipline'], 'personal', { maxLength: 16 }),
    el('major', 'tstr', ['专业', 'Major'], 'personal', { maxLength: 64 }),
    el('document_number', 'tstr', ['证书编号', 'Certificate number'], 'personal', {
      check: matches(/^\d{16}$/, '16 digits'),
    }),
    el('issuing_authority', 'tstr', ['学位授予单位', 'Awarding institution'], 'administrative', { maxLength: 64 }),
    el('issue_date', 'full-date', ['授予日期', 'Date of award'], 'administrative'),
  ],
};
