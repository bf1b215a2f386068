import type { ErrorCode } from '@zhengzhao/core';
import type { Locale } from '../i18n/messages.js';

/** Plain words for a person at a counter, in both languages. */
export interface PlainReason {
  readonly 'zh-CN': string;
  readonly en: string;
}

const DAMAGED: PlainReason = {
  'zh-CN': '二维码内容损坏或不完整，请持证人重新生成二维码',
  en: 'The QR code is damaged or incomplete: ask the holder to show a new one',
};
const UNTRUSTED: PlainReason = {
  'zh-CN': '签发机构不可信：不在本机的信任列表中',
  en: 'The issuer is not trusted: it is not in this device’s trust list',
};
const FORGED: PlainReason = {
  'zh-CN': '签名无效：证照可能被伪造或篡改',
  en: 'The signature is not valid: the credential may be forged or altered',
};
const NOT_HOLDER: PlainReason = {
  'zh-CN': '不是由持证人本人手机出示的（设备签名无效），可能是截图或转发',
  en: 'Not presented by the holder’s own phone (device signature invalid): possibly a screenshot or a forwarded code',
};
const STATUS_LIST_BAD: PlainReason = {
  'zh-CN': '状态列表无效，无法确认证照是否已注销；请刷新后重试',
  en: 'The status list is not valid, so revocation cannot be checked: refresh and try again',
};
const UNSUPPORTED: PlainReason = {
  'zh-CN': '本机不支持该证照使用的算法，请更新本应用',
  en: 'This device does not support the credential’s algorithm: update the app',
};
const WRONG_CONTENT: PlainReason = {
  'zh-CN': '证照内容与证照类型不符',
  en: 'The credential’s content does not match its type',
};

/**
 * Error codes of the catalogue (packages/core/src/errors/catalogue.ts) that a verification can
 * end in, mapped to what the clerk should understand and do. Codes not listed fall back to the
 * generic reason with the code shown.
 */
const REASONS: Partial<Record<ErrorCode, PlainReason>> = {
  ERR_FORMAT_UNKNOWN: { 'zh-CN': '这不是电子证照二维码', en: 'This is not an e-ID QR code' },
  ERR_INPUT_INVALID: DAMAGED,
  ERR_INPUT_TOO_LARGE: { 'zh-CN': '二维码内容过长，不是电子证照', en: 'The QR content is too long to be an e-ID' },
  ERR_QR_PREFIX: { 'zh-CN': '这不是电子证照二维码', en: 'This is not an e-ID QR code' },
  ERR_QR_IMAGE_UNREADABLE: { 'zh-CN': '图片中未找到二维码', en: 'No QR code was found in the image' },
  ERR_ENCODING_BASE45: DAMAGED,
  ERR_ENCODING_BASE64URL: DAMAGED,
  ERR_ENCODING_UTF8: DAMAGED,
  ERR_ENCODING_JSON: DAMAGED,
  ERR_COMPRESSION_MALFORMED: DAMAGED,
  ERR_COMPRESSION_LIMIT: DAMAGED,
  ERR_CBOR_MALFORMED: DAMAGED,
  ERR_CBOR_STRUCTURE: DAMAGED,
  ERR_COSE_MALFORMED: DAMAGED,
  ERR_QR_MALFORMED: DAMAGED,
  ERR_MDOC_MALFORMED: DAMAGED,
  ERR_SDJWT_MALFORMED: DAMAGED,
  ERR_JWS_MALFORMED: DAMAGED,

  ERR_TRUST_KID_UNKNOWN: {
    'zh-CN': '签发机构不在本机的信任列表中；如刚有新的签发机构，请刷新信任列表',
    en: 'The issuer is not in this device’s trust list; if it is new, refresh the trust list',
  },
  ERR_TRUST_UNTRUSTED_ROOT: UNTRUSTED,
  ERR_TRUST_CHAIN_SIGNATURE: UNTRUSTED,
  ERR_TRUST_CHAIN_MISSING: UNTRUSTED,
  ERR_TRUST_CHAIN_LENGTH: UNTRUSTED,
  ERR_TRUST_KEY_USAGE: UNTRUSTED,
  ERR_X509_MALFORMED: UNTRUSTED,
  ERR_X509_PROFILE: UNTRUSTED,
  ERR_TRUST_CERT_EXPIRED: {
    'zh-CN': '签发机构的证书已过期',
    en: 'The issuer’s certificate has expired',
  },
  ERR_TRUST_CERT_NOT_YET_VALID: {
    'zh-CN': '签发机构的证书尚未生效（请检查本机时间）',
    en: 'The issuer’s certificate is not valid yet (check this device’s clock)',
  },
  ERR_TRUST_DOCTYPE_NOT_ALLOWED: {
    'zh-CN': '该签发机构无权签发此类证照',
    en: 'This issuer may not issue this kind of credential',
  },
  ERR_TRUST_KEY_COMPROMISED: {
    'zh-CN': '签发密钥已被宣布泄露，此后签发的证照一律无效',
    en: 'The issuer’s key was declared compromised: what it signed since then is not valid',
  },
  ERR_TRUST_ISSUER_WITHDRAWN: {
    'zh-CN': '签发机构已被移出全国信任列表，此后签发的证照无效',
    en: 'The issuer was removed from the national trust list: what it signed since then is not valid',
  },
  ERR_TRUST_LIST_MISSING: {
    'zh-CN': '本机还没有全国信任列表：请联网后点“刷新”',
    en: 'This device has no national trust list yet: go online and press Refresh',
  },
  ERR_TRUST_LIST_EXPIRED: {
    'zh-CN': '本机的全国信任列表已过期：请联网后点“刷新”',
    en: 'This device’s national trust list has expired: go online and press Refresh',
  },
  ERR_TRUST_LIST_ROLLBACK: {
    'zh-CN': '下载的信任列表比本机已有的旧，已拒绝（继续使用本机列表）',
    en: 'The downloaded trust list is older than the one held, refused (the held list stays in use)',
  },
  ERR_TRUST_LIST_SIGNATURE: {
    'zh-CN': '下载的信任列表签名无效，已拒绝（继续使用本机列表）',
    en: 'The downloaded trust list has an invalid signature, refused (the held list stays in use)',
  },
  ERR_TRUST_LIST_NOT_YET_VALID: {
    'zh-CN': '下载的信任列表日期在未来（请检查本机时间），已拒绝',
    en: 'The downloaded trust list is dated in the future (check this device’s clock), refused',
  },
  ERR_TRUST_LIST_MALFORMED: {
    'zh-CN': '下载的信任列表格式错误，已拒绝（继续使用本机列表）',
    en: 'The downloaded trust list is malformed, refused (the held list stays in use)',
  },

  ERR_COSE_SIGNATURE_INVALID: FORGED,
  ERR_JWS_SIGNATURE_INVALID: FORGED,
  ERR_MDOC_DIGEST_MISMATCH: FORGED,
  ERR_MDOC_DIGEST_MISSING: FORGED,
  ERR_SDJWT_DISCLOSURE_INVALID: FORGED,
  ERR_SDJWT_DIGEST_DUPLICATE: FORGED,
  ERR_COSE_ALG_MISMATCH: FORGED,
  ERR_JWS_ALG_NOT_ALLOWED: FORGED,
  ERR_CRYPTO_SIGNATURE_MALFORMED: FORGED,
  ERR_CRYPTO_KEY_INVALID: FORGED,
  ERR_CRYPTO_UNSUPPORTED_ALG: UNSUPPORTED,
  ERR_SDJWT_HASH_ALG: UNSUPPORTED,
  ERR_COSE_CRIT_UNSUPPORTED: UNSUPPORTED,

  ERR_CATALOG_SCHEMA: WRONG_CONTENT,
  ERR_CATALOG_UNKNOWN_TYPE: {
    'zh-CN': '不认识的证照类型',
    en: 'Unknown credential type',
  },
  ERR_DOCTYPE_UNEXPECTED: WRONG_CONTENT,
  ERR_MDOC_DOCTYPE_MISMATCH: WRONG_CONTENT,
  ERR_SDJWT_VCT_MISMATCH: WRONG_CONTENT,
  ERR_CITIZEN_ID_INVALID: WRONG_CONTENT,

  ERR_VALIDITY_EXPIRED: { 'zh-CN': '证照已过期', en: 'The credential has expired' },
  ERR_MDOC_VALIDITY: { 'zh-CN': '证照不在有效期内', en: 'The credential is outside its validity period' },
  ERR_VALIDITY_NOT_YET_VALID: {
    'zh-CN': '证照尚未生效（请检查本机时间）',
    en: 'The credential is not valid yet (check this device’s clock)',
  },

  ERR_STATUS_REVOKED: {
    'zh-CN': '证照已被注销（吊销），不能使用',
    en: 'The credential has been revoked and must not be accepted',
  },
  ERR_STATUS_SUSPENDED: {
    'zh-CN': '证照已被暂停使用（例如手机挂失）',
    en: 'The credential is suspended (for example, the phone was reported lost)',
  },
  ERR_STATUS_UNKNOWN_VALUE: {
    'zh-CN': '证照状态异常，不能使用',
    en: 'The credential’s status is not valid',
  },
  ERR_STATUS_UNAVAILABLE: {
    'zh-CN': '本机没有可用的状态列表，无法确认证照是否已注销；请联网刷新',
    en: 'No status list is available, so revocation cannot be checked: connect and refresh',
  },
  ERR_STATUS_LIST_MALFORMED: STATUS_LIST_BAD,
  ERR_STATUS_LIST_EXPIRED: STATUS_LIST_BAD,
  ERR_STATUS_LIST_URI_MISMATCH: STATUS_LIST_BAD,
  ERR_STATUS_INDEX_OUT_OF_RANGE: STATUS_LIST_BAD,
  ERR_STATUS_REFERENCE_MALFORMED: DAMAGED,

  ERR_QR_DEVICE_SIGNATURE_INVALID: NOT_HOLDER,
  ERR_QR_DEVICE_PROOF_MISSING: {
    'zh-CN': '手机二维码缺少持证人手机的签名（可能被改动过）：请持证人在手机上重新出示',
    en: 'The phone QR code lacks the holder’s phone signature (it may have been altered): ask the holder to show it again',
  },
  ERR_QR_PAPER_MISMATCH: {
    'zh-CN': '二维码的纸质凭证标记与内容不符，可能被改动过',
    en: 'The QR code’s paper-credential marking does not match its content: it may have been altered',
  },
  ERR_QR_PAPER_STATUS_REQUIRED: {
    'zh-CN': '纸质凭证缺少注销状态信息，无法确认是否已注销，不能使用',
    en: 'The paper credential carries no revocation status, so it cannot be accepted',
  },
  ERR_QR_PAPER_LIFETIME: {
    'zh-CN': '纸质凭证的有效期超过5年上限，不能使用',
    en: 'The paper credential is valid for longer than the five-year maximum, so it cannot be accepted',
  },
  ERR_MDOC_DEVICE_SIGNATURE_INVALID: NOT_HOLDER,
  ERR_DEVICE_BINDING_MISSING: NOT_HOLDER,
  ERR_SDJWT_KB_MISSING: NOT_HOLDER,
  ERR_SDJWT_KB_INVALID: NOT_HOLDER,
  ERR_MDOC_DEVICE_AUTH_UNSUPPORTED: NOT_HOLDER,

  ERR_FRESHNESS_STALE: {
    'zh-CN': '二维码已过期（超过2分钟），请持证人刷新二维码后重新出示',
    en: 'The QR code is too old (over 2 minutes): ask the holder to refresh it and show it again',
  },
  ERR_FRESHNESS_FUTURE: {
    'zh-CN': '二维码的时间晚于本机时间，请检查本机时间',
    en: 'The QR code is dated in the future: check this device’s clock',
  },
  ERR_MDOC_RESPONSE_STATUS: {
    'zh-CN': '持证人手机返回了错误，请重新出示',
    en: 'The holder’s phone answered with an error: ask for a new presentation',
  },
  ERR_VERIFIER_CACHE_STALE: {
    'zh-CN': '本机的信任列表或状态列表太旧，无法确认证照是否仍然有效：请联网后刷新',
    en: 'The trust list or status list on this device is too old to rely on: connect and refresh',
  },
  ERR_VERIFIER_FETCH_FAILED: {
    'zh-CN': '无法下载信任列表或状态列表（网络不通？）',
    en: 'The trust list or status list could not be downloaded (no network?)',
  },
  ERR_VERIFIER_CACHE_STORE: {
    'zh-CN': '本机存储不可用，无法保存信任列表',
    en: 'This device’s storage is not available for the trust list',
  },
  ERR_TRUST_BUNDLE_MALFORMED: {
    'zh-CN': '下载到的信任列表格式错误，未采用',
    en: 'The downloaded trust list is malformed and was not used',
  },
  ERR_TRUST_BUNDLE_ROLLBACK: {
    'zh-CN': '下载到的信任列表比本机的旧，未采用',
    en: 'The downloaded trust list is older than the one on this device and was not used',
  },

  // proximity sessions (ISO/IEC 18013-5 over the relay)
  ERR_PROXIMITY_HOLDER_ENDED: {
    'zh-CN': '持证人在手机上拒绝了本次近距离核验请求（或关闭了它）',
    en: 'The holder declined the request on the phone (or closed it)',
  },
  ERR_PROXIMITY_HOLDER_ERROR: {
    'zh-CN': '持证人手机报告了近距离核验会话错误，请重新扫码',
    en: 'The holder’s phone reported a session error: scan a new proximity code',
  },
  ERR_PROXIMITY_TIMEOUT: {
    'zh-CN': '近距离核验超时：持证人手机没有及时应答，请重新扫码',
    en: 'The proximity check timed out: the holder’s phone did not answer in time; scan a new code',
  },
  ERR_PROXIMITY_RELAY_CLOSED: {
    'zh-CN': '与中继服务的连接断开了（网络不通，或此近距离核验码已被使用）：请持证人重新生成核验码',
    en: 'The relay connection closed (no network, or the proximity code was already used): ask the holder for a new code',
  },
  ERR_PROXIMITY_NO_RELAY: {
    'zh-CN': '此近距离核验码不经网络中继，本机无法连接：请持证人选择通过网络出示',
    en: 'This proximity code offers no network relay, so this device cannot connect: ask the holder to present over the network',
  },
  ERR_SESSION_ENGAGEMENT_MALFORMED: {
    'zh-CN': '近距离核验码损坏或不完整，请持证人重新生成',
    en: 'The proximity code is damaged or incomplete: ask the holder for a new one',
  },
  ERR_SESSION_DECRYPTION: {
    'zh-CN': '收到的近距离核验数据无法解密（可能被篡改），已终止本次请求',
    en: 'The proximity data does not decrypt (possibly tampered with); the request was ended',
  },
  ERR_SESSION_MALFORMED: {
    'zh-CN': '收到的近距离核验数据格式错误，已终止本次请求',
    en: 'The proximity data is malformed; the request was ended',
  },
  ERR_SESSION_STATE: {
    'zh-CN': '此近距离核验码已经用过：请持证人重新生成后再扫',
    en: 'This proximity code was already used: ask the holder for a new one',
  },
  ERR_READER_CONFIG_INVALID: {
    'zh-CN': '本机的读取方证书（reader.json）无效',
    en: 'This device’s reader certificate (reader.json) is not valid',
  },

  ERR_READER_SCOPE: {
    'zh-CN': '请求的信息超出了本机登记的范围',
    en: 'The request asks for more than this counter is registered for',
  },
};

const GENERIC: PlainReason = { 'zh-CN': '核验失败', en: 'Verification failed' };

/** The plain-language reason for `code` in `locale` (a generic one for codes without their own). */
export function plainReasonFor(code: ErrorCode | undefined, locale: Locale): string {
  return ((code && REASONS[code]) ?? GENERIC)[locale];
}

/** True when `code` has its own plain-language reason (not the generic one). */
export function hasPlainReason(code: ErrorCode): boolean {
  return REASONS[code] !== undefined;
}
