import { createHmac, timingSafeEqual } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';

/**
 * Webhook signatures for registry → issuer event delivery, after Stripe's scheme:
 *
 *   Zz-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256(secret, "<t>.<body>")>
 *
 * The timestamp is inside the MAC, so a captured request cannot be replayed outside the
 * tolerance window; the receiver deduplicates replays inside the window by `eventId`. Several
 * `v1=` entries may appear (a sender signing with an old and a new secret while rotating);
 * one match is enough. Lower-case hex, 64 digits. Unknown schemes (e.g. `v0=`) are ignored.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'zz-signature';
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
const MAX_HEADER_LENGTH = 1024;
const MIN_SECRET_BYTES = 16;

type Secret = string | Uint8Array;
type Body = string | Uint8Array;

function secretBytes(secret: Secret): Uint8Array {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length < MIN_SECRET_BYTES) {
    throw new ZzError('ERR_INPUT_INVALID', `webhook secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return bytes;
}

function mac(secret: Secret, seconds: number, body: Body): Buffer {
  if (typeof body !== 'string' && !(body instanceof Uint8Array))
    throw new ZzError('ERR_INPUT_INVALID', 'body must be text or bytes');
  return createHmac('sha256', secretBytes(secret)).update(`${seconds}.`).update(body).digest();
}

function unixSeconds(instant: Date, name: string): number {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', `${name} must be a valid Date`);
  return Math.floor(instant.getTime() / 1000);
}

/** The `Zz-Signature` header value for `body` sent at `timestamp` (whole seconds). */
export function signWebhookBody(secret: Secret, body: Body, timestamp: Date): string {
  const seconds = unixSeconds(timestamp, 'timestamp');
  return `t=${seconds},v1=${mac(secret, seconds, body).toString('hex')}`;
}

/**
 * Verifies a `Zz-Signature` header over the exact raw body. Throws
 * `ERR_WEBHOOK_SIGNATURE_INVALID` for a missing/malformed header or no matching MAC (compared
 * in constant time), and `ERR_WEBHOOK_TIMESTAMP_STALE` when |now − t| > toleranceSeconds
 * (the timestamp is checked only after the MAC, so it is authentic). Returns the signed time.
 */
export function verifyWebhookSignature(
  secret: Secret,
  header: string | null | undefined,
  body: Body,
  now: Date,
  toleranceSeconds: number = DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
): { timestamp: Date } {
  const nowSeconds = unixSeconds(now, 'now');
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds < 0)
    throw new ZzError('ERR_INPUT_INVALID', 'toleranceSeconds must be ≥ 0');
  const bad = (what: string): never => {
    throw new ZzError('ERR_WEBHOOK_SIGNATURE_INVALID', `Webhook signature: ${what}`);
  };
  if (typeof header !== 'string' || header.length === 0) return bad('missing');
  if (header.length > MAX_HEADER_LENGTH) return bad('header too long');
  let seconds: number | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return bad('malformed header');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (seconds !== undefined || !/^\d{1,12}$/.test(value)) return bad('malformed timestamp');
      seconds = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return bad('malformed v1 signature');
      candidates.push(Buffer.from(value, 'hex'));
    }
  }
  if (seconds === undefined || candidates.length === 0) return bad('no timestamp or no v1 signature');
  const expected = mac(secret, seconds, body);
  let match = false;
  for (const candidate of candidates) match = timingSafeEqual(candidate, expected) || match;
  if (!match) bad('does not verify');
  if (Math.abs(nowSeconds - seconds) > toleranceSeconds) {
    throw new ZzError('ERR_WEBHOOK_TIMESTAMP_STALE', 'Webhook timestamp is outside the tolerance window');
  }
  return { timestamp: new Date(seconds * 1000) };
}
