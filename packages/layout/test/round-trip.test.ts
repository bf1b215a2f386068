import { claimsFromJson, issueCatalogCredential, type SuiteId } from '@zhengzhao/core';
import { syntheticResidentJson } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { CMS_OID, LAYOUT_CHECK_IDS, parseCmsSignedData, signLayoutDocument } from '../src/index.js';
import {
  byteRangeOf,
  cmsOf,
  createLayoutFixture,
  type LayoutFixture,
  latin1,
  NOW,
  outcome,
  platform,
  render,
  TYPE,
  validate,
} from './layout-fixture.js';

describe.each(['ES256', 'SM2'] as SuiteId[])('render → sign → validate (%s)', (suite) => {
  let fixture: LayoutFixture;
  beforeAll(async () => {
    fixture = await createLayoutFixture(suite);
  }, 60_000);

  it('validates with every check passed, in order, naming the signer', async () => {
    const report = await validate(fixture, fixture.signed);
    expect(outcome(report)).toBe('ok');
    expect(report.valid).toBe(true);
    expect(report.checks.map((check) => check.id)).toEqual([...LAYOUT_CHECK_IDS]);
    expect(report.checks.every((check) => check.outcome === 'ok')).toBe(true);
    expect(report.signer?.suite).toBe(suite);
    expect(report.signer?.name).toContain('Zhengzhao Test Authority DS');
    expect(report.signingTime?.toISOString()).toBe(NOW.toISOString());
    expect(report.credential?.attachmentName).toBe('credential.txt');
    expect(report.credential?.report?.valid).toBe(true);
  });

  it('writes a PAdES signature dictionary whose ByteRange covers the whole file but /Contents', () => {
    const text = latin1(fixture.signed);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/Filter /Adobe.PPKLite');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toMatch(/\/SigFlags 3/);
    const [start, holeStart = 0, holeEnd = 0, tail = 0] = byteRangeOf(fixture.signed);
    expect(start).toBe(0);
    expect(holeEnd + tail).toBe(fixture.signed.length);
    expect(text[holeStart]).toBe('<');
    expect(text[holeEnd - 1]).toBe('>');
    expect(text.slice(0, holeStart).trimEnd().endsWith('/Contents')).toBe(true);
  });

  it('carries a detached CMS with the suite algorithms, the PAdES attributes and the chain', () => {
    const cms = parseCmsSignedData(cmsOf(fixture.signed));
    expect(cms.digestAlgorithm).toBe(suite === 'ES256' ? CMS_OID.sha256 : CMS_OID.sm3);
    expect(cms.signatureAlgorithm).toBe(suite === 'ES256' ? CMS_OID.ecdsaWithSha256 : CMS_OID.sm2WithSm3);
    expect([...cms.attributes.keys()].sort()).toEqual(
      [CMS_OID.contentType, CMS_OID.messageDigest, CMS_OID.signingCertificateV2].sort(),
    );
    expect(cms.attributes.has(CMS_OID.signingTime)).toBe(false);
    expect(cms.certificates).toEqual([fixture.authority.documentSigner.der]);
  });

  it('signs the same document again with the same bytes outside /Contents', async () => {
    const again = await signLayoutDocument(fixture.rendered, fixture.signer, { platform, now: NOW });
    const [, holeStart = 0, holeEnd = 0] = byteRangeOf(again);
    expect(again.length).toBe(fixture.signed.length);
    expect(Buffer.compare(again.subarray(0, holeStart), fixture.signed.subarray(0, holeStart))).toBe(0);
    expect(Buffer.compare(again.subarray(holeEnd), fixture.signed.subarray(holeEnd))).toBe(0);
  });
});

describe('an SD-JWT VC as the embedded credential', () => {
  it('round-trips when it fits a QR code (fewer disclosures), verified without key binding', async () => {
    const fixture = await createLayoutFixture('ES256');
    const { family_name, given_name, age_over_18, ...printed } = syntheticResidentJson();
    const device = await platform.suite('ES256').generateSigner();
    const sdJwt = (await issueCatalogCredential(platform, {
      format: 'sd-jwt',
      signer: fixture.authority.documentSigner.signer,
      certificateChain: fixture.authority.chain,
      typeId: TYPE,
      claims: claimsFromJson(TYPE, printed),
      deviceKey: device.publicKey,
      issuedAt: NOW,
      expiresAt: new Date(NOW.getTime() + 86_400_000),
      sdJwtDecoys: 0,
    })) as string;
    const pdf = await render(fixture.claims, sdJwt);
    const signed = await signLayoutDocument(pdf, fixture.signer, { platform, now: NOW });
    const report = await validate(fixture, signed);
    expect(outcome(report)).toBe('ok');
    expect(report.credential?.attachmentName).toBe('credential.sd-jwt');
    const skipped = report.credential?.report?.checks?.find((check) => check.id === 'device_binding');
    expect(skipped?.outcome).toBe('skipped');
  }, 60_000);
});
