/**
 * Offline QR (`ZZ1:`): verify throughput against a raw node:crypto ES256 verify in the same run
 * (two signatures per QR, so 0.5 is the ceiling; target ≥ 0.35), and the sizes of the purpose
 * sets with the QR version they need at error-correction level M.
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  decodeBase45,
  issueQrCredential,
  type Platform,
  presentQr,
  type SuiteId,
  verifyQr,
  ZzError,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import QRCode from 'qrcode';
import { RESIDENT, STATUS, staticKidTrust } from '../packages/core/test/qr/fixtures.js';
import { createSyntheticPortrait } from '../packages/core/test/qr/synthetic-portrait.js';
import { compare, report } from './lib.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const IAT = new Date('2026-06-01T00:00:00Z');
const EXP = new Date('2026-06-08T00:00:00Z');

async function makeQr(platform: Platform, suite: SuiteId, purpose: string, thumb: Uint8Array) {
  const ds = await platform.suite(suite).generateSigner();
  const device = await platform.suite(suite).generateSigner();
  const kid = platform.randomBytes(8);
  const credential = await issueQrCredential(platform, {
    signer: ds,
    kid,
    typeId: 'cn.gov.eid.1',
    purpose,
    claims: { ...RESIDENT, portrait_thumb: thumb },
    holderPublicKey: device.publicKey,
    iat: IAT,
    exp: EXP,
    ...(purpose === 'age_over_18' ? {} : { issuer: '11', status: STATUS }),
  });
  const text = await presentQr(platform, { credential, deviceSigner: device, now: NOW });
  const trust = staticKidTrust([{ kid, publicKey: ds.publicKey, name: 'bench DS' }]);
  return { text, trust, compressed: decodeBase45(text.slice(4)).length };
}

const versionAtM = (text: string): number =>
  QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' }).version;

export async function run(): Promise<void> {
  const platform = createNodePlatform();
  const thumb = createSyntheticPortrait(96, 120, 35);

  // Throughput: verifyQr (2 ECDSA verifies + decode + checks) vs one raw ES256 verify.
  const hotel = await makeQr(platform, 'ES256', 'hotel', thumb);
  const options = { trust: hotel.trust, now: NOW };
  const check = await verifyQr(platform, hotel.text, options);
  if (!check.valid) throw new ZzError('ERR_CRYPTO_OPERATION', 'bench QR does not verify');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const message = new Uint8Array(300).fill(7);
  const signature = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const key = publicKey; // a cached KeyObject: the fast path (DEPENDENCIES.md)
  const result = await compare(
    () => verifyQr(platform, hotel.text, options),
    () => verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature),
    { rounds: 5, millis: 400 },
  );
  report(
    `ZZ1 hotel QR verify ÷ raw ES256 verify, same QR (${Math.round(result.subject)} vs ${Math.round(result.baseline)} ops/s)`,
    result.ratio.toFixed(3),
    '≥ 0.35',
    result.ratio >= 0.35,
  );

  // Cold: a new holder every time (5,000 holders cycle past every key cache and the
  // decompression memo), one document signer, as at a busy station gate.
  const ds = await platform.suite('ES256').generateSigner();
  const kid = platform.randomBytes(8);
  const trust = staticKidTrust([{ kid, publicKey: ds.publicKey, name: 'bench DS' }]);
  const pool: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const device = await platform.suite('ES256').generateSigner();
    const credential = await issueQrCredential(platform, {
      signer: ds,
      kid,
      typeId: 'cn.gov.eid.1',
      purpose: 'hotel',
      claims: RESIDENT,
      holderPublicKey: device.publicKey,
      iat: IAT,
      exp: EXP,
      issuer: '11',
      status: STATUS,
    });
    pool.push(await presentQr(platform, { credential, deviceSigner: device, now: NOW }));
  }
  let next = 0;
  const cold = await compare(
    () => verifyQr(platform, pool[next++ % pool.length] as string, { trust, now: NOW }),
    () => verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature),
    { rounds: 5, millis: 300 },
  );
  report(
    `ZZ1 hotel QR verify ÷ raw ES256 verify, new holder each time (${Math.round(cold.subject)} ops/s)`,
    cold.ratio.toFixed(3),
    'report',
    undefined,
  );

  // Sizes (bytes after ZLIB, before base45) and QR versions at level M.
  report('portrait_thumb: 96×120 grayscale JPEG q35 (bytes)', String(thumb.length), '≤ 2048', thumb.length <= 2048);
  const suites: SuiteId[] = ['ES256'];
  try {
    platform.suite('SM2');
    suites.push('SM2');
  } catch {
    // SM2 not available in this platform build.
  }
  const limits: Record<string, number | undefined> = {
    hotel: 700,
    age_over_18: 300,
    identity_basic: undefined,
    hotel_with_portrait: undefined,
  };
  for (const suite of suites) {
    for (const [purpose, limit] of Object.entries(limits)) {
      const qr = await makeQr(platform, suite, purpose, thumb);
      const version = versionAtM(qr.text);
      const target = limit === undefined ? 'report' : `≤ ${limit} B`;
      const met = limit === undefined ? undefined : qr.compressed <= limit && (purpose !== 'hotel' || version <= 20);
      report(
        `${suite} ${purpose}: zlib bytes / text chars / QR version (M)`,
        `${qr.compressed} / ${qr.text.length} / v${version}`,
        target,
        met,
      );
    }
  }
}
