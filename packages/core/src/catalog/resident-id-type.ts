import { validateCitizenId } from './citizen-id.js';
import type { ClaimValue, CredentialTypeDefinition } from './credential-type.js';
import { defineElement, type ElementSpec } from './define-element.js';
import { findEthnicityCode } from './ethnicity-codes.js';

/** The resident identity card type (居民身份证), docType and namespace `cn.gov.eid.1`. */
export const RESIDENT_ID_TYPE_ID = 'cn.gov.eid.1';

/**
 * The expiry date of a long-term (长期) card. ISO 18013-5 and RFC 8943 want a full-date, so the
 * literal "长期" printed on the card is carried as this sentinel; displays show "长期".
 */
export const LONG_TERM_EXPIRY_DATE = '9999-12-31';

/** Portrait limits: a JPEG of at most 16 KiB (mdoc), and a thumbnail for the offline QR. */
export const MAX_PORTRAIT_BYTES = 16 * 1024;
export const MAX_PORTRAIT_THUMB_BYTES = 2048;

const isJpeg = (value: ClaimValue): string | undefined => {
  if (!(value instanceof Uint8Array)) return 'must be bytes';
  const n = value.length;
  const soi = value[0] === 0xff && value[1] === 0xd8 && value[2] === 0xff;
  const eoi = value[n - 2] === 0xff && value[n - 1] === 0xd9;
  return soi && eoi ? undefined : 'must be a JPEG (SOI … EOI)';
};

const sexCode = (value: ClaimValue): string | undefined =>
  value === 1 || value === 2 ? undefined : 'must be 1 (male) or 2 (female) per GB/T 2261.1';

const ethnicity = (value: ClaimValue): string | undefined =>
  typeof value === 'string' && findEthnicityCode(value) ? undefined : 'must be a GB/T 3304 code "01"–"56"';

const citizenId = (value: ClaimValue): string | undefined => {
  try {
    validateCitizenId(value as string);
    return undefined;
  } catch {
    return 'must be a valid GB 11643 citizen identity number';
  }
};

const notBefore1900 = (value: ClaimValue): string | undefined =>
  typeof value === 'string' && value >= '1900-01-01' ? undefined : 'must not be before 1900-01-01';

type Spec = ElementSpec;

const element = defineElement;

const SPECS: readonly Spec[] = [
  {
    id: 'full_name',
    valueType: 'tstr',
    maxLength: 64,
    display: { 'zh-CN': '姓名', en: 'Full name' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'family_name',
    valueType: 'tstr',
    maxLength: 32,
    display: { 'zh-CN': '姓', en: 'Family name' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'given_name',
    valueType: 'tstr',
    maxLength: 32,
    display: { 'zh-CN': '名', en: 'Given name' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'sex',
    valueType: 'uint',
    check: sexCode,
    display: { 'zh-CN': '性别', en: 'Sex' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'ethnicity',
    valueType: 'tstr',
    check: ethnicity,
    display: { 'zh-CN': '民族', en: 'Ethnicity' },
    personal: true,
    sensitive: true,
  },
  {
    id: 'birth_date',
    valueType: 'full-date',
    check: notBefore1900,
    display: { 'zh-CN': '出生日期', en: 'Date of birth' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'resident_address',
    valueType: 'tstr',
    maxLength: 128,
    display: { 'zh-CN': '住址', en: 'Address' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'id_number',
    valueType: 'tstr',
    check: citizenId,
    display: { 'zh-CN': '公民身份号码', en: 'Citizen ID number' },
    personal: true,
    sensitive: true,
  },
  {
    id: 'issuing_authority',
    valueType: 'tstr',
    maxLength: 64,
    display: { 'zh-CN': '签发机关', en: 'Issuing authority' },
    personal: false,
    sensitive: false,
  },
  {
    id: 'issue_date',
    valueType: 'full-date',
    display: { 'zh-CN': '签发日期', en: 'Date of issue' },
    personal: false,
    sensitive: false,
  },
  {
    id: 'expiry_date',
    valueType: 'full-date',
    display: { 'zh-CN': '有效期限', en: 'Date of expiry' },
    personal: false,
    sensitive: false,
  },
  {
    id: 'portrait',
    valueType: 'bstr',
    maxLength: MAX_PORTRAIT_BYTES,
    check: isJpeg,
    display: { 'zh-CN': '照片', en: 'Portrait' },
    personal: true,
    sensitive: true,
  },
  {
    id: 'portrait_thumb',
    valueType: 'bstr',
    maxLength: MAX_PORTRAIT_THUMB_BYTES,
    check: isJpeg,
    derived: true,
    display: { 'zh-CN': '照片缩略图', en: 'Portrait thumbnail' },
    personal: true,
    sensitive: true,
  },
  {
    id: 'age_over_16',
    valueType: 'bool',
    derived: true,
    display: { 'zh-CN': '已满16周岁', en: 'Age over 16' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'age_over_18',
    valueType: 'bool',
    derived: true,
    display: { 'zh-CN': '已满18周岁', en: 'Age over 18' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'age_over_60',
    valueType: 'bool',
    derived: true,
    display: { 'zh-CN': '已满60周岁', en: 'Age over 60' },
    personal: true,
    sensitive: false,
  },
];

/** Catalog v0 entry for the resident ID (居民身份证电子证照). */
export const RESIDENT_ID_TYPE: CredentialTypeDefinition = {
  typeId: RESIDENT_ID_TYPE_ID,
  namespace: RESIDENT_ID_TYPE_ID,
  display: { 'zh-CN': '居民身份证', en: 'Resident identity card' },
  elements: SPECS.map(element),
};
