import { QR_PURPOSES } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/zh-cn.js';
import { purposeLabel, sortPurposes } from './purpose-label.js';

describe('purposes', () => {
  it('names every core QR purpose and orders the common ones first', () => {
    for (const purpose of QR_PURPOSES) expect(purposeLabel(purpose.id, zhCN).title.length).toBeGreaterThan(0);
    expect(purposeLabel('hotel', zhCN).title).toBe('酒店入住登记');
    expect(purposeLabel('age_over_18', zhCN).title).toBe('年龄核验');
    expect(sortPurposes([{ id: 'x' }, { id: 'age_over_18' }, { id: 'hotel' }]).map((p) => p.id)).toEqual([
      'hotel',
      'age_over_18',
      'x',
    ]);
  });
});
