import { describe, expect, it } from 'vitest';
import { credentialTypeLabel, elementLabel, formatClaimValue, portraitOf } from './format-claim-value.js';

describe('claim display', () => {
  it('shows values as printed on the card', () => {
    expect(formatClaimValue('sex', 1, 'zh-CN')).toBe('男');
    expect(formatClaimValue('sex', 2, 'en')).toBe('Female');
    expect(formatClaimValue('sex', 9, 'zh-CN')).toBe('9');
    expect(formatClaimValue('ethnicity', '01', 'zh-CN')).toBe('汉族');
    expect(formatClaimValue('ethnicity', '01', 'en')).toBe('Han');
    expect(formatClaimValue('ethnicity', '99', 'zh-CN')).toBe('99');
    expect(formatClaimValue('expiry_date', '9999-12-31', 'zh-CN')).toBe('长期');
    expect(formatClaimValue('expiry_date', '2040-01-01', 'zh-CN')).toBe('2040-01-01');
    expect(formatClaimValue('age_over_18', true, 'zh-CN')).toBe('是');
    expect(formatClaimValue('age_over_18', false, 'en')).toBe('No');
  });

  it('shows mDL driving privileges and Chinese licence classes readably', () => {
    const privileges = [
      { vehicle_category_code: 'B', issue_date: '2020-05-10', expiry_date: '2026-05-10' },
      {
        vehicle_category_code: 'A',
        expiry_date: '2026-05-10',
        codes: [{ code: '78' }, { code: '01', sign: '.', value: '06' }],
      },
    ];
    expect(formatClaimValue('driving_privileges', privileges, 'zh-CN')).toBe(
      'B（2020-05-10至2026-05-10）；A（有效期至2026-05-10） 代码 78,01.06',
    );
    expect(formatClaimValue('driving_privileges', privileges, 'en')).toBe(
      'B (2020-05-10 to 2026-05-10); A (until 2026-05-10) codes 78,01.06',
    );
    expect(formatClaimValue('driving_privileges', [], 'zh-CN')).toBe('无');
    // not privileges: shown raw, never thrown
    expect(formatClaimValue('driving_privileges', [{ vehicle_category_code: 'Q' }], 'en')).toBe(
      '[{"vehicle_category_code":"Q"}]',
    );
    expect(formatClaimValue('vehicle_classes', 'A2D', 'zh-CN')).toBe('A2D（重型牵引挂车、普通三轮摩托车）');
    expect(formatClaimValue('vehicle_classes', 'C1', 'en')).toBe('C1 (Small motor vehicle)');
    expect(formatClaimValue('vehicle_classes', 'Z9', 'en')).toBe('Z9');
    expect(elementLabel('org.iso.18013.5.1.mDL', 'vehicle_classes', 'zh-CN')).toBe('准驾车型');
    expect(credentialTypeLabel('cn.gov.hukou.1', 'zh-CN')).toBe('居民户口簿');
  });

  it('leaves bytes (portraits) and missing values to other views', () => {
    expect(formatClaimValue('portrait', new Uint8Array([1, 2]), 'zh-CN')).toBeUndefined();
    expect(formatClaimValue('x', undefined, 'zh-CN')).toBeUndefined();
    expect(formatClaimValue('x', null, 'zh-CN')).toBeUndefined();
    expect(formatClaimValue('address', { city: '广州' }, 'zh-CN')).toBe('{"city":"广州"}');
  });

  it('labels elements and types from the catalog, and falls back to the id', () => {
    expect(elementLabel('cn.gov.eid.1', 'id_number', 'zh-CN')).toBe('公民身份号码');
    expect(elementLabel('cn.gov.eid.1', 'id_number', 'en')).toBe('Citizen ID number');
    expect(elementLabel('cn.gov.eid.1', 'unknown_element', 'zh-CN')).toBe('unknown_element');
    expect(elementLabel('no.such.type', 'full_name', 'zh-CN')).toBe('full_name');
    expect(credentialTypeLabel('cn.gov.eid.1', 'zh-CN')).toBe('居民身份证');
    expect(credentialTypeLabel('no.such.type', 'en')).toBe('no.such.type');
    expect(credentialTypeLabel(undefined, 'en')).toBe('—');
  });

  it('prefers the full portrait over the QR thumbnail, and ignores empty bytes', () => {
    const full = new Uint8Array([1]);
    const thumb = new Uint8Array([2]);
    expect(portraitOf({ portrait: full, portrait_thumb: thumb })).toBe(full);
    expect(portraitOf({ portrait_thumb: thumb })).toBe(thumb);
    expect(portraitOf({ portrait: new Uint8Array(0) })).toBeUndefined();
    expect(portraitOf({ portrait: 'not bytes' })).toBeUndefined();
  });
});
