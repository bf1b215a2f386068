import {
  type CredentialConfiguration,
  encodeBase64url,
  encodeCertificatePem,
  issueCatalogCredential,
  RESIDENT_ID_TYPE_ID,
} from '@zhengzhao/core';
import { createTestAuthority, syntheticResidentClaims, syntheticResidentJson } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyReceivedCopy } from '../src/receive/verify-received-copy.js';
import { createWalletTrustSource } from '../src/trust/create-wallet-trust-source.js';
import { expectCode, platform } from './helpers.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const MDOC: CredentialConfiguration = { format: 'mso_mdoc', doctype: RESIDENT_ID_TYPE_ID };
const SD_JWT: CredentialConfiguration = { format: 'dc+sd-jwt', vct: RESIDENT_ID_TYPE_ID };
const QR: CredentialConfiguration = { format: 'zz1_qr', type_id: RESIDENT_ID_TYPE_ID, purpose: 'hotel' };
const STATUS = { idx: 7, uri: 'https://issuer.example.cn/status/1' };

describe('verifyReceivedCopy: what the wallet checks before it stores a copy', () => {
  let authority: Awaited<ReturnType<typeof createTestAuthority>>;
  let device: Awaited<ReturnType<ReturnType<typeof platform.suite>['generateSigner']>>;
  let other: typeof device;
  const issue = async (
    format: 'mdoc' | 'sd-jwt' | 'qr',
    options: { deviceKey?: typeof device; signer?: typeof authority.documentSigner } = {},
  ): Promise<string> => {
    const signer = options.signer ?? authority.documentSigner;
    const credential = await issueCatalogCredential(platform, {
      format,
      signer: signer.signer,
      certificateChain: [signer.der],
      kid: signer.kid,
      typeId: RESIDENT_ID_TYPE_ID,
      claims: syntheticResidentClaims(),
      deviceKey: (options.deviceKey ?? device).publicKey,
      issuedAt: new Date(NOW.getTime() - 60_000),
      expiresAt: new Date(NOW.getTime() + 86_400_000),
      status: STATUS,
      sdJwtIssuer: 'https://issuer.example.cn',
      ...(format === 'qr' ? { purpose: 'hotel', qrIssuer: '44' } : {}),
    });
    return typeof credential === 'string' ? credential : encodeBase64url(credential);
  };

  beforeAll(async () => {
    authority = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
    device = await platform.suite('ES256').generateSigner();
    other = await platform.suite('ES256').generateSigner();
  });

  const receiveTrust = () => createWalletTrustSource({ platform, pinned: [], acceptUnpinned: true });
  const pinnedTrust = () => createWalletTrustSource({ platform, pinned: [authority.documentSigner.der] });

  it('reads claims, status and validity from mdoc and SD-JWT VC copies, and checks QR copies by kid', async () => {
    const mdoc = await verifyReceivedCopy(platform, 'mso_mdoc', await issue('mdoc'), MDOC, {
      trust: receiveTrust(),
      deviceSigner: device,
      now: NOW,
    });
    expect(mdoc).toMatchObject({ format: 'mso_mdoc', type: RESIDENT_ID_TYPE_ID, status: STATUS });
    expect(mdoc.claims?.full_name).toBe(syntheticResidentJson().full_name);
    expect(mdoc.chain).toEqual([authority.documentSigner.der]);
    const sdJwt = await verifyReceivedCopy(platform, 'dc+sd-jwt', await issue('sd-jwt'), SD_JWT, {
      trust: receiveTrust(),
      deviceSigner: device,
      now: NOW,
    });
    expect(sdJwt.claims).toEqual(mdoc.claims);
    expect(sdJwt.status).toEqual(STATUS);
    const qr = await verifyReceivedCopy(platform, 'zz1_qr', await issue('qr'), QR, {
      trust: pinnedTrust(),
      deviceSigner: device,
      now: NOW,
    });
    expect(qr).toMatchObject({ format: 'zz1_qr', purpose: 'hotel', status: STATUS });
  });

  it('refuses copies bound to another device key', async () => {
    for (const [format, wire, config] of [
      ['mdoc', 'mso_mdoc', MDOC],
      ['sd-jwt', 'dc+sd-jwt', SD_JWT],
      ['qr', 'zz1_qr', QR],
    ] as const) {
      const credential = await issue(format, { deviceKey: other });
      await expectCode(
        verifyReceivedCopy(platform, wire, credential, config, {
          trust: pinnedTrust(),
          deviceSigner: device,
          now: NOW,
        }),
        'ERR_WALLET_CREDENTIAL_INVALID',
      );
    }
  });

  it('refuses tampered, truncated, mistyped and unknown-format copies', async () => {
    const opts = () => ({ trust: receiveTrust(), deviceSigner: device, now: NOW });
    const sdJwt = await issue('sd-jwt');
    const [jwt] = sdJwt.split('~') as [string];
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.vct = 'cn.gov.other.1';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}${sdJwt.slice(jwt.length)}`;
    const mdoc = await issue('mdoc');
    const cases: [string, string, CredentialConfiguration][] = [
      ['dc+sd-jwt', forged, SD_JWT],
      ['dc+sd-jwt', sdJwt.slice(0, 50), SD_JWT],
      ['dc+sd-jwt', sdJwt, { ...SD_JWT, vct: 'cn.gov.mdl.1' }],
      ['mso_mdoc', mdoc.slice(0, mdoc.length - 40), MDOC],
      // a flipped bit in the issuer signature (the end of IssuerAuth)
      ['mso_mdoc', `${mdoc.slice(0, -10)}${mdoc.at(-10) === 'A' ? 'B' : 'A'}${mdoc.slice(-9)}`, MDOC],
      ['mso_mdoc', mdoc, { ...MDOC, doctype: 'cn.gov.mdl.1' }],
      ['mso_mdoc', mdoc, { format: 'mso_mdoc' }],
      ['zz1_qr', await issue('qr'), { ...QR, purpose: 'age_over_18' }],
      ['zz1_qr', '%%%', QR],
      ['ldp_vc', sdJwt, SD_JWT],
    ];
    for (const [i, [format, credential, config]] of cases.entries()) {
      const error = await verifyReceivedCopy(platform, format, credential, config, opts()).then(
        () => `case ${i} accepted`,
        (e: { code?: string }) => e.code,
      );
      expect(error, `case ${i}`).toBe('ERR_WALLET_CREDENTIAL_INVALID');
    }
  });

  it('with trust anchors, refuses a copy whose signer does not chain to them', async () => {
    const anchored = createWalletTrustSource({
      platform,
      trustAnchorsPem: [encodeCertificatePem(authority.root.der)],
      pinned: [],
    });
    const untrusted = await issue('mdoc', { signer: authority.variants.untrustedDocumentSigner });
    await expectCode(
      verifyReceivedCopy(platform, 'mso_mdoc', untrusted, MDOC, { trust: anchored, deviceSigner: device, now: NOW }),
      'ERR_WALLET_CREDENTIAL_INVALID',
    );
    const good = await verifyReceivedCopy(platform, 'mso_mdoc', await issue('mdoc'), MDOC, {
      trust: anchored,
      deviceSigner: device,
      now: NOW,
    });
    expect(good.type).toBe(RESIDENT_ID_TYPE_ID);
    // without anchors and outside receive mode, only pinned signers are accepted
    await expectCode(
      verifyReceivedCopy(platform, 'mso_mdoc', untrusted, MDOC, {
        trust: pinnedTrust(),
        deviceSigner: device,
        now: NOW,
      }),
      'ERR_WALLET_CREDENTIAL_INVALID',
    );
  });
});
