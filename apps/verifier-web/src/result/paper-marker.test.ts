import { issueQrCredential, presentQr, RESIDENT_ID_TYPE_ID, verifyPresentation } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, issueTestPaperCredential, syntheticResidentClaims } from '@zhengzhao/test-kit';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale-context.js';
import type { Locale } from '../i18n/messages.js';
import { getPurposePreset } from '../purposes/purpose-presets.js';
import type { CounterReport } from '../verification/verifier-client.js';
import { decideVerdict, type ScanOutcome } from './decide-verdict.js';
import { PaperBadge } from './paper-badge.js';
import { formatLabelKey, paperMarkerOf } from './paper-marker.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const platform = createNodePlatform();
let authority: Awaited<ReturnType<typeof createTestAuthority>>;
/** A JPEG-shaped thumbnail: SOI … EOI (the catalog checks only the markers and the size). */
const THUMB = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

beforeAll(async () => {
  authority = await createTestAuthority({ suite: 'ES256', now: NOW, platform });
});

/** A real counter outcome: a paper card printed yesterday, verified with status `status`. */
async function paperOutcome(purpose: string, status = 0): Promise<ScanOutcome> {
  const card = await issueTestPaperCredential(platform, authority, {
    purpose,
    issuedAt: new Date(NOW.getTime() - 86_400_000),
    claims: { portrait_thumb: THUMB },
  });
  const report = await verifyPresentation(platform, card.text, {
    trust: authority.trustSource,
    now: NOW,
    statusResolver: { resolveStatus: () => Promise.resolve(status) },
  });
  return { kind: 'report', report: { ...report, cache: { stale: false, trustAgeSeconds: 60 } } };
}

async function phoneOutcome(): Promise<ScanOutcome> {
  const device = await platform.suite('ES256').generateSigner();
  const credential = await issueQrCredential(platform, {
    signer: authority.documentSigner.signer,
    kid: authority.kid,
    typeId: RESIDENT_ID_TYPE_ID,
    purpose: 'identity_basic',
    claims: syntheticResidentClaims(),
    holderPublicKey: device.publicKey,
    iat: new Date(NOW.getTime() - 3_600_000),
    exp: new Date(NOW.getTime() + 86_400_000),
  });
  const text = await presentQr(platform, { credential, deviceSigner: device, now: NOW });
  const report: CounterReport = {
    ...(await verifyPresentation(platform, text, { trust: authority.trustSource, now: NOW })),
    cache: { stale: false },
  };
  return { kind: 'report', report };
}

const render = (outcome: ScanOutcome, locale: Locale) =>
  renderToStaticMarkup(createElement(LocaleProvider, { value: locale }, createElement(PaperBadge, { outcome })));

describe('paper credential marker', () => {
  it('a valid paper card with a portrait: badge, compare with the portrait from the QR', async () => {
    const outcome = await paperOutcome('paper_with_portrait');
    expect(paperMarkerOf(outcome)).toEqual({ badge: 'paper.badge', instruction: 'paper.comparePortrait' });
    expect(formatLabelKey(outcome)).toBe('format.zz1-paper');
    const zh = render(outcome, 'zh-CN');
    expect(zh).toContain('id="paper-marker"');
    expect(zh).toContain('<strong>纸质凭证</strong>');
    expect(zh).toContain('二维码中的照片');
    expect(render(outcome, 'en')).toContain('<strong>Paper credential</strong>');
    // the verdict still follows the purpose: a paper card has name and number for boarding
    expect(decideVerdict(outcome, getPurposePreset('boarding'), NOW).verdict).toBe('pass');
    expect(decideVerdict(outcome, getPurposePreset('hotel'), NOW).verdict).toBe('insufficient');
  });

  it('a paper card without a portrait: compare with the identity card', async () => {
    const outcome = await paperOutcome('paper_basic');
    expect(paperMarkerOf(outcome)?.instruction).toBe('paper.compareIdCard');
    expect(render(outcome, 'zh-CN')).toContain('居民身份证原件');
  });

  it('a revoked paper card fails and keeps the badge without an instruction', async () => {
    const outcome = await paperOutcome('paper_basic', 1);
    expect(decideVerdict(outcome, getPurposePreset('boarding'), NOW)).toEqual({
      verdict: 'fail',
      code: 'ERR_STATUS_REVOKED',
    });
    expect(paperMarkerOf(outcome)).toEqual({ badge: 'paper.badge' });
    expect(render(outcome, 'zh-CN')).not.toContain('居民身份证原件');
  });

  it('a phone QR and other outcomes carry no paper marker', async () => {
    const phone = await phoneOutcome();
    expect(paperMarkerOf(phone)).toBeUndefined();
    expect(formatLabelKey(phone)).toBe('format.zz1-qr');
    expect(render(phone, 'zh-CN')).toBe('');
    expect(paperMarkerOf({ kind: 'unreadable', code: 'ERR_QR_DEVICE_PROOF_MISSING' })).toBeUndefined();
    expect(formatLabelKey({ kind: 'unavailable' })).toBeUndefined();
  });
});
