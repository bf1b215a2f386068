import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, syntheticResidentClaims } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import {
  createDeviceResponse,
  createOid4vpSessionTranscript,
  detectPresentationFormat,
  encodeDeviceResponse,
  encodeIssuerSigned,
  issueMdoc,
  issueQrCredential,
  issueSdJwtVc,
  isZzError,
  presentMdoc,
  presentQr,
  presentSdJwtVc,
  type SuiteId,
  toMdocNameSpaces,
  toSdJwtClaims,
  utf8Encode,
  verifyPresentation,
} from '../../src/index.js';

const platform = createNodePlatform();
const now = new Date('2026-06-01T08:00:00Z');
const until = new Date('2026-12-01T00:00:00Z');
const TYPE = 'cn.gov.eid.1';
const claims = syntheticResidentClaims();

async function setup(suite: SuiteId) {
  const authority = await createTestAuthority({ platform, suite, now });
  const device = await platform.suite(suite).generateSigner();
  return { authority, device };
}

describe.each(['ES256', 'SM2'] as const)('verifyPresentation detects and verifies every format (%s)', (suite) => {
  it('mdoc DeviceResponse and bare IssuerSigned', async () => {
    const { authority, device } = await setup(suite);
    const issuerSigned = await issueMdoc(platform, {
      signer: authority.documentSigner.signer,
      x5chain: authority.chain,
      docType: TYPE,
      nameSpaces: toMdocNameSpaces(TYPE, claims),
      deviceKey: device.publicKey,
      signed: now,
      validFrom: now,
      validUntil: until,
    });
    const sessionTranscript = await createOid4vpSessionTranscript(platform, {
      clientId: 'x509_san_dns:hotel.example.cn',
      nonce: 'n-1',
      jwkThumbprint: null,
      responseUri: 'https://hotel.example.cn/post',
    });
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript,
      docType: TYPE,
      disclose: { [TYPE]: ['full_name', 'age_over_18'] },
    });
    const response = encodeDeviceResponse(createDeviceResponse([document]));
    expect(detectPresentationFormat(response)).toBe('mdoc-device-response');
    const report = await verifyPresentation(platform, response, {
      trust: authority.trustSource,
      now,
      sessionTranscript,
    });
    expect(report.valid).toBe(true);
    expect(report.claims?.[TYPE]).toEqual({ full_name: '陈小红', age_over_18: true });

    const withoutTranscript = await verifyPresentation(platform, response, { trust: authority.trustSource, now });
    expect(withoutTranscript.valid).toBe(false);
    expect(withoutTranscript.checks.find((c) => c.outcome === 'failed')?.id).toBe('device_binding');

    const twoDocuments = encodeDeviceResponse(createDeviceResponse([document, document]));
    const refused = await verifyPresentation(platform, twoDocuments, { trust: authority.trustSource, now });
    expect(refused.checks[0]?.code).toBe('ERR_MDOC_RESPONSE_STATUS');

    const bare = encodeIssuerSigned(issuerSigned);
    expect(detectPresentationFormat(bare)).toBe('mdoc-issuer-signed');
    const bareReport = await verifyPresentation(platform, bare, { trust: authority.trustSource, now });
    expect(bareReport.valid).toBe(true);
    expect(bareReport.claims?.[TYPE]?.id_number).toBe(claims.id_number);
  });

  it('SD-JWT VC with key binding', async () => {
    const { authority, device } = await setup(suite);
    const sdJwt = await issueSdJwtVc(platform, {
      signer: authority.documentSigner.signer,
      x5c: authority.chain,
      vct: TYPE,
      claims: toSdJwtClaims(claims),
      selectivelyDisclosable: Object.keys(claims),
      holderPublicKey: device.publicKey,
      exp: until,
      now,
    });
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: ['age_over_18'],
      holderSigner: device,
      audience: 'https://bank.example.cn',
      nonce: 'n-2',
      now,
    });
    expect(detectPresentationFormat(presentation)).toBe('sd-jwt-vc');
    const report = await verifyPresentation(platform, presentation, {
      trust: authority.trustSource,
      now,
      audience: 'https://bank.example.cn',
      nonce: 'n-2',
      expectedType: TYPE,
    });
    expect(report.valid).toBe(true);
    expect(report.claims?.[TYPE]).toMatchObject({ age_over_18: true });
    expect(report.claims?.[TYPE]).not.toHaveProperty('full_name');
    const wrongNonce = await verifyPresentation(platform, presentation, {
      trust: authority.trustSource,
      now,
      audience: 'https://bank.example.cn',
      nonce: 'other',
    });
    expect(wrongNonce.checks.find((c) => c.outcome === 'failed')?.code).toBe('ERR_SDJWT_KB_INVALID');
  });

  it('ZZ1 offline QR', async () => {
    const { authority, device } = await setup(suite);
    const credential = await issueQrCredential(platform, {
      signer: authority.documentSigner.signer,
      kid: authority.kid,
      typeId: TYPE,
      purpose: 'age_over_18',
      claims,
      holderPublicKey: device.publicKey,
      iat: now,
      exp: until,
    });
    const text = await presentQr(platform, { credential, deviceSigner: device, now });
    expect(detectPresentationFormat(`  ${text}\n`)).toBe('zz1-qr');
    const report = await verifyPresentation(platform, `${text}\n`, { trust: authority.trustSource, now });
    expect(report.valid).toBe(true);
    expect(report.claims?.[TYPE]).toEqual({ age_over_18: true });
  });
});

describe('verifyPresentation on input it cannot read', () => {
  it('throws ERR_FORMAT_UNKNOWN for text and bytes of no known format', async () => {
    const authority = await createTestAuthority({ platform, suite: 'ES256', now });
    for (const input of ['hello', 'HC1:NCFOXN', utf8Encode('not cbor at all \u0000'), new Uint8Array([0xa1, 1, 2])]) {
      const outcome = await verifyPresentation(platform, input, { trust: authority.trustSource, now }).catch(
        (error: unknown) => error,
      );
      expect(isZzError(outcome, 'ERR_FORMAT_UNKNOWN')).toBe(true);
    }
  });
});
