import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  CWT_CLAIM,
  encodePaperQr,
  PAPER_MAX_LIFETIME_SECONDS,
  parsePaperCredential,
  type TrustSource,
  verifyQr,
} from '../../src/index.js';
import { failedCode, rejectionCode } from './fixtures.js';
import { createPaperWorld, NOW, PAPER_ISSUED_AT, paperCwt, statusResolver } from './paper-fixtures.js';

const platform = createNodePlatform();
const DAY = 86_400_000;
const after = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('paper credential: lifetime and signer', () => {
  it('issues at most five years, never past the card expiry or the signer certificate', async () => {
    const world = await createPaperWorld(platform);
    const iat = new Date('2026-06-01T00:00:00Z');
    const fiveYears = after(iat, PAPER_MAX_LIFETIME_SECONDS * 1000);
    const ok = await world.issuePaper('paper_basic', { iat, exp: fiveYears });
    expect(parsePaperCredential(ok).claims.exp - parsePaperCredential(ok).claims.iat).toBe(PAPER_MAX_LIFETIME_SECONDS);
    expect(await rejectionCode(world.issuePaper('paper_basic', { iat, exp: after(fiveYears, 1000) }))).toBe(
      'ERR_QR_PAPER_LIFETIME',
    );
    // the card expires 2028-01-10 (valid through that day in China): exp may reach its end, not beyond
    const claims = { expiry_date: '2028-01-10' };
    const endOfDay = new Date('2028-01-10T16:00:00Z');
    expect(await rejectionCode(world.issuePaper('paper_basic', { iat, exp: endOfDay, claims }))).toBeUndefined();
    expect(await rejectionCode(world.issuePaper('paper_basic', { iat, exp: after(endOfDay, 1000), claims }))).toBe(
      'ERR_INPUT_INVALID',
    );
    const signerNotAfter = new Date('2029-01-01T00:00:00Z');
    expect(
      await rejectionCode(world.issuePaper('paper_basic', { iat, exp: after(signerNotAfter, 1000), signerNotAfter })),
    ).toBe('ERR_INPUT_INVALID');
    expect(await rejectionCode(world.issuePaper('paper_basic', { iat, exp: iat }))).toBe('ERR_INPUT_INVALID');
  });

  it('a verifier refuses a paper credential signed for longer than five years', async () => {
    const world = await createPaperWorld(platform);
    const seconds = Math.floor(PAPER_ISSUED_AT.getTime() / 1000);
    const raw = await world.signRaw(paperCwt({ set: [[CWT_CLAIM.exp, seconds + PAPER_MAX_LIFETIME_SECONDS + 1]] }));
    const report = await verifyQr(platform, await encodePaperQr(platform, raw), {
      trust: world.trust,
      now: NOW,
      statusResolver: statusResolver(0),
    });
    expect(failedCode(report)).toBe('ERR_QR_PAPER_LIFETIME');
  });

  it('a compromised signer key rejects every paper card, however early it is dated', async () => {
    const world = await createPaperWorld(platform);
    const text = await encodePaperQr(platform, await world.issuePaper('paper_basic'));
    const revokedTrust = (code: 'ERR_TRUST_KEY_COMPROMISED' | 'ERR_TRUST_ISSUER_WITHDRAWN'): TrustSource => ({
      ...world.trust,
      resolveKid: async (kid, query) => ({
        ...(await world.trust.resolveKid(kid, query)),
        revoked: { at: after(PAPER_ISSUED_AT, DAY / 2), code },
      }),
    });
    const verify = (trust: TrustSource) =>
      verifyQr(platform, text, { trust, now: NOW, statusResolver: statusResolver(0) });
    expect(failedCode(await verify(revokedTrust('ERR_TRUST_KEY_COMPROMISED')))).toBe('ERR_TRUST_KEY_COMPROMISED');
    // a withdrawn issuer's earlier cards stand, as for every other credential
    expect((await verify(revokedTrust('ERR_TRUST_ISSUER_WITHDRAWN'))).valid).toBe(true);
  });
});
