import { webcrypto } from 'node:crypto';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, syntheticResidentClaims } from '@zhengzhao/test-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Until the core index re-exports this area, import it directly.
import {
  createAuthorizationRequest,
  createAuthorizationRequestLink,
  createAuthorizationResponse,
  createDeviceResponse,
  createOid4vpRequestSessionTranscript,
  createOid4vpVerifierSessions,
  type DcqlHeldCredential,
  decodeSdJwt,
  encodeBase64url,
  encodeDeviceResponse,
  issueMdoc,
  issueSdJwtVc,
  isZzError,
  mdocClaims,
  type Oid4vpEncryptionJwk,
  type Oid4vpResponseMode,
  parseAuthorizationRequestLink,
  parseAuthorizationResponse,
  presentMdoc,
  presentSdJwtVc,
  processSdJwtDisclosures,
  selectCredentialsForQuery,
  toMdocNameSpaces,
  toSdJwtClaims,
  verifyAuthorizationRequest,
  verifyVpToken,
} from '../../src/index.js';
import { createTestReader } from './reader-certificate.js';

const platform = createNodePlatform();
const now = new Date('2026-06-01T08:00:00Z');
const until = new Date('2026-12-01T00:00:00Z');
const TYPE = 'cn.gov.eid.1';
const HOST = 'verifier.example.org';
const CLIENT_ID = `x509_san_dns:${HOST}`;
const RESPONSE_URI = `https://${HOST}/post`;
const claims = syntheticResidentClaims();
const dcqlQuery = {
  credentials: [
    {
      id: 'eid_mdoc',
      format: 'mso_mdoc',
      meta: { doctype_value: TYPE },
      claims: [{ path: [TYPE, 'age_over_18'] }, { path: [TYPE, 'family_name'] }],
    },
    { id: 'eid_sdjwt', format: 'dc+sd-jwt', meta: { vct_values: [TYPE] }, claims: [{ path: ['age_over_18'] }] },
  ],
} as const;

async function setup(responseMode: Oid4vpResponseMode, enc: 'A128GCM' | 'A256GCM' = 'A128GCM') {
  const authority = await createTestAuthority({ platform, suite: 'ES256', now });
  const device = await platform.suite('ES256').generateSigner();
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
  const reader = await createTestReader(HOST, now);
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const publicJwk = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
  const encJwk: Oid4vpEncryptionJwk = {
    kty: 'EC',
    crv: 'P-256',
    x: publicJwk.x as string,
    y: publicJwk.y as string,
    use: 'enc',
    alg: 'ECDH-ES',
    kid: 'k1',
  };
  const nonce = encodeBase64url(platform.randomBytes(16));
  const created = await createAuthorizationRequest({
    signer: reader.signer,
    x5c: reader.x5c,
    clientId: CLIENT_ID,
    responseUri: RESPONSE_URI,
    responseMode,
    nonce,
    state: `s-${nonce}`,
    dcqlQuery: dcqlQuery as never,
    clientMetadata: {
      jwks: { keys: [encJwk] },
      encrypted_response_enc_values_supported: [enc],
      vp_formats_supported: { 'dc+sd-jwt': {}, mso_mdoc: {} },
    },
    now,
  });
  return { authority, device, issuerSigned, sdJwt, reader, keys, created };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Wallet: verify the request, select, present, respond. */
async function walletRespond(s: Setup, requestObject = s.created.requestObject) {
  const request = await verifyAuthorizationRequest(platform, requestObject, {
    trust: s.reader.trust,
    now,
    expectedClientId: CLIENT_ID,
  });
  const processed = await processSdJwtDisclosures(
    platform,
    decodeSdJwt(s.sdJwt).jwt.payload,
    decodeSdJwt(s.sdJwt).disclosures,
  );
  const held: DcqlHeldCredential[] = [
    { id: 'mdoc', format: 'mso_mdoc', docType: TYPE, nameSpaces: mdocClaims(s.issuerSigned) },
    { id: 'sdjwt', format: 'dc+sd-jwt', vct: TYPE, claims: processed.claims },
  ];
  const selection = selectCredentialsForQuery(request.dcqlQuery, held);
  const presentations: Record<string, string[]> = {};
  const mdocMatch = selection.eid_mdoc?.[0];
  const sdMatch = selection.eid_sdjwt?.[0];
  if (mdocMatch?.format !== 'mso_mdoc' || sdMatch?.format !== 'dc+sd-jwt') throw new Error('selection shape');
  const document = await presentMdoc(platform, {
    issuerSigned: s.issuerSigned,
    deviceSigner: s.device,
    sessionTranscript: await createOid4vpRequestSessionTranscript(platform, request),
    docType: TYPE,
    disclose: mdocMatch.disclose,
  });
  presentations.eid_mdoc = [encodeBase64url(encodeDeviceResponse(createDeviceResponse([document])))];
  presentations.eid_sdjwt = [
    await presentSdJwtVc(platform, s.sdJwt, {
      disclose: sdMatch.disclose,
      holderSigner: s.device,
      audience: request.clientId,
      nonce: request.nonce,
      now,
    }),
  ];
  return { request, response: await createAuthorizationResponse({ request, presentations }) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : String(error);
  }
}

describe.each([['direct_post'], ['direct_post.jwt']] as const)('OpenID4VP 1.0 flow (%s)', (mode) => {
  it('verifier request → wallet presentation → verifier verifies only the requested claims', async () => {
    const s = await setup(mode);
    const sessions = createOid4vpVerifierSessions();
    sessions.add(s.created.request, new Date(now.getTime() + 300_000));
    const link = createAuthorizationRequestLink(CLIENT_ID, `https://${HOST}/request/1`);
    expect(parseAuthorizationRequestLink(link)).toEqual({
      clientId: CLIENT_ID,
      requestUri: `https://${HOST}/request/1`,
    });

    const { response } = await walletRespond(s);
    expect(response.uri).toBe(RESPONSE_URI);
    const form = new URLSearchParams(response.body);
    if (mode === 'direct_post') {
      expect(form.get('state')).toBe(s.created.request.state);
      expect(JSON.parse(form.get('vp_token') as string)).toHaveProperty('eid_mdoc');
    } else {
      expect([...form.keys()]).toEqual(['response']);
      const header = JSON.parse(
        Buffer.from((form.get('response') as string).split('.')[0] as string, 'base64url').toString(),
      );
      expect(header).toMatchObject({ alg: 'ECDH-ES', enc: 'A128GCM', kid: 'k1' });
    }

    const request = sessions.consume(s.created.request.state, now);
    const parsed = await parseAuthorizationResponse(response.body, { request, decryptionKey: s.keys.privateKey });
    const reports = await verifyVpToken(platform, parsed.vpToken, { request, trust: s.authority.trustSource, now });
    expect(reports.eid_mdoc?.[0]?.valid).toBe(true);
    expect(reports.eid_mdoc?.[0]?.claims).toEqual({ [TYPE]: { age_over_18: true, family_name: '陈' } });
    expect(reports.eid_sdjwt?.[0]?.valid).toBe(true);
    expect(Object.keys(reports.eid_sdjwt?.[0]?.claims?.[TYPE] ?? {})).toContain('age_over_18');
    expect(reports.eid_sdjwt?.[0]?.claims?.[TYPE]).not.toHaveProperty('full_name');
    expect(reports.eid_sdjwt?.[0]?.claims?.[TYPE]).not.toHaveProperty('family_name');

    // Replay: the state (and its nonce) answers once.
    expect(await codeOf(Promise.resolve().then(() => sessions.consume(s.created.request.state, now)))).toBe(
      'ERR_OID4VP_STATE_UNKNOWN',
    );
    expect(() => sessions.add(s.created.request, new Date(now.getTime() + 300_000))).toThrow();
  });

  it('a presentation bound to another audience or transcript fails verification', async () => {
    const s = await setup(mode);
    const { request, response } = await walletRespond(s);
    const parsed = await parseAuthorizationResponse(response.body, { request, decryptionKey: s.keys.privateKey });
    const other = { ...request, clientId: 'x509_san_dns:other.example.org' };
    const reports = await verifyVpToken(platform, parsed.vpToken, {
      request: other,
      trust: s.authority.trustSource,
      now,
    });
    expect(reports.eid_sdjwt?.[0]?.valid).toBe(false);
    expect(reports.eid_sdjwt?.[0]?.checks.find((c) => c.outcome === 'failed')?.code).toBe('ERR_SDJWT_KB_INVALID');
    expect(reports.eid_mdoc?.[0]?.valid).toBe(false);
    expect(reports.eid_mdoc?.[0]?.checks.find((c) => c.outcome === 'failed')?.id).toBe('device_binding');
    expect(reports.eid_sdjwt?.[0]?.claims).toBeUndefined();
  });
});

describe('OpenID4VP request and response checks', () => {
  it('A256GCM when the verifier asks for it; wrong key and kid are refused', async () => {
    const s = await setup('direct_post.jwt', 'A256GCM');
    const { request, response } = await walletRespond(s);
    const jwe = new URLSearchParams(response.body).get('response') as string;
    expect(JSON.parse(Buffer.from(jwe.split('.')[0] as string, 'base64url').toString()).enc).toBe('A256GCM');
    const wrongKey = (await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ])) as CryptoKeyPair;
    expect(
      await codeOf(parseAuthorizationResponse(response.body, { request, decryptionKey: wrongKey.privateKey })),
    ).toBe('ERR_OID4VP_RESPONSE_INVALID');
    const otherKid = {
      ...request,
      encryption: { jwk: { ...(request.encryption?.jwk as Oid4vpEncryptionJwk), kid: 'k2' }, enc: 'A256GCM' as const },
    };
    expect(
      await codeOf(parseAuthorizationResponse(response.body, { request: otherKid, decryptionKey: s.keys.privateKey })),
    ).toBe('ERR_OID4VP_RESPONSE_INVALID');
  });

  it('refuses a tampered request signature, wrong prefixes, a foreign link client_id and untrusted signers', async () => {
    const s = await setup('direct_post');
    const [h, p, sig] = s.created.requestObject.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, nonce: 'x'.repeat(32) })).toString('base64url')}.${sig}`;
    const opts = { trust: s.reader.trust, now };
    expect(await codeOf(verifyAuthorizationRequest(platform, tampered, opts))).toBe('ERR_JWS_SIGNATURE_INVALID');
    for (const clientId of ['redirect_uri:https://x.example/post', 'origin:https://x.example', 'x509_hash:abc', HOST]) {
      const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, client_id: clientId, iss: clientId })).toString('base64url')}.${sig}`;
      expect(await codeOf(verifyAuthorizationRequest(platform, forged, opts))).toBe('ERR_OID4VP_CLIENT_ID_INVALID');
    }
    expect(
      await codeOf(
        verifyAuthorizationRequest(platform, s.created.requestObject, {
          ...opts,
          expectedClientId: 'x509_san_dns:evil.example',
        }),
      ),
    ).toBe('ERR_OID4VP_CLIENT_ID_INVALID');
    const stranger = await createTestReader(HOST, now);
    expect(
      await codeOf(verifyAuthorizationRequest(platform, s.created.requestObject, { trust: stranger.trust, now })),
    ).toMatch(/^ERR_TRUST_/);
    expect(
      await codeOf(
        verifyAuthorizationRequest(platform, s.created.requestObject, {
          ...opts,
          now: new Date(now.getTime() + 3_600_000),
        }),
      ),
    ).toBe('ERR_OID4VP_REQUEST_INVALID');
    // The verifier cannot sign for a host its certificate does not name.
    expect(
      await codeOf(
        createAuthorizationRequest({
          signer: s.reader.signer,
          x5c: s.reader.x5c,
          clientId: 'x509_san_dns:other.example.org',
          responseUri: RESPONSE_URI,
          responseMode: 'direct_post',
          nonce: 'n'.repeat(22),
          dcqlQuery: dcqlQuery as never,
          now,
        }),
      ),
    ).toBe('ERR_OID4VP_CLIENT_ID_INVALID');
  });

  it('accepts unsigned redirect_uri: requests only when enabled', async () => {
    const params = {
      response_type: 'vp_token',
      response_mode: 'direct_post',
      client_id: `redirect_uri:${RESPONSE_URI}`,
      response_uri: RESPONSE_URI,
      nonce: 'n'.repeat(22),
      dcql_query: dcqlQuery,
    };
    const reader = await createTestReader(HOST, now);
    expect(await codeOf(verifyAuthorizationRequest(platform, params, { trust: reader.trust, now }))).toBe(
      'ERR_OID4VP_CLIENT_ID_INVALID',
    );
    const ok = await verifyAuthorizationRequest(platform, params, { trust: reader.trust, now, allowRedirectUri: true });
    expect(ok.clientIdPrefix).toBe('redirect_uri');
    expect(
      await codeOf(
        verifyAuthorizationRequest(
          platform,
          { ...params, client_id: 'redirect_uri:https://evil.example/post' },
          { trust: reader.trust, now, allowRedirectUri: true },
        ),
      ),
    ).toBe('ERR_OID4VP_CLIENT_ID_INVALID');
  });

  it('response parsing fails only with ZzErrors on arbitrary bodies (fast-check)', async () => {
    const s = await setup('direct_post');
    const { request } = await walletRespond(s);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => `vp_token=${encodeURIComponent(JSON.stringify(v))}&state=${request.state}`),
        ),
        async (text) => {
          const code = await codeOf(parseAuthorizationResponse(text, { request }));
          expect(code).toMatch(/^ERR_/);
        },
      ),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        const code = await codeOf(verifyAuthorizationRequest(platform, text, { trust: s.reader.trust, now }));
        expect(code).toMatch(/^ERR_/);
      }),
      { numRuns: 200 },
    );
  });
});
