import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  coseX5Chain,
  decodeCbor,
  decodeDeviceResponse,
  fromHex,
  type MdocSessionTranscript,
  type PublicKey,
  parseMobileSecurityObject,
  type Tag,
  toHex,
  verifyDeviceResponse,
  wrapTag24,
} from '../../src/index.js';
import { createFakeTrust, platform } from './mdoc-fixtures.js';

/** ISO/IEC 18013-5 Annex D DeviceResponse, as transcribed by multipaz (see shared/vectors/README.md). */
const vectorUrl = new URL('../../../../../shared/vectors/mdoc/iso18013-5_annexD_device_response.json', import.meta.url);
const vector = JSON.parse(readFileSync(vectorUrl, 'utf8')) as {
  vectors: Record<string, string>;
  expected: { DeviceResponse: Record<string, unknown>; MSO: Record<string, unknown> };
};
const hex = vector.vectors;
const expectedMso = vector.expected.MSO as {
  valueDigests: Record<string, Record<string, string>>;
  signed_ms: number;
  validUntil_ms: number;
};

/** The P-256 point of a certificate's SPKI: a tiny DER search for the prime256v1 OID then `03 42 00 04`. */
function p256PointOfCertificate(der: Uint8Array): PublicKey {
  const text = toHex(der);
  const oid = text.indexOf('06082a8648ce3d030107');
  const bits = text.indexOf('03420004', oid);
  expect(oid).toBeGreaterThan(0);
  return { suite: 'ES256', point: fromHex(text.slice(bits + 6, bits + 6 + 130)) };
}

const now = new Date('2021-01-01T00:00:00Z');
const bytes = fromHex(hex.DEVICE_RESPONSE as string);
const dsCert = fromHex(hex.DS_CERT as string);
const trust = createFakeTrust([[dsCert, p256PointOfCertificate(dsCert)]]);
const sessionTranscript = (decodeCbor(fromHex(hex.SESSION_TRANSCRIPT_BYTES as string)) as Tag).value as Uint8Array;

describe('ISO/IEC 18013-5 Annex D DeviceResponse', () => {
  it('parses, with the DS certificate in x5chain and every disclosed digest in the MSO', () => {
    const response = decodeDeviceResponse(bytes);
    expect(response.version).toBe('1.0');
    expect(response.status).toBe(0);
    const [document] = response.documents;
    expect(document?.docType).toBe('org.iso.18013.5.1.mDL');
    const issuerAuth = document?.issuerSigned.issuerAuth;
    expect(issuerAuth && coseX5Chain(issuerAuth).map(toHex)).toEqual([hex.DS_CERT]);
    const mso = parseMobileSecurityObject(issuerAuth?.payload as Uint8Array);
    expect(mso.validityInfo.signed.getTime()).toBe(expectedMso.signed_ms);
    expect(mso.validityInfo.validUntil.getTime()).toBe(expectedMso.validUntil_ms);
    expect(toHex(mso.deviceKey.point)).toBe(`04${hex.STATIC_DEVICE_KEY_X}${hex.STATIC_DEVICE_KEY_Y}`);
    for (const [ns, digests] of Object.entries(expectedMso.valueDigests)) {
      for (const [id, digest] of Object.entries(digests))
        expect(toHex(mso.valueDigests.get(ns)?.get(Number(id)) as Uint8Array)).toBe(digest);
    }
    const items = document?.issuerSigned.nameSpaces['org.iso.18013.5.1'] ?? [];
    expect(items).toHaveLength(6);
    for (const item of items) {
      const digest = platform.digest('SHA-256', wrapTag24(item.bytes)) as Uint8Array;
      expect(toHex(digest)).toBe(expectedMso.valueDigests['org.iso.18013.5.1']?.[String(item.digestID)]);
    }
    expect(document?.deviceSigned.deviceMac).toBeDefined();
    expect(document?.deviceSigned.nameSpaces.size).toBe(0);
  });

  it('verifies issuerAuth with the DS key and returns the expected elements (device auth not required)', async () => {
    const result = await verifyDeviceResponse(platform, bytes, { trust, now, requireDeviceAuth: false });
    const [report] = result.reports;
    expect(report?.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.valid).toBe(true);
    const claims = report?.claims?.['org.iso.18013.5.1'] ?? {};
    expect(claims.family_name).toBe('Doe');
    expect(claims.document_number).toBe('123456789');
    expect(claims.issue_date).toBe('2019-10-20');
    expect(claims.expiry_date).toBe('2024-10-20');
    expect(claims.driving_privileges).toEqual([
      { vehicle_category_code: 'A', issue_date: '2018-08-09', expiry_date: '2024-10-20' },
      { vehicle_category_code: 'B', issue_date: '2017-02-23', expiry_date: '2024-10-20' },
    ]);
    expect(toHex(claims.portrait as Uint8Array)).toBe(hex.DEVICE_RESPONSE_PORTRAIT_DATA);
  });

  it('reports deviceMac as unsupported when device authentication is required', async () => {
    const transcript = decodeCbor(sessionTranscript) as MdocSessionTranscript;
    expect(transcript).toHaveLength(3);
    const result = await verifyDeviceResponse(platform, bytes, { trust, now, sessionTranscript: transcript });
    expect(result.valid).toBe(false);
    const binding = result.reports[0]?.checks.find((c) => c.id === 'device_binding');
    expect(binding?.code).toBe('ERR_MDOC_DEVICE_AUTH_UNSUPPORTED');
    expect(result.reports[0]?.claims).toBeUndefined();
  });

  it('rejects the vector outside its validity window', async () => {
    for (const [at, code] of [
      ['2020-01-01T00:00:00Z', 'ERR_VALIDITY_NOT_YET_VALID'],
      ['2022-01-01T00:00:00Z', 'ERR_VALIDITY_EXPIRED'],
    ] as const) {
      const result = await verifyDeviceResponse(platform, bytes, {
        trust,
        now: new Date(at),
        requireDeviceAuth: false,
      });
      expect(result.reports[0]?.checks.find((c) => c.id === 'validity')?.code).toBe(code);
    }
  });
});
