import { describe, expect, it } from 'vitest';
import { describeAge, formatAge } from './format-age.js';

describe('formatAge', () => {
  it.each([
    [0, '0秒', '0 s'],
    [59, '59秒', '59 s'],
    [60, '1分钟', '1 min'],
    [3599, '59分钟', '59 min'],
    [3600, '1小时', '1 h'],
    [86_399, '23小时', '23 h'],
    [86_400, '1天', '1 days'],
    [-5, '0秒', '0 s'],
    [12.9, '12秒', '12 s'],
  ])('%d s', (seconds, zh, en) => {
    expect(formatAge(seconds, 'zh-CN')).toBe(zh);
    expect(formatAge(seconds, 'en')).toBe(en);
  });

  it('says when nothing was downloaded yet', () => {
    expect(describeAge(undefined, 'zh-CN')).toBe('尚未下载');
    expect(describeAge(120, 'zh-CN')).toBe('2分钟前更新');
    expect(describeAge(120, 'en')).toBe('updated 2 min ago');
  });
});
