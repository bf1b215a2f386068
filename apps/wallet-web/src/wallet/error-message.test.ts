import { ZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-cn.js';
import { errorCode, errorMessage } from './error-message.js';

describe('errorMessage', () => {
  it('chooses the sentence by catalogue code', () => {
    expect(errorMessage(new ZzError('ERR_WALLET_PIN_INVALID'), zhCN)).toBe(zhCN.pinWrong);
    expect(errorMessage(new ZzError('ERR_WALLET_UNLOCK_THROTTLED'), zhCN, 30)).toBe(zhCN.pinThrottled(30));
    expect(errorMessage(new ZzError('ERR_WEBAUTHN_CANCELLED'), en)).toBe(en.biometricCancelled);
    expect(errorMessage(new ZzError('ERR_OID4VCI_INVALID_GRANT'), en)).toBe(en.txCodeWrong);
    expect(errorMessage(new ZzError('ERR_WALLET_NO_COPIES_LEFT'), zhCN)).toBe(zhCN.noCopiesLeft);
  });

  it('never shows a message text: unknown errors get the generic sentence', () => {
    const leaky = new Error('张三 440106199003071234');
    expect(errorMessage(leaky, zhCN)).toBe(zhCN.genericError);
    expect(errorMessage(new ZzError('ERR_CBOR_MALFORMED', '张三'), zhCN)).toBe(zhCN.genericError);
    expect(errorMessage('text', zhCN)).toBe(zhCN.genericError);
    expect(errorCode(leaky)).toBe('');
    expect(errorCode(new ZzError('ERR_CBOR_MALFORMED'))).toBe('ERR_CBOR_MALFORMED');
  });
});
