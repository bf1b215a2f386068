import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';

describe('message catalogues', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const catalogue of [zhCN, en]) {
      for (const [key, value] of Object.entries(catalogue)) {
        if (typeof value === 'string') expect(value.trim().length, key).toBeGreaterThan(0);
        else if (typeof value === 'function') {
          // every parameter is a count or a name: text digits serve both
          expect(String((value as (...a: string[]) => string)('3', '5')).length, key).toBeGreaterThan(0);
        } else
          expect(
            Object.values(value as Record<string, string>).every((v) => v.length > 0),
            key,
          ).toBe(true);
      }
    }
  });

  it('zh-CN is Chinese and en is not', () => {
    expect(zhCN.appName).toBe('证照钱包');
    expect(/[\u4e00-\u9fff]/.test(zhCN.lockTitle)).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(en.lockTitle)).toBe(false);
    expect(en.copiesLeft(1)).toBe('1 presentation left');
    expect(zhCN.copiesLeft(4)).toBe('剩余 4 次出示');
  });
});
