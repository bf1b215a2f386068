/**
 * What a scanned QR text is, before any verification: counters see every kind of code (shop
 * links, payment codes, a holder opening the wrong screen), and each deserves a clear answer
 * instead of a parser error. `zz1` codes are verified at once, `proximity` codes (a wallet's
 * engagement) start a session with the holder's phone.
 */
export type ScannedKind = 'zz1' | 'proximity' | 'payment' | 'url' | 'empty' | 'other';

/** Hosts and schemes of the payment codes seen at Chinese counters (collect and pay codes). */
const PAYMENT_URL =
  /^(wxp:\/\/|alipays?:\/\/|https?:\/\/(qr\.alipay\.com|wx\.tenpay\.com|payapp\.weixin\.qq\.com|qr\.95516\.com)\/)/i;
/**
 * A customer's "pay" code is a bare number: WeChat Pay 18 digits from 10–15, Alipay 16–24 digits
 * from 25–30, UnionPay 19 digits from 62.
 */
const PAYMENT_NUMBER = /^(1[0-5]\d{16}|(2[5-9]|30)\d{14,22}|62\d{17})$/;
/** A hierarchical URI (RFC 3986 §3: `scheme://…`) or one of the common schemeful QR payloads. */
const URI = /^([a-z][a-z0-9+.-]*:\/\/\S+|(mailto|tel|sms|smsto|geo|wifi|weixin|market|bitcoin):\S+)$/i;

/** Classifies the text of a scanned QR code (docs/qr-format.md: ours start with `ZZ1:`). */
export function classifyScannedText(text: string): ScannedKind {
  const value = text.trim();
  if (value.length === 0) return 'empty';
  if (value.startsWith('ZZ1:')) return 'zz1';
  // ISO/IEC 18013-5 §8.2.2.3: a device engagement QR is "mdoc:" + base64url(DeviceEngagement).
  if (/^mdoc:/i.test(value)) return 'proximity';
  if (PAYMENT_URL.test(value) || PAYMENT_NUMBER.test(value)) return 'payment';
  if (URI.test(value)) return 'url';
  return 'other';
}
