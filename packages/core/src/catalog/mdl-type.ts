import { parseChinaVehicleClasses } from './china-vehicle-classes.js';
import type { CredentialTypeDefinition } from './credential-type.js';
import { catalogElement as el } from './define-element.js';
import { jpegCheck, latin1Check, matches, notBefore1900, oneOf } from './element-checks.js';
import { MAX_PORTRAIT_BYTES } from './resident-id-type.js';

/** The mobile driving licence (机动车驾驶证), ISO/IEC 18013-5 §7.2.1 docType. */
export const MDL_TYPE_ID = 'org.iso.18013.5.1.mDL';
/** ISO/IEC 18013-5 §7.2.1 namespace of the mDL data elements (Table 5). */
export const MDL_NAMESPACE = 'org.iso.18013.5.1';
/** Our namespace for what a Chinese licence has and Table 5 lacks (准驾车型, 初次领证日期…). */
export const CN_MDL_NAMESPACE = 'cn.gov.mdl.1';

/**
 * `un_distinguishing_sign` of a Chinese licence. ISO/IEC 18013-5 takes the distinguishing signs
 * of ISO/IEC 18013-1:2018 Annex F (the UN list of the 1949 and 1968 road traffic conventions).
 * The People's Republic of China is party to neither and has no sign there — "RC" in that list
 * is Taiwan (Republic of China) and must not be used. We use the ISO 3166-1 alpha-3 code "CHN",
 * as China does in the 2004 Greater Mekong cross-border transport agreement.
 */
export const CN_UN_DISTINGUISHING_SIGN = 'CHN';

const latin1 = { maxLength: 150, check: latin1Check };
const cn = { namespace: CN_MDL_NAMESPACE };

const vehicleClasses = (value: unknown): string | undefined =>
  typeof value === 'string' && parseChinaVehicleClasses(value)
    ? undefined
    : 'must be Chinese licence classes such as C1 or A2D (A1 A2 A3 B1 B2 C1–C6 D E F M N P, in that order)';

/**
 * Catalog entry of the mDL (DESIGN.md M8). Element identifiers of `org.iso.18013.5.1` are those
 * of ISO/IEC 18013-5 §7.2.1 Table 5: names in Latin letters (pinyin) with the Chinese in
 * `*_national_character`, dates as full-dates, `sex` per ISO/IEC 5218. The Chinese-only elements
 * live in `cn.gov.mdl.1`. A Chinese licence number (证号) is normally the holder's citizen
 * identity number, so `document_number` is sensitive.
 */
export const MDL_TYPE: CredentialTypeDefinition = {
  typeId: MDL_TYPE_ID,
  namespace: MDL_NAMESPACE,
  display: { 'zh-CN': '机动车驾驶证', en: "Driver's licence" },
  elements: [
    el('family_name', 'tstr', ['姓（拼音）', 'Family name'], 'personal', latin1),
    el('given_name', 'tstr', ['名（拼音）', 'Given name'], 'personal', latin1),
    el('family_name_national_character', 'tstr', ['姓', 'Family name (Chinese)'], 'personal', { maxLength: 32 }),
    el('given_name_national_character', 'tstr', ['名', 'Given name (Chinese)'], 'personal', { maxLength: 32 }),
    el('birth_date', 'full-date', ['出生日期', 'Date of birth'], 'personal', { check: notBefore1900 }),
    el('sex', 'uint', ['性别', 'Sex'], 'personal', { check: oneOf([0, 1, 2, 9]) }),
    el('nationality', 'tstr', ['国籍', 'Nationality'], 'personal', {
      check: matches(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
    }),
    el('issue_date', 'full-date', ['签发日期', 'Date of issue'], 'administrative'),
    el('expiry_date', 'full-date', ['有效期至', 'Date of expiry'], 'administrative'),
    el('issuing_country', 'tstr', ['签发国', 'Issuing country'], 'administrative', { check: oneOf(['CN']) }),
    el('issuing_authority', 'tstr', ['发证机关（拉丁字母）', 'Issuing authority'], 'administrative', latin1),
    el('issuing_jurisdiction', 'tstr', ['签发省份', 'Issuing jurisdiction'], 'administrative', {
      check: matches(/^CN-[A-Z]{2}$/, 'an ISO 3166-2:CN subdivision code such as CN-BJ'),
    }),
    el('document_number', 'tstr', ['证号', 'Licence number'], 'sensitive', latin1),
    el('portrait', 'bstr', ['照片', 'Portrait'], 'sensitive', { maxLength: MAX_PORTRAIT_BYTES, check: jpegCheck }),
    el('driving_privileges', 'driving-privileges', ['驾驶许可（ISO 车辆类别）', 'Driving privileges'], 'personal'),
    el('un_distinguishing_sign', 'tstr', ['国际识别代码', 'UN distinguishing sign'], 'administrative', {
      check: oneOf([CN_UN_DISTINGUISHING_SIGN]),
    }),
    el('age_over_18', 'bool', ['已满18周岁', 'Age over 18'], 'personal', { derived: true }),
    el('age_over_60', 'bool', ['已满60周岁', 'Age over 60'], 'personal', { derived: true }),
    el('vehicle_classes', 'tstr', ['准驾车型', 'Licence classes (China)'], 'personal', {
      ...cn,
      check: vehicleClasses,
    }),
    el('first_issue_date', 'full-date', ['初次领证日期', 'Date of first issue'], 'personal', cn),
    el('resident_address', 'tstr', ['住址', 'Address'], 'personal', { ...cn, maxLength: 128 }),
    el('issuing_authority_national_character', 'tstr', ['发证机关', 'Issuing authority (Chinese)'], 'administrative', {
      ...cn,
      maxLength: 64,
    }),
    el('file_number', 'tstr', ['档案编号', 'File number'], 'personal', {
      ...cn,
      check: matches(/^\d{8,16}$/, '8–16 digits'),
    }),
  ],
};
