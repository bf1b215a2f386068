import {
  findEthnicityCode,
  findProvinceCode,
  isZzError,
  LONG_TERM_EXPIRY_DATE,
  validateCitizenId,
} from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import {
  CARD_NUMBER_PATTERN,
  computeCardExpiry,
  countiesOfProvince,
  findCountyRegion,
  formatResidentAddress,
  generateCitizen,
  generateCitizens,
  issuingAuthorityOf,
} from '../src/index.js';
import { UUID_V4_PATTERN } from '../src/uuid.js';

const AS_OF = '2026-01-01';
const NOW = new Date('2026-01-01T00:00:00Z');

describe('generateCitizens', () => {
  it('is deterministic: same seed → identical output; another seed → different', () => {
    const a = generateCitizens({ seed: 'demo', province: '44', count: 500 });
    const b = generateCitizens({ seed: 'demo', province: '44', count: 500 });
    const c = generateCitizens({ seed: 'demo-2', province: '44', count: 500 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.map((x) => x.idNumber)).not.toEqual(a.map((x) => x.idNumber));
    expect(generateCitizens({ seed: 7, province: '44', count: 3 })).toEqual(
      generateCitizens({ seed: 7, province: '44', count: 3 }),
    );
  });

  it('random access and paging give the same citizens as one run', () => {
    const all = generateCitizens({ seed: 9, province: '33', count: 50 });
    const page = generateCitizens({ seed: 9, province: '33', count: 10, startIndex: 40 });
    expect(page).toEqual(all.slice(40));
    expect(generateCitizen({ seed: 9, province: '33', index: 17 })).toEqual(all[17]);
  });

  for (const province of ['11', '33', '44', '31']) {
    it(`province ${province}: valid unique ID numbers on real county codes, sex parity, address and card`, () => {
      const citizens = generateCitizens({ seed: 2026, province, count: 5000 });
      const counties = new Set((countiesOfProvince(province) ?? []).map((region) => region.code));
      const provinceName = findProvinceCode(province)?.zhCN as string;
      expect(new Set(citizens.map((c) => c.idNumber)).size).toBe(citizens.length);
      expect(new Set(citizens.map((c) => c.personId)).size).toBe(citizens.length);
      for (const c of citizens) {
        const parts = validateCitizenId(c.idNumber, { now: NOW });
        expect(parts.provinceCode).toBe(province);
        expect(counties.has(parts.regionCode)).toBe(true);
        expect(parts.birthDate).toBe(c.birthDate);
        expect(c.birthDate >= '1940-01-01' && c.birthDate <= '2010-12-31').toBe(true);
        expect(Number(parts.sequence) % 2 === 1 ? 1 : 2).toBe(c.sex);
        expect(parts.sex).toBe(c.sex);
        expect(c.personId).toMatch(UUID_V4_PATTERN);
        expect(c.personId).not.toContain(c.idNumber.slice(0, 6));
        expect(c.fullName).toBe(c.familyName + c.givenName);
        expect([...c.givenName].length).toBeGreaterThanOrEqual(1);
        expect([...c.givenName].length).toBeLessThanOrEqual(2);
        expect(findEthnicityCode(c.ethnicity)).toBeDefined();
        expect(c.address.regionCode.slice(0, 2)).toBe(province);
        expect(findCountyRegion(c.address.regionCode)).toMatchObject({
          city: c.address.city,
          district: c.address.district,
        });
        const line = formatResidentAddress(c.address);
        expect(line.startsWith(provinceName)).toBe(true);
        expect(line).toMatch(/\d+号/);
        expect([...line].length).toBeLessThanOrEqual(128);
        expect(c.card.cardNumber).toMatch(CARD_NUMBER_PATTERN);
        expect(c.card.cardNumber.startsWith(province)).toBe(true);
        expect(c.card.issuingAuthority).toBe(issuingAuthorityOf(c.address));
        expect(c.card.issueDate >= c.birthDate && c.card.issueDate <= AS_OF).toBe(true);
        expect(c.card.expiryDate).toBe(computeCardExpiry(c.birthDate, c.card.issueDate));
        expect(c.card.expiryDate > AS_OF).toBe(true);
        expect(Number.isInteger(c.portraitSeed) && c.portraitSeed >= 0 && c.portraitSeed <= 0xffffffff).toBe(true);
      }
    });
  }

  it('has plausible distributions: ~50 % men, mostly Han, 王/李/张 common, some long-term cards', () => {
    const citizens = generateCitizens({ seed: 1, province: '44', count: 20_000 });
    const share = (p: (c: (typeof citizens)[number]) => boolean) => citizens.filter(p).length / citizens.length;
    expect(share((c) => c.sex === 1)).toBeGreaterThan(0.47);
    expect(share((c) => c.sex === 1)).toBeLessThan(0.53);
    expect(share((c) => c.ethnicity === '01')).toBeGreaterThan(0.95);
    expect(share((c) => c.ethnicity !== '01')).toBeGreaterThan(0.005);
    expect(share((c) => ['王', '李', '张'].includes(c.familyName))).toBeGreaterThan(0.12);
    expect(share((c) => c.card.expiryDate === LONG_TERM_EXPIRY_DATE)).toBeGreaterThan(0.2);
    expect(share((c) => c.card.issuingAuthority === '广州市公安局天河分局')).toBeGreaterThan(0);
  });

  it('refuses bad options with ERR_INPUT_INVALID', () => {
    const bad = [
      { seed: 1, province: '99', count: 1 },
      { seed: 1, province: '44', count: -1 },
      { seed: 1, province: '44', count: 1.5 },
      { seed: 1, province: '44', count: 20_000_000 },
      { seed: 1.5, province: '44', count: 1 },
      { seed: 1, province: '44', count: 1, asOf: '2000-01-01' },
      { seed: 1, province: '44', count: 1, startIndex: -1 },
      { seed: 'x'.repeat(300), province: '44', count: 1 },
    ];
    for (const options of bad) {
      expect(() => generateCitizens(options), JSON.stringify(options).slice(0, 80)).toThrow(
        expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
      );
    }
    try {
      generateCitizen({ seed: 1, province: 'xx', index: 0 });
      expect.unreachable();
    } catch (error) {
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
  });

  it('measures record throughput (reported, not asserted tightly)', () => {
    const count = 100_000;
    const start = performance.now();
    const citizens = generateCitizens({ seed: 'bench', province: '44', count });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `[registry] ${count} citizen records in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} records/s`,
    );
    expect(citizens).toHaveLength(count);
    expect(seconds).toBeLessThan(30);
  });
});
