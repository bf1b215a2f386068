import type { CredentialTypeDefinition } from './credential-type.js';
import { catalogElement as el } from './define-element.js';
import { citizenIdCheck, jpegCheck, matches, regionCodeCheck } from './element-checks.js';
import { MAX_PORTRAIT_BYTES } from './resident-id-type.js';

/** The social security card (社会保障卡), docType, `vct` and namespace `cn.gov.sscard.1`. */
export const SOCIAL_SECURITY_CARD_TYPE_ID = 'cn.gov.sscard.1';

/**
 * Catalog entry of the social security card (DESIGN.md M8), after the face of the second- and
 * third-generation cards (人力资源社会保障部《社会保障卡规范》): name, social security number
 * (the citizen identity number, GB 11643), card number, photo, issuing region and dates. The
 * bank account of the card's financial function is a financial account (sensitive, PIPL
 * art. 28) and optional.
 */
export const SOCIAL_SECURITY_CARD_TYPE: CredentialTypeDefinition = {
  typeId: SOCIAL_SECURITY_CARD_TYPE_ID,
  namespace: SOCIAL_SECURITY_CARD_TYPE_ID,
  display: { 'zh-CN': '社会保障卡', en: 'Social security card' },
  elements: [
    el('full_name', 'tstr', ['姓名', 'Full name'], 'personal', { maxLength: 64 }),
    el('social_security_number', 'tstr', ['社会保障号码', 'Social security number'], 'sensitive', {
      check: citizenIdCheck,
    }),
    el('document_number', 'tstr', ['社会保障卡号', 'Card number'], 'personal', {
      check: matches(/^[A-Z0-9]{9}$/, 'nine letters or digits'),
    }),
    el('bank_card_number', 'tstr', ['银行卡号', 'Bank card number'], 'sensitive', {
      check: matches(/^\d{12,19}$/, '12–19 digits'),
    }),
    el('portrait', 'bstr', ['照片', 'Portrait'], 'sensitive', { maxLength: MAX_PORTRAIT_BYTES, check: jpegCheck }),
    el('issuing_region_code', 'tstr', ['发卡地', 'Issuing region'], 'administrative', { check: regionCodeCheck }),
    el('issuing_authority', 'tstr', ['发卡机构', 'Issuing authority'], 'administrative', { maxLength: 64 }),
    el('issue_date', 'full-date', ['发卡日期', 'Date of issue'], 'administrative'),
    el('expiry_date', 'full-date', ['有效期限', 'Date of expiry'], 'administrative'),
  ],
};
