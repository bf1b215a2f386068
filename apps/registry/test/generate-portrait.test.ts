import { createHash } from 'node:crypto';
import { isZzError, RESIDENT_ID_TYPE, validateElementValue } from '@zhengzhao/core';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import {
  generateCitizens,
  generatePortrait,
  MAX_GENERATED_PORTRAIT_BYTES,
  PORTRAIT_HEIGHT,
  PORTRAIT_WIDTH,
} from '../src/index.js';

const portraitElement = RESIDENT_ID_TYPE.elements.find((element) => element.id === 'portrait');

describe('generatePortrait', () => {
  it('draws 100 distinct JPEGs of at most 15 KB that the catalog accepts', () => {
    const citizens = generateCitizens({ seed: 'portraits', province: '11', count: 100 });
    const hashes = new Set<string>();
    const start = performance.now();
    const portraits = citizens.map((citizen) => generatePortrait(citizen));
    const seconds = (performance.now() - start) / 1000;
    console.log(`[registry] 100 portraits in ${seconds.toFixed(2)} s = ${Math.round(100 / seconds)} portraits/s`);
    for (const portrait of portraits) {
      expect(portrait).toBeInstanceOf(Uint8Array);
      expect(portrait.length).toBeLessThanOrEqual(MAX_GENERATED_PORTRAIT_BYTES);
      expect([portrait[0], portrait[1], portrait[2]]).toEqual([0xff, 0xd8, 0xff]);
      expect([portrait[portrait.length - 2], portrait[portrait.length - 1]]).toEqual([0xff, 0xd9]);
      if (portraitElement) expect(validateElementValue(portraitElement, portrait)).toBe(portrait);
      hashes.add(createHash('sha256').update(portrait).digest('hex'));
    }
    expect(hashes.size).toBe(100);
  });

  it('is deterministic and decodes to a 3:4 image', () => {
    const [citizen] = generateCitizens({ seed: 3, province: '44', count: 1 });
    if (!citizen) throw new Error('no citizen');
    const a = generatePortrait(citizen);
    expect(generatePortrait(citizen)).toEqual(a);
    const image = jpeg.decode(a, { useTArray: true });
    expect(image.width).toBe(PORTRAIT_WIDTH);
    expect(image.height).toBe(PORTRAIT_HEIGHT);
  });

  it('refuses a bad subject', () => {
    for (const subject of [
      { portraitSeed: -1, sex: 1 as const },
      { portraitSeed: 2 ** 32, sex: 1 as const },
      { portraitSeed: 1.5, sex: 2 as const },
      { portraitSeed: 1, sex: 3 as unknown as 1 },
    ]) {
      try {
        generatePortrait(subject);
        expect.unreachable();
      } catch (error) {
        expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
      }
    }
  });
});
