import { createHmac } from 'node:crypto';
import { isZzError } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from '../src/webhook-signature.js';

const SECRET = 'whsec_registry_test_secret_0123456789';
const BODY = '{"version":1,"type":"card.issued","note":"证照"}';
const SENT = new Date('2026-03-01T08:00:00.000Z');

function expectCode(fn: () => unknown, code: Parameters<typeof isZzError>[1]): void {
  try {
    fn();
    expect.unreachable();
  } catch (error) {
    expect(isZzError(error, code), String(error)).toBe(true);
  }
}

describe('webhook signature', () => {
  it('signs t=<seconds>,v1=<hex HMAC-SHA-256 over "t.body"> and verifies it', () => {
    const header = signWebhookBody(SECRET, BODY, SENT);
    const t = SENT.getTime() / 1000;
    const expected = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature(SECRET, header, BODY, new Date(SENT.getTime() + 60_000), 300)).toEqual({
      timestamp: SENT,
    });
    expect(verifyWebhookSignature(SECRET, header, new TextEncoder().encode(BODY), SENT, 0).timestamp).toEqual(SENT);
  });

  it('rejects a tampered body, a wrong secret, a changed timestamp and a stale or future one', () => {
    const header = signWebhookBody(SECRET, BODY, SENT);
    expectCode(
      () => verifyWebhookSignature(SECRET, header, BODY.replace('issued', 'changed'), SENT, 300),
      'ERR_WEBHOOK_SIGNATURE_INVALID',
    );
    expectCode(() => verifyWebhookSignature(`${SECRET}x`, header, BODY, SENT, 300), 'ERR_WEBHOOK_SIGNATURE_INVALID');
    const shifted = header.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
    expectCode(() => verifyWebhookSignature(SECRET, shifted, BODY, SENT, 300), 'ERR_WEBHOOK_SIGNATURE_INVALID');
    expectCode(
      () => verifyWebhookSignature(SECRET, header, BODY, new Date(SENT.getTime() + 301_000), 300),
      'ERR_WEBHOOK_TIMESTAMP_STALE',
    );
    expectCode(
      () => verifyWebhookSignature(SECRET, header, BODY, new Date(SENT.getTime() - 301_000), 300),
      'ERR_WEBHOOK_TIMESTAMP_STALE',
    );
  });

  it('accepts any matching v1 entry (secret rotation) and ignores unknown schemes', () => {
    const header = signWebhookBody(SECRET, BODY, SENT);
    const other = signWebhookBody('another_secret_with_16+_bytes', BODY, SENT).split(',')[1];
    expect(() => verifyWebhookSignature(SECRET, `${header},${other},v0=abc`, BODY, SENT, 10)).not.toThrow();
    expect(() => verifyWebhookSignature(SECRET, `${header.split(',')[0]},${other}`, BODY, SENT, 10)).toThrow();
  });

  it('rejects missing and malformed headers, and weak secrets', () => {
    for (const header of [
      undefined,
      null,
      '',
      't=1',
      'v1=00',
      't=x,v1=00',
      `t=1,v1=${'g'.repeat(64)}`,
      'garbage',
      `t=1,t=2,v1=${'0'.repeat(64)}`,
      'a'.repeat(2000),
    ]) {
      expectCode(() => verifyWebhookSignature(SECRET, header, BODY, SENT, 300), 'ERR_WEBHOOK_SIGNATURE_INVALID');
    }
    expectCode(() => signWebhookBody('short', BODY, SENT), 'ERR_INPUT_INVALID');
    expectCode(() => signWebhookBody(SECRET, BODY, new Date(Number.NaN)), 'ERR_INPUT_INVALID');
  });

  it('random headers never verify and always fail with a ZzError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        try {
          verifyWebhookSignature(SECRET, header, BODY, SENT, 300);
          return false;
        } catch (error) {
          return isZzError(error, 'ERR_WEBHOOK_SIGNATURE_INVALID');
        }
      }),
      { numRuns: 500 },
    );
  });
});
