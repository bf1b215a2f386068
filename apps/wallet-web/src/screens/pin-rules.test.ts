import { describe, expect, it } from 'vitest';
import { zhCN as t } from '../i18n/zh-cn.js';
import { checkNewPin } from './pin-rules.js';

describe('checkNewPin', () => {
  it('accepts six or more digits typed twice', () => {
    expect(checkNewPin('314159', '314159', t)).toEqual({});
    expect(checkNewPin('27182818', '27182818', t)).toEqual({});
  });

  it('refuses short, non-digit, trivial and mismatched PINs', () => {
    expect(checkNewPin('12345', '12345', t)).toEqual({ pin: t.pinTooShort });
    expect(checkNewPin('', '', t)).toEqual({ pin: t.pinTooShort });
    expect(checkNewPin('12a456', '12a456', t)).toEqual({ pin: t.pinDigitsOnly });
    expect(checkNewPin('１２３４５６', '１２３４５６', t)).toEqual({ pin: t.pinDigitsOnly });
    expect(checkNewPin('111111', '111111', t)).toEqual({ pin: t.pinWeak });
    expect(checkNewPin('123456', '123456', t)).toEqual({ pin: t.pinWeak });
    expect(checkNewPin('987654', '987654', t)).toEqual({ pin: t.pinWeak });
    expect(checkNewPin('314159', '314158', t)).toEqual({ repeat: t.pinMismatch });
  });
});
