import { issueQrCredential, presentQr, RESIDENT_ID_TYPE_ID, verifyPresentation } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, syntheticResidentClaims } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPurposePreset } from '../purposes/purpose-presets.js';
import type { CounterReport } from '../verification/verifier-client.js';
import { decideVerdict, disclosedClaims } from './decide-verdict.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const platform = createNodePlatform();
let authority: Awaited<ReturnType<typeof createTestAuthority>>;

beforeAll(async () => {
  authority = await createTestAuthority({ suite: 'ES256', now: NOW, platform });
});

/** A real report: a ZZ1 QR of `purpose` issued by the test authority and verified by the core. */
async function reportFor(purpose: string, presentedAt: Date = NOW): Promise<CounterReport> {
  const device = await platform.suite('ES256').generateSigner();
  const credential = await issueQrCredential(platform, {
    signer: authority.documentSigner.signer,
    kid: authority.kid,
    typeId: RESIDENT_ID_TYPE_ID,
    purpose,
    claims: syntheticResidentClaims(),
    holderPublicKey: device.publicKey,
    iat: new Date(NOW.getTime() - 3_600_000),
    exp: new Date(NOW.getTime() + 86_400_000),
  });
  const text = await presentQr(platform, { credential, deviceSigner: device, now: presentedAt });
  const report = await verifyPresentation(platform, text, { trust: authority.trustSource, now: NOW });
  return { ...report, cache: { stale: false, trustAgeSeconds: 60 } };
}

describe('decideVerdict', () => {
  it('green when the presentation is valid and covers the purpose', async () => {
    const report = await reportFor('hotel');
    expect(decideVerdict({ kind: 'report', report }, getPurposePreset('hotel'), NOW)).toEqual({
      verdict: 'pass',
      coverage: { covered: true },
    });
    expect(disclosedClaims(report).full_name).toBe('陈小红');
  });

  it('insufficient when valid but the purpose needs more, with what is missing', async () => {
    const report = await reportFor('identity_basic');
    const decision = decideVerdict({ kind: 'report', report }, getPurposePreset('hotel'), NOW);
    expect(decision.verdict).toBe('insufficient');
    expect(decision.coverage).toMatchObject({ covered: false, reason: 'missing' });
    expect(decideVerdict({ kind: 'report', report }, getPurposePreset('boarding'), NOW).verdict).toBe('pass');
  });

  it('red with the first failed check’s code when the presentation is not valid', async () => {
    const report = await reportFor('hotel', new Date(NOW.getTime() - 600_000));
    expect(report.valid).toBe(false);
    expect(decideVerdict({ kind: 'report', report }, getPurposePreset('hotel'), NOW)).toEqual({
      verdict: 'fail',
      code: 'ERR_FRESHNESS_STALE',
    });
  });

  it('red for stale cached data even if every core check passed (the SDK marks the report)', async () => {
    const valid = await reportFor('hotel');
    const { claims: _claims, ...rest } = valid;
    const stale: CounterReport = {
      ...rest,
      valid: false,
      checks: [...valid.checks, { id: 'freshness', outcome: 'failed', code: 'ERR_VERIFIER_CACHE_STALE' }],
      cache: { stale: true, trustAgeSeconds: 200_000 },
    };
    expect(decideVerdict({ kind: 'report', report: stale }, getPurposePreset('hotel'), NOW)).toEqual({
      verdict: 'fail',
      code: 'ERR_VERIFIER_CACHE_STALE',
    });
  });

  it('red for input that is no presentation, other QR codes and images without a code', () => {
    const hotel = getPurposePreset('hotel');
    expect(decideVerdict({ kind: 'unreadable', code: 'ERR_ENCODING_BASE45' }, hotel, NOW)).toEqual({
      verdict: 'fail',
      code: 'ERR_ENCODING_BASE45',
    });
    expect(decideVerdict({ kind: 'foreign', scanned: 'payment' }, hotel, NOW)).toEqual({
      verdict: 'fail',
      code: 'ERR_FORMAT_UNKNOWN',
    });
    expect(decideVerdict({ kind: 'image', why: 'none' }, hotel, NOW)).toEqual({
      verdict: 'fail',
      code: 'ERR_QR_IMAGE_UNREADABLE',
    });
    expect(decideVerdict({ kind: 'unavailable' }, hotel, NOW)).toEqual({ verdict: 'fail' });
  });

  it('red with the session’s code when a proximity session ends without a presentation', () => {
    const hotel = getPurposePreset('hotel');
    for (const code of ['ERR_PROXIMITY_HOLDER_ENDED', 'ERR_PROXIMITY_TIMEOUT', 'ERR_PROXIMITY_RELAY_CLOSED'] as const) {
      expect(decideVerdict({ kind: 'session', code }, hotel, NOW)).toEqual({ verdict: 'fail', code });
    }
  });

  it('a report from a proximity session is judged like any other', async () => {
    const proximity = { readerOrganisation: { 'zh-CN': '测试酒店', en: 'Test Hotel' } };
    const hotel = { kind: 'report', report: await reportFor('hotel'), proximity } as const;
    expect(decideVerdict(hotel, getPurposePreset('hotel'), NOW).verdict).toBe('pass');
    const ageOnly = { kind: 'report', report: await reportFor('age_over_18'), proximity } as const;
    expect(decideVerdict(ageOnly, getPurposePreset('hotel'), NOW).verdict).toBe('insufficient');
  });
});
