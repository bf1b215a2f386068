import { Verifier } from '@auth0/mdl';
import { createTestAuthority } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import {
  createDeviceResponse,
  createOid4vpSessionTranscript,
  decodeIssuerSigned,
  encodeDeviceResponse,
  encodeSessionTranscriptBytes,
  issueCatalogCredential,
  MDL_TYPE_ID,
  presentMdoc,
  validateClaims,
  verifyDeviceResponse,
} from '../../src/index.js';
import { platform } from '../mdoc/mdoc-fixtures.js';
import { MDL_CLAIMS } from './catalog-fixtures.js';

// @auth0/mdl checks certificate validity with its own clock, so this test lives in real time.
const now = new Date();
const ISO = 'org.iso.18013.5.1';
const CN = 'cn.gov.mdl.1';

/** A field of a decoded CBOR map, whichever way the decoder represents maps. */
const field = (map: unknown, key: string): unknown =>
  map instanceof Map ? map.get(key) : (map as Record<string, unknown>)[key];

describe('interop: an mDL from the catalog read by @auth0/mdl 3.0.1', () => {
  it('verifies an mDL with driving_privileges (tag-1004 dates) and a second namespace', async () => {
    const authority = await createTestAuthority({ platform, suite: 'ES256', now });
    const device = await platform.suite('ES256').generateSigner();
    const transcript = await createOid4vpSessionTranscript(platform, {
      clientId: 'x509_san_dns:verifier.example.org',
      nonce: 'n-mdl-1',
      jwkThumbprint: null,
      responseUri: 'https://verifier.example.org/post',
    });
    const issued = await issueCatalogCredential(platform, {
      format: 'mdoc',
      signer: authority.documentSigner.signer,
      certificateChain: [authority.documentSigner.der],
      typeId: MDL_TYPE_ID,
      claims: validateClaims(MDL_TYPE_ID, MDL_CLAIMS),
      deviceKey: device.publicKey,
      issuedAt: new Date(now.getTime() - 60_000),
      expiresAt: new Date(now.getTime() + 30 * 24 * 3600_000),
    });
    const document = await presentMdoc(platform, {
      issuerSigned: decodeIssuerSigned(issued as Uint8Array),
      deviceSigner: device,
      sessionTranscript: transcript,
      disclose: {
        [ISO]: ['family_name', 'issuing_country', 'driving_privileges', 'un_distinguishing_sign'],
        [CN]: ['vehicle_classes'],
      },
      docType: MDL_TYPE_ID,
    });
    const bytes = encodeDeviceResponse(createDeviceResponse([document]));

    const checks: { status: string; id?: string }[] = [];
    const verifier = new Verifier([authority.root.pem]);
    const encodedSessionTranscript = encodeSessionTranscriptBytes(transcript);
    await verifier.verify(bytes, { encodedSessionTranscript, onCheck: (check) => checks.push(check) });
    expect(checks.filter((c) => c.status === 'FAILED')).toEqual([]);
    expect(checks.filter((c) => c.id === 'ATTRIBUTE_DIGEST_MATCH' && c.status === 'PASSED')).toHaveLength(5);

    const parsed = await verifier.verify(bytes, { encodedSessionTranscript });
    const doc = parsed.documents[0];
    expect(doc?.docType).toBe(MDL_TYPE_ID);
    const iso = doc?.getIssuerNameSpace(ISO) ?? {};
    expect(iso.family_name).toBe('ZHANG');
    expect(iso.un_distinguishing_sign).toBe('CHN');
    const privileges = iso.driving_privileges as unknown[];
    // C1E = C1 (→ B) plus E (→ A)
    expect(privileges.map((p) => field(p, 'vehicle_category_code'))).toEqual(['B', 'A']);
    // @auth0/mdl turns tag 1004 into its DateOnly class: proof the dates went out tagged
    const issueDate = field(privileges[0], 'issue_date') as Date;
    expect(issueDate.constructor.name).toBe('DateOnly');
    expect(issueDate.toISOString()).toBe('2020-05-10');
    expect((field(privileges[0], 'expiry_date') as Date).toISOString()).toBe('2026-05-10');
    expect(doc?.getIssuerNameSpace(CN)).toEqual({ vehicle_classes: 'C1E' });

    // ours reads the same
    const ours = await verifyDeviceResponse(platform, bytes, {
      trust: authority.trustSource,
      now,
      sessionTranscript: transcript,
      expectedDocType: MDL_TYPE_ID,
    });
    expect(ours.valid).toBe(true);
    expect(ours.reports[0]?.claims?.[ISO]?.driving_privileges).toEqual(MDL_CLAIMS.driving_privileges);
    expect(ours.reports[0]?.claims?.[CN]).toEqual({ vehicle_classes: 'C1E' });
  });
});
