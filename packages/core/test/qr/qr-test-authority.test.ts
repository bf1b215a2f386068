import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, hasSuite } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { computeQrKid, issueQrCredential, presentQr, type SuiteId, toHex, verifyQr } from '../../src/index.js';
import { EXPIRES_AT, failedCode, ISSUED_AT, NOW, RESIDENT, STATUS } from './fixtures.js';

const platform = createNodePlatform();

describe.each(['ES256', 'SM2'] as SuiteId[])('ZZ1 end to end with a test authority (%s)', (suite) => {
  it.skipIf(!hasSuite(platform, suite))('resolves the DS certificate by kid and verifies', async () => {
    const authority = await createTestAuthority({ platform, suite, now: NOW, docTypes: ['cn.gov.eid.1'] });
    expect(toHex(authority.kid)).toBe(toHex(await computeQrKid(platform, authority.documentSigner.der)));
    const device = await platform.suite(suite).generateSigner();
    const issue = (kid: Uint8Array) =>
      issueQrCredential(platform, {
        signer: authority.documentSigner.signer,
        kid,
        typeId: 'cn.gov.eid.1',
        purpose: 'hotel',
        claims: RESIDENT,
        holderPublicKey: device.publicKey,
        iat: ISSUED_AT,
        exp: EXPIRES_AT,
        issuer: '44',
        status: STATUS,
      });
    const text = await presentQr(platform, { credential: await issue(authority.kid), deviceSigner: device, now: NOW });
    const report = await verifyQr(platform, text, { trust: authority.trustSource, now: NOW });
    expect(failedCode(report)).toBeUndefined();
    expect(report.claims?.['cn.gov.eid.1']?.id_number).toBe(RESIDENT.id_number);
    expect(report.issuer?.suite).toBe(suite);

    const expiredKid = authority.variants.expiredDocumentSigner.kid;
    const stale = await presentQr(platform, { credential: await issue(expiredKid), deviceSigner: device, now: NOW });
    expect(failedCode(await verifyQr(platform, stale, { trust: authority.trustSource, now: NOW }))).toBe(
      'ERR_TRUST_CERT_EXPIRED',
    );
  });
});
