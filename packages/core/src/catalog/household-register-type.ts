import type { CredentialTypeDefinition } from './credential-type.js';
import { catalogElement as el } from './define-element.js';
import { citizenIdCheck, ethnicityCheck, matches, notBefore1900, oneOf, sexCheck } from './element-checks.js';

/** The household register (居民户口簿), docType, `vct` and namespace `cn.gov.hukou.1`. */
export const HOUSEHOLD_REGISTER_TYPE_ID = 'cn.gov.hukou.1';

/** 户别 as printed on the household page. */
export const HOUSEHOLD_KINDS = ['家庭户', '集体户'] as const;

/** GB/T 2261.2-2003 marital status codes: 10 unmarried, 20 married (21–23), 30 widowed, 40 divorced, 90 unstated. */
export const MARITAL_STATUS_CODES = ['10', '20', '21', '22', '23', '30', '40', '90'] as const;

/**
 * Catalog entry of the household register (DESIGN.md M8): the record of ONE member of a
 * household — the member's page (常住人口登记卡) with the household's number, kind, head and
 * address from the household page. Religion (宗教信仰) and blood type are on the paper form but
 * left out (sensitive, PIPL art. 28, and needed by no verifier we know). Ethnicity, the citizen
 * number and marital status are sensitive.
 */
export const HOUSEHOLD_REGISTER_TYPE: CredentialTypeDefinition = {
  typeId: HOUSEHOLD_REGISTER_TYPE_ID,
  namespace: HOUSEHOLD_REGISTER_TYPE_ID,
  display: { 'zh-CN': '居民户口簿', en: 'Household register' },
  elements: [
    el('household_number', 'tstr', ['户号', 'Household number'], 'personal', {
      check: matches(/^[0-9A-Z]{6,20}$/, '6–20 digits or capital letters'),
    }),
    el('household_kind', 'tstr', ['户别', 'Kind of household'], 'personal', { check: oneOf(HOUSEHOLD_KINDS) }),
    el('household_head_name', 'tstr', ['户主姓名', 'Head of household'], 'personal', { maxLength: 64 }),
    el('resident_address', 'tstr', ['住址', 'Address'], 'personal', { maxLength: 128 }),
    el('relationship_to_head', 'tstr', ['与户主关系', 'Relationship to head'], 'personal', { maxLength: 16 }),
    el('full_name', 'tstr', ['姓名', 'Full name'], 'personal', { maxLength: 64 }),
    el('former_name', 'tstr', ['曾用名', 'Former name'], 'personal', { maxLength: 64 }),
    el('sex', 'uint', ['性别', 'Sex'], 'personal', { check: sexCheck }),
    el('ethnicity', 'tstr', ['民族', 'Ethnicity'], 'sensitive', { check: ethnicityCheck }),
    el('birth_date', 'full-date', ['出生日期', 'Date of birth'], 'personal', { check: notBefore1900 }),
    el('birth_place', 'tstr', ['出生地', 'Place of birth'], 'personal', { maxLength: 64 }),
    el('native_place', 'tstr', ['籍贯', 'Native place'], 'personal', { maxLength: 64 }),
    el('id_number', 'tstr', ['公民身份号码', 'Citizen ID number'], 'sensitive', { check: citizenIdCheck }),
    el('education_level', 'tstr', ['文化程度', 'Education'], 'personal', { maxLength: 16 }),
    el('marital_status', 'tstr', ['婚姻状况', 'Marital status'], 'sensitive', { check: oneOf(MARITAL_STATUS_CODES) }),
    el('military_service_status', 'tstr', ['兵役状况', 'Military service'], 'personal', { maxLength: 16 }),
    el('occupation', 'tstr', ['职业', 'Occupation'], 'personal', { maxLength: 32 }),
    el('employer', 'tstr', ['服务处所', 'Employer'], 'personal', { maxLength: 64 }),
    el('issuing_authority', 'tstr', ['户口登记机关', 'Registration authority'], 'administrative', { maxLength: 64 }),
    el('registration_date', 'full-date', ['登记日期', 'Date of registration'], 'administrative'),
  ],
};
