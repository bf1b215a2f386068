import { createTestAuthority, hasSuite } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  COSE_HEADER,
  createDeviceResponse,
  createOid4vpSessionTranscript,
  encodeDeviceResponse,
  fullDate,
  issueMdoc,
  type MdocDocument,
  parseMobileSecurityObject,
  presentMdoc,
  type SuiteId,
  verifyDeviceResponse,
} from '../../src/index.js';
import { platform } from './mdoc-fixtures.js';

const now = new Date('2026-03-01T08:00:00Z');
const DOC_TYPE = 'cn.gov.eid.1';
const transcript = await createOid4vpSessionTranscript(platform, {
  clientId: 'x509_san_dns:hotel.example.cn',
  nonce: 'nonce-123',
  jwkThumbprint: null,
  responseUri: 'https://hotel.example.cn/post',
});

async function scenario(suite: SuiteId) {
  const authority = await createTestAuthority({ platform, suite, now });
  const device = await platform.suite(suite).generateSigner();
  const issue = (headers: { x5chain?: readonly Uint8Array[]; kid?: Uint8Array }) =>
    issueMdoc(platform, {
      signer: authority.documentSigner.signer,
      ...headers,
      docType: DOC_TYPE,
      nameSpaces: {
        [DOC_TYPE]: { family_name: '李', birth_date: fullDate('1985-02-03'), portrait: new Uint8Array(64) },
      },
      deviceKey: device.publicKey,
      signed: now,
      validFrom: now,
      validUntil: new Date('2027-03-01T00:00:00Z'),
    });
  const present = async (headers: { x5chain?: readonly Uint8Array[]; kid?: Uint8Array }): Promise<MdocDocument> =>
    presentMdoc(platform, {
      issuerSigned: await issue(headers),
      deviceSigner: device,
      sessionTranscript: transcript,
      docType: DOC_TYPE,
    });
  const verify = async (document: MdocDocument) => {
    const bytes = encodeDeviceResponse(createDeviceResponse([document]));
    const { reports } = await verifyDeviceResponse(platform, bytes, {
      trust: authority.trustSource,
      now,
      sessionTranscript: transcript,
    });
    return reports[0];
  };
  return { authority, issue, present, verify };
}

for (const suite of ['ES256', 'SM2'] as const) {
  describe(`mdoc end to end with a test authority (${suite})`, () => {
    it.skipIf(!hasSuite(platform, suite))('verifies with the certificate chain and with the kid', async () => {
      const { authority, present, verify } = await scenario(suite);
      const byChain = await present({ x5chain: authority.chain });
      const report = await verify(byChain);
      expect(report?.valid).toBe(true);
      expect(report?.claims?.[DOC_TYPE]?.birth_date).toBe('1985-02-03');
      expect(report?.issuer?.suite).toBe(suite);
      const mso = parseMobileSecurityObject(byChain.issuerSigned.issuerAuth.payload as Uint8Array);
      expect(mso.digestAlgorithm).toBe(suite === 'SM2' ? 'SM3' : 'SHA-256');
      expect((await verify(await present({ kid: authority.kid })))?.valid).toBe(true);
    });

    it.skipIf(!hasSuite(platform, suite))(
      'refuses expired, untrusted and swapped document-signer certificates',
      async () => {
        const { authority, present, verify } = await scenario(suite);
        const cases: [readonly Uint8Array[], string][] = [
          [[authority.variants.expiredDocumentSigner.der], 'trust_chain:ERR_TRUST_CERT_EXPIRED'],
          [[authority.variants.untrustedDocumentSigner.der], 'trust_chain:ERR_TRUST_UNTRUSTED_ROOT'],
        ];
        for (const [chain, expected] of cases) {
          const report = await verify(await present({ x5chain: chain }));
          const failed = report?.checks.find((c) => c.outcome === 'failed');
          expect(`${failed?.id}:${failed?.code}`).toBe(expected);
        }
        // a valid DS certificate of another authority in place of ours: trusted chain, wrong key
        const other = await createTestAuthority({ platform, suite, now });
        const document = await present({ x5chain: authority.chain });
        const swapped: MdocDocument = {
          ...document,
          issuerSigned: {
            ...document.issuerSigned,
            issuerAuth: {
              ...document.issuerSigned.issuerAuth,
              unprotectedHeaders: new Map<number, CborValue>([[COSE_HEADER.x5chain, other.documentSigner.der]]),
            },
          },
        };
        const bytes = encodeDeviceResponse(createDeviceResponse([swapped]));
        const { reports } = await verifyDeviceResponse(platform, bytes, {
          trust: other.trustSource,
          now,
          sessionTranscript: transcript,
        });
        expect(reports[0]?.checks.find((c) => c.outcome === 'failed')?.code).toBe('ERR_COSE_SIGNATURE_INVALID');
      },
    );
  });
}

describe('MSO signed outside the document signer certificate validity (ISO 18013-5 §9.3.3)', () => {
  it('is refused at the validity check even though the MSO itself is still valid', async () => {
    const { authority, verify } = await scenario('ES256');
    const device = await platform.suite('ES256').generateSigner();
    const longAgo = new Date(authority.documentSigner.certificate.notBefore.getTime() - 86_400_000);
    const issuerSigned = await issueMdoc(platform, {
      signer: authority.documentSigner.signer,
      x5chain: authority.chain,
      docType: DOC_TYPE,
      nameSpaces: { [DOC_TYPE]: { family_name: '李' } },
      deviceKey: device.publicKey,
      signed: longAgo,
      validFrom: longAgo,
      validUntil: new Date('2027-03-01T00:00:00Z'),
    });
    const document = await presentMdoc(platform, {
      issuerSigned,
      deviceSigner: device,
      sessionTranscript: transcript,
      docType: DOC_TYPE,
    });
    const failed = (await verify(document))?.checks.find((c) => c.outcome === 'failed');
    expect(`${failed?.id}:${failed?.code}`).toBe('validity:ERR_VALIDITY_NOT_YET_VALID');
  });
});

describe('SM2 specifics', () => {
  it.skipIf(!hasSuite(platform, 'SM2'))('refuses an SM2-signed mdoc whose alg was switched to ES256 (-7)', async () => {
    const { authority, present, verify } = await scenario('SM2');
    const document = await present({ x5chain: authority.chain });
    const { encodeCbor, decodeCbor } = await import('../../src/index.js');
    const protectedBytes = encodeCbor(new Map([[COSE_HEADER.alg, -7]]));
    const switched: MdocDocument = {
      ...document,
      issuerSigned: {
        ...document.issuerSigned,
        issuerAuth: {
          ...document.issuerSigned.issuerAuth,
          protectedBytes,
          protectedHeaders: decodeCbor(protectedBytes) as Map<number, unknown>,
        },
      },
    };
    const report = await verify(switched);
    expect(report?.checks.find((c) => c.outcome === 'failed')?.code).toBe('ERR_COSE_ALG_MISMATCH');
  });
});
