import { createNodePlatform } from '@zhengzhao/crypto-node';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  decodeCbor,
  decodePaperQr,
  encodePaperQr,
  PAPER_DEVICE_BINDING_REASON,
  PAPER_QR_MAX_TEXT_LENGTH,
  PAPER_QR_PURPOSES,
  type SuiteId,
  verifyPresentation,
  verifyQr,
} from '../../src/index.js';
import { failedCode, RESIDENT } from './fixtures.js';
import { createPaperWorld, NOW, PAPER_STATUS, statusResolver } from './paper-fixtures.js';
import { createSyntheticPortrait } from './synthetic-portrait.js';

const platform = createNodePlatform();
const hasSm2 = (() => {
  try {
    platform.suite('SM2');
    return true;
  } catch {
    return false;
  }
})();

/** The smallest QR version holding `text` as one alphanumeric segment at level `level`. */
const qrVersion = (text: string, level: 'L' | 'M' = 'M'): number =>
  QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: level }).version;

const thumb = createSyntheticPortrait();

async function roundTrip(suite: SuiteId) {
  const world = await createPaperWorld(platform, suite);
  const sizes: Record<string, { compressed: number; chars: number; versionM: number; versionL: number }> = {};
  for (const purpose of PAPER_QR_PURPOSES) {
    const credential = await world.issuePaper(purpose.id, { claims: { portrait_thumb: thumb } });
    const text = await encodePaperQr(platform, credential);
    expect(text.startsWith('ZZ1:')).toBe(true);
    const decoded = await decodePaperQr(platform, text);
    expect(decoded.credential.claims.purpose).toBe(purpose.id);
    expect(decoded.credential.claims.status).toEqual(PAPER_STATUS);
    expect('holderPublicKey' in decoded.credential.claims).toBe(false);
    const seen: unknown[] = [];
    const report = await verifyQr(platform, text, {
      trust: world.trust,
      now: NOW,
      statusResolver: statusResolver(0, seen),
    });
    expect(failedCode(report)).toBeUndefined();
    expect(report).toMatchObject({ valid: true, format: 'zz1-qr', presentation: 'paper', statusValue: 0 });
    expect(seen).toEqual([PAPER_STATUS]);
    const claims = report.claims?.['cn.gov.eid.1'] ?? {};
    expect(Object.keys(claims).sort()).toEqual([...purpose.elements].sort());
    for (const id of purpose.elements) {
      expect(claims[id]).toEqual(id === 'portrait_thumb' ? thumb : RESIDENT[id as keyof typeof RESIDENT]);
    }
    expect(report.checks.map((c) => `${c.id}:${c.outcome}`)).toEqual([
      'trust_chain:ok',
      'issuer_signature:ok',
      'doc_type:ok',
      'validity:ok',
      'status:ok',
      'device_binding:skipped',
      'freshness:skipped',
    ]);
    expect(report.checks.find((c) => c.id === 'device_binding')?.reason).toBe(PAPER_DEVICE_BINDING_REASON);
    // the generic entry point routes it the same way
    const again = await verifyPresentation(platform, text, {
      trust: world.trust,
      now: NOW,
      statusResolver: statusResolver(0),
    });
    expect(again).toMatchObject({ valid: true, presentation: 'paper' });
    sizes[purpose.id] = {
      compressed: decoded.compressedLength,
      chars: text.length,
      versionM: qrVersion(text),
      versionL: qrVersion(text, 'L'),
    };
  }
  return sizes;
}

describe('paper credential: issue → encode → decode → verify', () => {
  it('ES256, both paper purposes; every paper QR fits version 40 at level M', async () => {
    const sizes = await roundTrip('ES256');
    console.info('paper QR sizes ES256', JSON.stringify(sizes), 'thumbnail bytes', thumb.length);
    expect(sizes.paper_basic?.versionM).toBeLessThanOrEqual(15);
    expect(sizes.paper_with_portrait?.versionM).toBeLessThanOrEqual(40);
  });

  it.skipIf(!hasSm2)('SM2, both paper purposes', async () => {
    const sizes = await roundTrip('SM2');
    console.info('paper QR sizes SM2', JSON.stringify(sizes));
    expect(sizes.paper_with_portrait?.versionM).toBeLessThanOrEqual(40);
  });

  it('encodes [1, credential, null]: no device proof, no cnf in the signed claims', async () => {
    const world = await createPaperWorld(platform);
    const credential = await world.issuePaper('paper_basic');
    const decoded = await decodePaperQr(platform, await encodePaperQr(platform, credential));
    expect(decoded.credential.bytes).toEqual(credential);
    const cwt = decodeCbor(decoded.credential.message.payload as Uint8Array) as Map<number, unknown>;
    expect([...cwt.keys()]).toEqual([1, 4, 6, 65535, -65537, -65538]);
    expect(cwt.get(-65537)).toEqual(['cn.gov.eid.1', 'paper_basic']);
  });

  it('the largest catalog thumbnail (2 KiB, incompressible) does not fit at M and is refused', async () => {
    const world = await createPaperWorld(platform);
    const noisy = platform.randomBytes(2048);
    noisy.set([0xff, 0xd8, 0xff], 0);
    noisy.set([0xff, 0xd9], 2046);
    const credential = await world.issuePaper('paper_with_portrait', { claims: { portrait_thumb: noisy } });
    const error = await encodePaperQr(platform, credential).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ERR_INPUT_TOO_LARGE');
    // the limit is exactly what a version-40 QR holds at level M
    expect(qrVersion('A'.repeat(PAPER_QR_MAX_TEXT_LENGTH))).toBe(40);
    expect(() => qrVersion('A'.repeat(PAPER_QR_MAX_TEXT_LENGTH + 1))).toThrow();
  });

  it('a five-year card verifies on its last day and not after', async () => {
    const world = await createPaperWorld(platform);
    const iat = new Date('2026-06-01T00:00:00Z');
    const exp = new Date('2031-06-01T00:00:00Z');
    const text = await encodePaperQr(platform, await world.issuePaper('paper_basic', { iat, exp }));
    const at = (now: Date) => verifyQr(platform, text, { trust: world.trust, now, statusResolver: statusResolver(0) });
    expect((await at(new Date('2031-05-31T23:59:00Z'))).valid).toBe(true);
    expect(failedCode(await at(exp))).toBe('ERR_VALIDITY_EXPIRED');
  });
});
