import type { CredentialTypeDefinition } from './credential-type.js';
import { catalogElement as el } from './define-element.js';
import { matches, oneOf, regionCodeCheck } from './element-checks.js';

/** The real-estate title certificate (不动产权证书), docType, `vct` and namespace `cn.gov.realestate.1`. */
export const REAL_ESTATE_CERTIFICATE_TYPE_ID = 'cn.gov.realestate.1';

/** 共有情况 as printed (《不动产登记暂行条例实施细则》 art. 10). */
export const CO_OWNERSHIP_KINDS = ['单独所有', '共同共有', '按份共有'] as const;

/**
 * 不动产单元号, GB/T 37346-2019: 28 characters — county code (6 digits, GB/T 2260), cadastral
 * district and sub-district (6 digits), parcel (2 letters, 5 digits), fixture (1 letter, 8 digits).
 */
const unitNumber = (value: unknown): string | undefined =>
  typeof value === 'string' &&
  /^\d{12}[A-Z]{2}\d{5}[A-Z]\d{8}$/.test(value) &&
  regionCodeCheck(value.slice(0, 6)) === undefined
    ? undefined
    : 'must be a 28-character GB/T 37346 real-estate unit number';

/** An area in square metres as decimal text ("89.50"): CBOR floats are not deterministic. */
const area = { check: matches(/^(0|[1-9]\d{0,7})(\.\d{1,2})?$/, 'square metres as decimal text such as 89.50') };

/**
 * Catalog entry of the real-estate certificate (DESIGN.md M8), after the form of the Ministry of
 * Natural Resources (不动产权证书, 2015 edition): number (e.g. 京(2024)朝阳区不动产权第0012345号),
 * right holders, co-ownership, location, unit number, right type and nature, use, areas, land use
 * term, and the registering authority and date. Property information is sensitive personal
 * information (GB/T 35273-2020 Annex B, 个人财产信息).
 */
export const REAL_ESTATE_CERTIFICATE_TYPE: CredentialTypeDefinition = {
  typeId: REAL_ESTATE_CERTIFICATE_TYPE_ID,
  namespace: REAL_ESTATE_CERTIFICATE_TYPE_ID,
  display: { 'zh-CN': '不动产权证书', en: 'Real estate title certificate' },
  elements: [
    el('document_number', 'tstr', ['证号', 'Certificate number'], 'personal', { maxLength: 64 }),
    el('right_holders', 'tstr', ['权利人', 'Right holders'], 'sensitive', { maxLength: 128 }),
    el('co_ownership', 'tstr', ['共有情况', 'Co-ownership'], 'sensitive', { check: oneOf(CO_OWNERSHIP_KINDS) }),
    el('property_location', 'tstr', ['坐落', 'Location'], 'sensitive', { maxLength: 128 }),
    el('unit_number', 'tstr', ['不动产单元号', 'Real estate unit number'], 'sensitive', { check: unitNumber }),
    el('right_type', 'tstr', ['权利类型', 'Type of right'], 'sensitive', { maxLength: 64 }),
    el('right_nature', 'tstr', ['权利性质', 'Nature of right'], 'sensitive', { maxLength: 64 }),
    el('usage', 'tstr', ['用途', 'Use'], 'sensitive', { maxLength: 64 }),
    el('land_area', 'tstr', ['宗地面积（㎡）', 'Land area (m²)'], 'sensitive', area),
    el('building_area', 'tstr', ['房屋建筑面积（㎡）', 'Floor area (m²)'], 'sensitive', area),
    el('land_use_start_date', 'full-date', ['土地使用期限起', 'Land use from'], 'sensitive'),
    el('land_use_end_date', 'full-date', ['土地使用期限止', 'Land use until'], 'sensitive'),
    el('issuing_authority', 'tstr', ['登记机构', 'Registering authority'], 'administrative', { maxLength: 64 }),
    el('issue_date', 'full-date', ['登记日期', 'Date of registration'], 'administrative'),
  ],
};
