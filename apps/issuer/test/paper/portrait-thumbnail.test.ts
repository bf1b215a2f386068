import { generatePortrait } from '@zhengzhao/registry';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { portraitThumbnail } from '../../src/modules/paper/portrait-thumbnail.js';

describe('portraitThumbnail: the derived portrait_thumb of a paper card', () => {
  it('is a 60×80 JPEG of at most 1,800 bytes, from any synthetic portrait', () => {
    for (const [portraitSeed, sex] of [
      [1, 1],
      [2, 2],
      [77, 1],
    ] as const) {
      const thumb = portraitThumbnail(generatePortrait({ portraitSeed, sex }));
      expect(thumb.length).toBeLessThanOrEqual(1_800);
      const decoded = jpeg.decode(thumb, { useTArray: true });
      expect([decoded.width, decoded.height]).toEqual([60, 80]);
    }
  });

  it('refuses what is not a JPEG, and an oversized input', () => {
    expect(() => portraitThumbnail(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toThrow(
      expect.objectContaining({ code: 'ERR_LAYOUT_PORTRAIT_INVALID' }),
    );
    expect(() => portraitThumbnail(new TextEncoder().encode('not an image'))).toThrow(
      expect.objectContaining({ code: 'ERR_LAYOUT_PORTRAIT_INVALID' }),
    );
    expect(() => portraitThumbnail(new Uint8Array(70 * 1024))).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    );
  });
});
