import { findElement, getCredentialType, getQrPurpose, RESIDENT_ID_TYPE_ID } from '@zhengzhao/core';
import { syntheticResidentJson } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { checkPurposeCoverage } from './check-purpose-coverage.js';
import { proximityElements } from './proximity-elements.js';
import { getPurposePreset, PURPOSE_PRESETS } from './purpose-presets.js';

describe('proximityElements', () => {
  it('asks for the preset’s elements and the portrait', () => {
    expect(proximityElements(getPurposePreset('hotel'))).toEqual([
      ...getQrPurpose(RESIDENT_ID_TYPE_ID, 'hotel').elements,
      'portrait',
    ]);
    expect(proximityElements(getPurposePreset('boarding'))).toEqual(['full_name', 'id_number', 'portrait']);
  });

  it('asks for age_over_18 only when nothing requested already gives the age', () => {
    expect(proximityElements(getPurposePreset('age'))).toEqual(['age_over_18', 'portrait']);
    // the number's birth date proves adulthood: no extra element
    expect(proximityElements(getPurposePreset('internet_cafe'))).toEqual(['full_name', 'id_number', 'portrait']);
  });

  it('asks only for elements of the catalog, each once, and enough to cover the preset', () => {
    const now = new Date('2026-11-27T08:00:00Z');
    for (const preset of PURPOSE_PRESETS) {
      const elements = proximityElements(preset);
      expect(new Set(elements).size, preset.id).toBe(elements.length);
      const type = getCredentialType(preset.typeId);
      for (const element of elements) expect(findElement(type, element), `${preset.id} ${element}`).toBeDefined();
      // an adult holder who returns everything asked for covers the preset
      const resident = syntheticResidentJson();
      const claims: Record<string, unknown> = {
        ...resident,
        // the social security card carries the citizen number as its social security number
        social_security_number: resident.id_number,
        portrait: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
      };
      const returned = Object.fromEntries(elements.map((element) => [element, claims[element]]));
      expect(checkPurposeCoverage(preset, preset.typeId, returned, now), preset.id).toEqual({ covered: true });
    }
  });
});
