import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  COSE_HEADER,
  createDeviceResponse,
  decodeCbor,
  decodeDeviceResponse,
  decodeIssuerSigned,
  encodeCbor,
  encodeDeviceResponse,
  encodeIssuerSigned,
  type IssueMdocOptions,
  issueMdoc,
  isZzError,
  parseMobileSecurityObject,
  presentMdoc,
  Tag,
  toHex,
  verifyDeviceResponse,
  verifyIssuerSigned,
  wrapTag24,
} from '../../src/index.js';
import { createFixture, DOC_TYPE, FAKE_DS_CERT, NOW, NS, platform, SIGNED } from './mdoc-fixtures.js';

describe('mdoc issuance (ISO/IEC 18013-5 §9.1.2.4)', () => {
  it('emits tag-24 items with ≥16-byte salts, random digestIDs and digests over the emitted bytes', async () => {
    const { issuerSigned } = await createFixture();
    const mso = parseMobileSecurityObject(issuerSigned.issuerAuth.payload as Uint8Array);
    expect(mso.digestAlgorithm).toBe('SHA-256');
    expect(mso.docType).toBe(DOC_TYPE);
    const items = issuerSigned.nameSpaces[NS] ?? [];
    expect(items).toHaveLength(9);
    const ids = items.map((item) => item.digestID);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).not.toEqual(Array.from({ length: 9 }, (_, i) => i));
    for (const item of items) {
      expect(item.random.length).toBeGreaterThanOrEqual(16);
      const digest = platform.digest('SHA-256', wrapTag24(item.bytes)) as Uint8Array;
      expect(toHex(mso.valueDigests.get(NS)?.get(item.digestID) as Uint8Array)).toBe(toHex(digest));
    }
    const encoded = encodeIssuerSigned(issuerSigned);
    const hex = toHex(encoded);
    for (const item of items) expect(hex).toContain(toHex(wrapTag24(item.bytes)));
  });

  it('encodes each item exactly as deterministic CBOR of its map', async () => {
    const { issuerSigned } = await createFixture();
    for (const item of issuerSigned.nameSpaces[NS] ?? []) {
      const map = decodeCbor(item.bytes) as Map<string, unknown>;
      expect([...map.keys()]).toEqual(['random', 'digestID', 'elementValue', 'elementIdentifier']);
      const value = item.elementValue as CborValue;
      const canonical = encodeCbor(
        new Map<string, CborValue>([
          ['digestID', item.digestID],
          ['random', item.random],
          ['elementIdentifier', item.elementIdentifier],
          ['elementValue', value],
        ]),
      );
      expect(toHex(item.bytes)).toBe(toHex(canonical));
    }
  });

  it('puts the MSO in two bstr layers, x5chain in the unprotected header and tdates without fractions', async () => {
    const { issuerSigned } = await createFixture();
    const { issuerAuth } = issuerSigned;
    expect(toHex(issuerAuth.protectedBytes)).toBe('a10126');
    expect(issuerAuth.unprotectedHeaders.get(COSE_HEADER.x5chain)).toEqual(FAKE_DS_CERT);
    const payload = issuerAuth.payload as Uint8Array;
    expect(toHex(payload.subarray(0, 2))).toBe('d818');
    const inner = decodeCbor(payload) as Tag;
    expect(inner).toBeInstanceOf(Tag);
    const msoMap = decodeCbor(inner.value as Uint8Array) as Map<string, unknown>;
    expect(msoMap.get('version')).toBe('1.0');
    const msoHex = toHex(inner.value as Uint8Array);
    // "signed": #6.0("2026-01-01T00:00:00Z")
    expect(msoHex).toContain(`c074${toHex(new TextEncoder().encode('2026-01-01T00:00:00Z'))}`);
    const itemMap = decodeCbor(
      issuerSigned.nameSpaces[NS]?.find((i) => i.elementIdentifier === 'issue_date')?.bytes as Uint8Array,
    ) as Map<string, unknown>;
    expect((itemMap.get('elementValue') as Date).toISOString()).toBe('2026-01-01T08:30:00.000Z');
  });

  it('writes the status reference and round-trips IssuerSigned bytes', async () => {
    const { issuerSigned } = await createFixture({ status: { idx: 42, uri: 'https://status.example/1' } });
    const mso = parseMobileSecurityObject(issuerSigned.issuerAuth.payload as Uint8Array);
    expect(mso.status).toEqual({ idx: 42, uri: 'https://status.example/1' });
    const decoded = decodeIssuerSigned(encodeIssuerSigned(issuerSigned));
    expect(toHex(encodeIssuerSigned(decoded))).toBe(toHex(encodeIssuerSigned(issuerSigned)));
  });

  it('refuses bad issuance input with ERR_INPUT_INVALID', async () => {
    const { issuer, device } = await createFixture();
    const base = {
      signer: issuer,
      x5chain: [FAKE_DS_CERT],
      docType: DOC_TYPE,
      nameSpaces: { [NS]: { a: 1 } },
      deviceKey: device.publicKey,
      signed: SIGNED,
      validFrom: SIGNED,
      validUntil: new Date('2027-01-01T00:00:00Z'),
    };
    for (const bad of <Partial<IssueMdocOptions>[]>[
      { docType: '' },
      { nameSpaces: {} },
      { nameSpaces: { [NS]: {} } },
      { validUntil: new Date('2020-01-01') },
      { x5chain: [] },
    ]) {
      const error = await issueMdoc(platform, { ...base, ...bad }).catch((e: unknown) => e);
      expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
    }
  });
});

describe('mdoc presentation and verification (§9.1.3, §9.3.1)', () => {
  it('presents selected elements with empty DeviceNameSpaces and a detached device signature, and verifies', async () => {
    const { issuerSigned, device, trust, transcript } = await createFixture();
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript: transcript,
      disclose: { [NS]: ['family_name', 'birth_date', 'issue_date', 'portrait', 'address'] },
      docType: DOC_TYPE,
    });
    expect(toHex(wrapTag24(document.deviceSigned.nameSpacesBytes))).toBe('d81841a0');
    expect(document.deviceSigned.deviceSignature?.payload).toBeNull();
    const bytes = encodeDeviceResponse(createDeviceResponse([document]));
    expect(toHex(bytes)).toContain('d81841a0');
    const result = await verifyDeviceResponse(platform, bytes, { trust, now: NOW, sessionTranscript: transcript });
    expect(result.valid).toBe(true);
    expect(result.status).toBe(0);
    const [report] = result.reports;
    expect(report?.checks.map((c) => `${c.id}:${c.outcome}`)).toEqual([
      'trust_chain:ok',
      'issuer_signature:ok',
      'digests:ok',
      'doc_type:ok',
      'validity:ok',
      'status:skipped',
      'device_binding:ok',
    ]);
    expect(report?.claims).toEqual({
      [NS]: {
        family_name: '张',
        birth_date: '1990-05-17',
        issue_date: '2026-01-01T08:30:00Z',
        portrait: new Uint8Array(300).fill(7),
        address: { city: '北京', zip: 100000 },
      },
    });
    expect(report?.issuer?.name).toBe('CN=Test DS');
    expect(report?.credentialType).toBe(DOC_TYPE);
    const decoded = decodeDeviceResponse(bytes);
    expect(decoded.documents[0]?.issuerSigned.nameSpaces['cn.gov.extra']).toBeUndefined();
  });

  it('discloses everything when disclose is undefined, and keeps the item bytes unchanged', async () => {
    const { issuerSigned, device, trust, transcript } = await createFixture();
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript: transcript,
      docType: DOC_TYPE,
    });
    const bytes = encodeDeviceResponse(createDeviceResponse([document]));
    const decoded = decodeDeviceResponse(bytes);
    const sent = decoded.documents[0]?.issuerSigned.nameSpaces[NS]?.map((i) => toHex(i.bytes));
    expect(sent).toEqual(issuerSigned.nameSpaces[NS]?.map((i) => toHex(i.bytes)));
    const result = await verifyDeviceResponse(platform, bytes, { trust, now: NOW, sessionTranscript: transcript });
    expect(Object.keys(result.reports[0]?.claims ?? {})).toEqual([NS, 'cn.gov.extra']);
  });

  it('checks the status reference through the resolver', async () => {
    const { issuerSigned, device, trust, transcript } = await createFixture({ status: { idx: 7, uri: 'https://s/1' } });
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript: transcript,
      docType: DOC_TYPE,
    });
    const bytes = encodeDeviceResponse(createDeviceResponse([document]));
    const seen: unknown[] = [];
    for (const [value, code] of [
      [0, undefined],
      [1, 'ERR_STATUS_REVOKED'],
      [2, 'ERR_STATUS_SUSPENDED'],
      [3, 'ERR_STATUS_UNKNOWN_VALUE'],
    ] as const) {
      const statusResolver = {
        resolveStatus: async (ref: unknown) => {
          seen.push(ref);
          return value;
        },
      };
      const result = await verifyDeviceResponse(platform, bytes, {
        trust,
        now: NOW,
        sessionTranscript: transcript,
        statusResolver,
      });
      const report = result.reports[0];
      expect(report?.valid).toBe(code === undefined);
      if (code) {
        expect(report?.checks.find((c) => c.id === 'status')?.code).toBe(code);
        expect(report?.claims).toBeUndefined();
      } else expect(report?.statusValue).toBe(0);
    }
    expect(seen[0]).toEqual({ idx: 7, uri: 'https://s/1' });
  });

  it('verifies an IssuerSigned alone without device_binding', async () => {
    const { issuerSigned, trust } = await createFixture();
    const report = await verifyIssuerSigned(platform, encodeIssuerSigned(issuerSigned), {
      trust,
      now: NOW,
      docType: DOC_TYPE,
    });
    expect(report.valid).toBe(true);
    expect(report.format).toBe('mdoc-issuer-signed');
    expect(report.checks.some((c) => c.id === 'device_binding')).toBe(false);
    expect(report.claims?.[NS]?.given_name).toBe('三');
    const wrong = await verifyIssuerSigned(platform, issuerSigned, { trust, now: NOW, docType: 'cn.gov.mdl.1' });
    expect(wrong.checks.find((c) => c.id === 'doc_type')?.code).toBe('ERR_MDOC_DOCTYPE_MISMATCH');
  });

  it('refuses to present with a foreign device key or for another docType', async () => {
    const { issuerSigned, other, device, transcript } = await createFixture();
    const foreign = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: other,
      sessionTranscript: transcript,
      docType: DOC_TYPE,
    }).catch((e: unknown) => e);
    expect(isZzError(foreign, 'ERR_INPUT_INVALID')).toBe(true);
    const wrongType = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript: transcript,
      docType: 'x',
    }).catch((e: unknown) => e);
    expect(isZzError(wrongType, 'ERR_MDOC_DOCTYPE_MISMATCH')).toBe(true);
  });
});

describe('MSO encoding fast path', () => {
  it('writes exactly encodeCbor(msoValue(...)) with and without the optional members', async () => {
    const { encodeMso, msoValue } = await import('../../src/mdoc/encode-mobile-security-object.js');
    const { device } = await createFixture();
    const valueDigests = new Map([
      [
        'org.iso.18013.5.1',
        new Map([
          [65535, new Uint8Array(32).fill(1)],
          [3, new Uint8Array(32).fill(2)],
          [300, new Uint8Array(32).fill(3)],
          [24, new Uint8Array(32)],
        ]),
      ],
      ['b', new Map([[0, new Uint8Array(32).fill(9)]])],
      ['cn.gov.eid.1', new Map([[77, new Uint8Array(32).fill(4)]])],
    ]);
    const base = {
      digestAlgorithm: 'SHA-256' as const,
      valueDigests,
      deviceKey: device.publicKey,
      docType: DOC_TYPE,
      validityInfo: { signed: SIGNED, validFrom: SIGNED, validUntil: NOW },
    };
    for (const input of [
      base,
      { ...base, status: { idx: 5, uri: 'https://s/1' } },
      {
        ...base,
        validityInfo: { ...base.validityInfo, expectedUpdate: NOW },
        keyAuthorizations: { nameSpaces: ['a'], dataElements: { b: ['c'] } },
      },
    ]) {
      expect(toHex(encodeMso(input))).toBe(toHex(encodeCbor(msoValue(input))));
    }
  });
});
