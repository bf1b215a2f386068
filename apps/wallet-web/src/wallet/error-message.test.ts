import { ZzError } from '@zhengzhao/core';
import { IssuerRefusal } from '@zhengzhao/wallet';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-cn.js';
import { activationErrorMessage, errorCode, errorMessage } from './error-message.js';

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

  it('says what went wrong with an activation, and when to try again after a lock-out', () => {
    expect(activationErrorMessage(new ZzError('ERR_OID4VCI_ACTIVATION_CODE_INVALID'), zhCN)).toBe(
      zhCN.activationCodeWrong,
    );
    expect(activationErrorMessage(new ZzError('ERR_OID4VCI_ACTIVATION_CODE_EXPIRED'), en)).toBe(
      en.activationCodeExpired,
    );
    expect(activationErrorMessage(new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE'), zhCN)).toBe(zhCN.cardNotActive);
    expect(activationErrorMessage(new IssuerRefusal('ERR_OID4VCI_ACTIVATION_LOCKED', 429, 840), zhCN)).toBe(
      '尝试次数过多，已暂时锁定。请 14 分钟后再试。',
    );
    expect(activationErrorMessage(new IssuerRefusal('ERR_OID4VCI_ACTIVATION_LOCKED', 429, 30), en)).toBe(
      'Too many attempts: activation is locked for now. Try again in 1 minute.',
    );
    expect(activationErrorMessage(new ZzError('ERR_OID4VCI_ACTIVATION_LOCKED'), zhCN)).toBe(zhCN.activationLocked());
    expect(activationErrorMessage(new ZzError('ERR_WALLET_SYNC_FAILED'), zhCN)).toBe(zhCN.activationUnreachable);
    expect(activationErrorMessage(new ZzError('ERR_OID4VCI_ISSUER_RESPONSE'), en)).toBe(en.activationUnreachable);
    expect(activationErrorMessage(new ZzError('ERR_INPUT_INVALID'), zhCN)).toBe(zhCN.activationInputInvalid);
    // the lost-phone form reads the same codes
    expect(errorMessage(new ZzError('ERR_OID4VCI_ACTIVATION_CODE_INVALID'), zhCN)).toBe(zhCN.activationCodeWrong);
    expect(errorMessage(new ZzError('ERR_WALLET_SYNC_FAILED'), zhCN)).toBe(zhCN.syncFailed);
    expect(activationErrorMessage(new Error('440106199003071234'), zhCN)).toBe(zhCN.genericError);
  });
});
