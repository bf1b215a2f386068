import { ERROR_CATALOGUE, type ErrorCode } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { hasPlainReason, plainReasonFor } from './error-messages.js';

/** Areas whose codes end up in a verification report or a refused scan at the counter. */
const VERIFICATION_AREAS =
  /^ERR_(QR|STATUS|TRUST|COSE|MDOC|SDJWT|JWS|VALIDITY|FRESHNESS|COMPRESSION|CBOR_(MALFORMED|STRUCTURE)|ENCODING_BASE45|VERIFIER_CACHE|CATALOG|FORMAT|DEVICE_BINDING|X509)/;

describe('plain-language reasons', () => {
  it('every code a verification can end in has its own reason', () => {
    const codes = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).filter((code) => VERIFICATION_AREAS.test(code));
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !hasPlainReason(code))).toEqual([]);
  });

  it('reasons differ between the cases a clerk must tell apart', () => {
    const distinct = new Set(
      (
        [
          'ERR_STATUS_REVOKED',
          'ERR_STATUS_SUSPENDED',
          'ERR_FRESHNESS_STALE',
          'ERR_QR_DEVICE_SIGNATURE_INVALID',
          'ERR_COSE_SIGNATURE_INVALID',
          'ERR_TRUST_KID_UNKNOWN',
          'ERR_VALIDITY_EXPIRED',
          'ERR_FORMAT_UNKNOWN',
          'ERR_VERIFIER_CACHE_STALE',
          'ERR_STATUS_UNAVAILABLE',
        ] as const
      ).map((code) => plainReasonFor(code, 'zh-CN')),
    );
    expect(distinct.size).toBe(10);
  });

  it('every way a proximity session can end has its own reason, and declined differs from the rest', () => {
    const codes = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).filter((code) => /^ERR_PROXIMITY_/.test(code));
    expect(codes.length).toBeGreaterThanOrEqual(5);
    const extra: ErrorCode[] = ['ERR_SESSION_ENGAGEMENT_MALFORMED', 'ERR_SESSION_DECRYPTION', 'ERR_SESSION_STATE'];
    expect([...codes, ...extra].filter((code) => !hasPlainReason(code))).toEqual([]);
    const reasons = new Set(
      (['ERR_PROXIMITY_HOLDER_ENDED', 'ERR_PROXIMITY_TIMEOUT', 'ERR_PROXIMITY_RELAY_CLOSED'] as const).map((code) =>
        plainReasonFor(code, 'en'),
      ),
    );
    expect(reasons.size).toBe(3);
    expect(plainReasonFor('ERR_PROXIMITY_HOLDER_ENDED', 'zh-CN')).toContain('拒绝');
    expect(plainReasonFor('ERR_PROXIMITY_HOLDER_ENDED', 'en')).toContain('declined');
  });

  it('falls back to a generic reason for other codes and for none', () => {
    expect(plainReasonFor('ERR_DB_UNAVAILABLE', 'zh-CN')).toBe('核验失败');
    expect(plainReasonFor(undefined, 'en')).toBe('Verification failed');
    expect(hasPlainReason('ERR_DB_UNAVAILABLE')).toBe(false);
  });

  it('has both languages for every reason', () => {
    const han = /\p{Script=Han}/u;
    for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) {
      if (!hasPlainReason(code)) continue;
      expect(han.test(plainReasonFor(code, 'zh-CN')), code).toBe(true);
      expect(han.test(plainReasonFor(code, 'en')), code).toBe(false);
    }
  });
});
