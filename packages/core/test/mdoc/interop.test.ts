import { DeviceResponse, Document, MDoc, Verifier } from '@auth0/mdl';
import { describe, expect, it } from 'vitest';
import {
  createDeviceResponse,
  createOid4vpSessionTranscript,
  decodeDeviceResponse,
  encodeDeviceResponse,
  encodeSessionTranscriptBytes,
  fullDate,
  issueMdoc,
  presentMdoc,
  tdate,
  verifyDeviceResponse,
} from '../../src/index.js';
import { createTestPki, publicJwk, signerToJwk } from './auth0-interop-helpers.js';
import { platform } from './mdoc-fixtures.js';

const MDL = 'org.iso.18013.5.1.mDL';
const MDL_NS = 'org.iso.18013.5.1';
const pki = await createTestPki();
const trust = pki.trustSource;
const device = await platform.suite('ES256').generateSigner();
const transcript = await createOid4vpSessionTranscript(platform, {
  clientId: 'x509_san_dns:verifier.example.org',
  nonce: 'n-0S6_WzA2Mj',
  jwkThumbprint: null,
  responseUri: 'https://verifier.example.org/post',
});
const transcriptBytes = encodeSessionTranscriptBytes(transcript);
// @auth0/mdl checks validity with its own clock, so this test lives in real time.
const now = new Date();

describe('interop with @auth0/mdl 3.0.1', () => {
  it('(a) an mdoc we issue and present verifies in the @auth0/mdl Verifier', async () => {
    const issuerSigned = await issueMdoc(platform, {
      signer: pki.dsSigner,
      x5chain: [pki.dsDer],
      docType: MDL,
      nameSpaces: {
        [MDL_NS]: {
          family_name: 'Wang',
          given_name: 'Fang',
          birth_date: fullDate('1990-05-17'),
          issue_date: fullDate('2026-01-01'),
          issuing_country: 'CN',
          portrait: new Uint8Array(2000).fill(0xab),
          driving_privileges: [new Map<string, never>([['vehicle_category_code', 'C1' as never]])],
          age_over_18: true,
        },
      },
      deviceKey: device.publicKey,
      signed: new Date(now.getTime() - 60_000),
      validFrom: new Date(now.getTime() - 60_000),
      validUntil: new Date(now.getTime() + 30 * 24 * 3600_000),
      expectedUpdate: new Date(now.getTime() + 7 * 24 * 3600_000),
    });
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript: transcript,
      disclose: { [MDL_NS]: ['family_name', 'birth_date', 'issuing_country', 'portrait', 'driving_privileges'] },
      docType: MDL,
    });
    const bytes = encodeDeviceResponse(createDeviceResponse([document]));
    const verifier = new Verifier([pki.rootPem]);
    const checks: { status: string; id?: string; check: string }[] = [];
    await verifier.verify(bytes, {
      encodedSessionTranscript: transcriptBytes,
      onCheck: (check: { status: string; id?: string; check: string }) => checks.push(check),
    });
    expect(checks.filter((c) => c.status === 'FAILED')).toEqual([]);
    expect(checks.some((c) => c.id === 'DEVICE_SIGNATURE_VALIDITY' && c.status === 'PASSED')).toBe(true);
    expect(checks.some((c) => c.id === 'ISSUER_SIGNATURE_VALIDITY' && c.status === 'PASSED')).toBe(true);
    expect(checks.filter((c) => c.id === 'ATTRIBUTE_DIGEST_MATCH' && c.status === 'PASSED')).toHaveLength(5);
    // and in strict mode (throws on the first failed check)
    const parsed = await verifier.verify(bytes, { encodedSessionTranscript: transcriptBytes });
    expect(parsed.documents[0]?.docType).toBe(MDL);
    // a different transcript must fail there too
    const wrong = encodeSessionTranscriptBytes([null, null, ['OpenID4VPHandover', new Uint8Array(32)]]);
    await expect(verifier.verify(bytes, { encodedSessionTranscript: wrong })).rejects.toThrow();
    // ours agrees
    const ours = await verifyDeviceResponse(platform, bytes, { trust, now, sessionTranscript: transcript });
    expect(ours.valid).toBe(true);
  });

  it('(b) a DeviceResponse built by @auth0/mdl verifies in ours with the same claims', async () => {
    const portrait = new Uint8Array(1500).fill(0x5a);
    const signedDoc = await new Document(MDL)
      .addIssuerNameSpace(MDL_NS, {
        family_name: 'Jones',
        given_name: 'Ava',
        birth_date: '2007-03-25',
        issuing_country: 'CN',
        portrait,
        document_number: 'D1234567',
      })
      .useDigestAlgorithm('SHA-256')
      .addValidityInfo({ signed: new Date(now.getTime() - 60_000) })
      .addDeviceKeyInfo({ deviceKey: publicJwk(device.publicKey) })
      .sign({ issuerPrivateKey: pki.dsJwk, issuerCertificate: pki.dsPem, alg: 'ES256' });
    const issued = new MDoc([signedDoc]);
    const presentationDefinition = {
      id: 'pd',
      input_descriptors: [
        {
          id: MDL,
          format: { mso_mdoc: { alg: ['ES256'] } },
          constraints: {
            limit_disclosure: 'required',
            fields: ['family_name', 'birth_date', 'issuing_country', 'portrait'].map((name) => ({
              path: [`$['${MDL_NS}']['${name}']`],
              intent_to_retain: false,
            })),
          },
        },
      ],
    };
    const response = await DeviceResponse.from(issued)
      .usingPresentationDefinition(presentationDefinition as never)
      .usingSessionTranscriptBytes(Buffer.from(transcriptBytes))
      .authenticateWithSignature(signerToJwk(device), 'ES256')
      .sign();
    const bytes = new Uint8Array(response.encode());
    const result = await verifyDeviceResponse(platform, bytes, {
      trust,
      now,
      sessionTranscript: transcript,
      expectedDocType: MDL,
    });
    const report = result.reports[0];
    expect(report?.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(report?.claims).toEqual({
      [MDL_NS]: { family_name: 'Jones', birth_date: '2007-03-25', issuing_country: 'CN', portrait },
    });
    // wrong transcript → our device binding fails
    const other = await verifyDeviceResponse(platform, bytes, {
      trust,
      now,
      sessionTranscript: [null, null, ['OpenID4VPHandover', new Uint8Array(32)]],
    });
    expect(other.reports[0]?.checks.find((c) => c.id === 'device_binding')?.code).toBe(
      'ERR_MDOC_DEVICE_SIGNATURE_INVALID',
    );
    // @auth0/mdl's tag-24 extension does not leak into our decoder
    expect(decodeDeviceResponse(bytes).documents[0]?.issuerSigned.nameSpaces[MDL_NS]).toHaveLength(4);
    expect(tdate(now).tag).toBe(0);
  });
});
