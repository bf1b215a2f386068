import {
  bytesEqual,
  CREDENTIAL_CATALOG,
  createTrustListSource,
  decodeCertificatePem,
  encodeBase64url,
  parseCertificate,
  publicKeyToJwk,
  readRelyingPartyRegistration,
  TRUST_LIST_COSE_MEDIA_TYPE,
  TRUST_LIST_JWS_MEDIA_TYPE,
  TRUST_REGISTRY_OID,
  X509_OID,
} from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import {
  createTestAuthority,
  fixedClock,
  issueTestCredential,
  reportOutcome,
  TEST_CREDENTIAL_FORMATS,
  type TestAuthority,
  verifyTestCredential,
} from '@zhengzhao/test-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRUST_REGISTRY_MIGRATIONS, type TrustRegistryApp, type TrustRegistryDatabase } from '../../src/index.js';
import {
  admin,
  createKeyDirectory,
  currentSequence,
  DAY,
  defaultProfile,
  enrolment,
  fetchVerifiedList,
  HOTEL_ELEMENTS,
  HOUR,
  NETCAFE_ELEMENTS,
  NOW,
  newDocumentSigner,
  openTestRegistry,
  pinnedRoot,
  platform,
  readerKey,
  registration,
  trustSourceOf,
} from '../helpers/fixture.js';

const now = new Date(NOW);
const sha256 = async (der: Uint8Array) => encodeBase64url(await platform.digest('SHA-256', der));

/**
 * Zhengzhao issue 6 §1–2 end to end: the registry makes its root, enrols three provinces (one on
 * SM2), registers relying parties, and a verifier that pins nothing but `/root.pem` verifies every
 * province's credentials from `/trust-list`; every change is the next list version.
 */
describeEachDatabase<TrustRegistryDatabase>('national trust registry', TRUST_REGISTRY_MIGRATIONS, (t) => {
  const keyDirectory = createKeyDirectory();
  const clock = fixedClock(NOW);
  let app: TrustRegistryApp;
  let guangdong: TestAuthority;
  let zhejiang: TestAuthority;
  let beijing: TestAuthority;
  const provinces = () =>
    [
      { id: 'cn-44-gat', region: '44', authority: guangdong },
      { id: 'cn-33-gat', region: '33', authority: zhejiang },
      { id: 'cn-11-gaj', region: '11', authority: beijing },
    ] as const;

  beforeAll(async () => {
    [guangdong, zhejiang, beijing] = await Promise.all([
      createTestAuthority({ platform, suite: 'ES256', now, name: 'Guangdong Public Security', province: 'Guangdong' }),
      createTestAuthority({ platform, suite: 'ES256', now, name: 'Zhejiang Public Security', province: 'Zhejiang' }),
      createTestAuthority({ platform, suite: 'SM2', now, name: 'Beijing Public Security', province: 'Beijing' }),
    ]);
    app = await openTestRegistry(t.database, keyDirectory.store(), clock);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    keyDirectory.remove();
  });

  it('first start: an ES256 national root at /root.pem and trust list 1 with the catalog, in both forms', async () => {
    const res = await app.inject({ method: 'GET', url: '/root.pem' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pem-certificate-chain');
    const root = parseCertificate(decodeCertificatePem(res.body));
    expect(root.publicKey.suite).toBe('ES256');
    expect(root.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(bytesEqual(root.issuer.der, root.subject.der)).toBe(true);
    expect(res.headers['x-certificate-sha256']).toBe(await sha256(root.der));
    const keys = await keyDirectory.store().listKeys();
    expect(keys.map((k) => k.keyId)).toEqual(['national-root', 'trust-list-signer']);

    const jws = await fetchVerifiedList(app, now, 'jws');
    const cose = await fetchVerifiedList(app, now, 'cose');
    expect(jws.list).toEqual(cose.list);
    expect(jws.list.sequence).toBe(1);
    expect(jws.list.issued_at).toBe(now.toISOString());
    expect(Date.parse(jws.list.expires_at) - Date.parse(jws.list.issued_at)).toBe(7 * DAY);
    expect(jws.list.authorities).toEqual([]);
    expect(jws.list.relying_parties).toEqual([]);
    expect(jws.list.registration_profiles.map((profile) => profile.id)).toEqual([
      'age-check',
      'gov-login',
      'hotel',
      'netcafe',
      'station',
    ]);
    expect(jws.list.registration_profiles.find((profile) => profile.id === 'hotel')).toEqual(defaultProfile('hotel'));
    const eid = jws.list.credential_types.find((type) => type.id === 'cn.gov.eid.1');
    expect(eid?.authority_kinds).toEqual(['public_security']);
    expect(eid?.elements.map((e) => e.id)).toContain('resident_address');
    expect(jws.signer.extendedKeyUsage).toContain(TRUST_REGISTRY_OID.trustListSigner);
    expect(jws.signer.authorityKeyIdentifier).toEqual(root.subjectKeyIdentifier);
  });

  it('enrols three authorities (two ES256, one SM2): each enrolment publishes exactly the next version', async () => {
    let expected = await currentSequence(app, now);
    for (const { id, region, authority } of provinces()) {
      const res = await admin(app, 'POST', '/admin/authorities', enrolment(authority, id, { region }));
      expect(res.statusCode, res.body).toBe(201);
      expected += 1;
      expect(res.json().sequence).toBe(expected);
      expect(res.json().authority).toMatchObject({ id, region, suite: authority.suite, kind: 'public_security' });
      expect(await currentSequence(app, now)).toBe(expected);
    }
    const { list } = await fetchVerifiedList(app, now, 'cose');
    expect(list.authorities.map((a) => [a.id, a.suite])).toEqual([
      ['cn-11-gaj', 'SM2'],
      ['cn-33-gat', 'ES256'],
      ['cn-44-gat', 'ES256'],
    ]);
    const gd = list.authorities.find((a) => a.id === 'cn-44-gat');
    expect(gd?.iaca).toEqual([guangdong.root.pem]);
    expect(gd?.document_signers).toEqual([guangdong.documentSigner.pem]);
    expect(gd?.status_lists).toEqual(['https://status.cn-44-gat.example.cn/']);
    expect((await app.inject({ method: 'GET', url: '/authorities/cn-11-gaj' })).json()).toEqual(
      list.authorities.find((a) => a.id === 'cn-11-gaj'),
    );
  });

  it('a verifier pinning only /root.pem verifies each authority’s mdoc, SD-JWT VC and QR, from either form', async () => {
    const root = await pinnedRoot(app);
    for (const form of ['jws', 'cose'] as const) {
      const source = await createTrustListSource(platform, await fetchVerifiedList(app, now, form), [root]);
      const seen: string[] = [];
      for (const { id, authority } of provinces()) {
        for (const format of TEST_CREDENTIAL_FORMATS) {
          const credential = await issueTestCredential(platform, authority, format, now);
          expect(
            reportOutcome(await verifyTestCredential(platform, credential, source, now)),
            `${id} ${format} ${form}`,
          ).toBe('ok');
          seen.push(`${authority.suite}/${format}`);
        }
      }
      expect(seen).toContain('SM2/qr');
      const stranger = await createTestAuthority({ platform, suite: 'ES256', now });
      const foreign = await issueTestCredential(platform, stranger, 'mdoc', now);
      expect(reportOutcome(await verifyTestCredential(platform, foreign, source, now))).toBe(
        'ERR_TRUST_UNTRUSTED_ROOT',
      );
    }
  }, 60_000);

  it('registers relying parties: a reader certificate under the national root, with the registration inside', async () => {
    const before = await currentSequence(app, now);
    const hotelKey = await readerKey();
    const res = await admin(
      app,
      'POST',
      '/admin/relying-parties',
      registration('hotel', hotelKey, 'hotel', { dns_names: ['Hotel.Example.CN'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.sequence).toBe(before + 1);
    expect(body.chain_pem).toHaveLength(2);
    expect(body.chain_pem[0]).toBe(body.certificate_pem);
    expect(body.chain_pem[1]).toBe((await app.inject({ method: 'GET', url: '/root.pem' })).body);
    const der = decodeCertificatePem(body.certificate_pem);
    const leaf = parseCertificate(der);
    expect(bytesEqual(leaf.publicKey.point, hotelKey.publicKey.point)).toBe(true);
    expect(leaf.extendedKeyUsage).toContain(X509_OID.mdlReaderAuth);
    expect(leaf.subjectAlternativeDnsNames).toEqual(['hotel.example.cn']);
    expect(Date.parse(body.not_after) - Date.parse(body.not_before)).toBe(365 * DAY);
    expect(readRelyingPartyRegistration(leaf)).toEqual({
      id: 'hotel',
      name: { 'zh-CN': '测试 hotel', en: 'Test hotel' },
      profile: 'hotel',
      purpose: defaultProfile('hotel').purpose,
      elements: HOTEL_ELEMENTS,
    });
    expect(body.certificate_sha256).toBe(await sha256(der));

    const netcafe = await admin(
      app,
      'POST',
      '/admin/relying-parties',
      registration('netcafe', await readerKey(), 'netcafe'),
    );
    expect(netcafe.statusCode, netcafe.body).toBe(201);
    expect(netcafe.json().sequence).toBe(before + 2);

    const source = await trustSourceOf(app, now);
    await expect(source.readerTrust.resolveChain([der], { now })).resolves.toBeDefined();
    expect(await source.relyingPartyForCertificate(der, now)).toEqual({
      id: 'hotel',
      profile: 'hotel',
      name: { 'zh-CN': '测试 hotel', en: 'Test hotel' },
      purpose: defaultProfile('hotel').purpose,
      elements: HOTEL_ELEMENTS,
    });
    expect(source.relyingParty('hotel')).toEqual({
      id: 'hotel',
      profile: 'hotel',
      certificates: [body.certificate_sha256],
    });
    expect(
      (await source.relyingPartyForCertificate(decodeCertificatePem(netcafe.json().certificate_pem), now)).elements,
    ).toEqual(NETCAFE_ELEMENTS);

    const entry = await app.inject({ method: 'GET', url: '/relying-parties/hotel' });
    expect(entry.statusCode).toBe(200);
    expect(entry.json()).toMatchObject({
      id: 'hotel',
      profile: 'hotel',
      purpose: defaultProfile('hotel').purpose,
      elements: HOTEL_ELEMENTS,
      dns_names: ['hotel.example.cn'],
      registered_at: now.toISOString(),
      certificates: [{ sha256: body.certificate_sha256, pem: body.certificate_pem }],
    });
    expect(entry.body).not.toContain('"d"');
  });

  it('serves each form with a strong ETag per version, 304 on If-None-Match, Cache-Control and open CORS', async () => {
    const sequence = await currentSequence(app, now);
    const jwt = await app.inject({ method: 'GET', url: '/trust-list.jwt', headers: { origin: 'https://x.example' } });
    const cose = await app.inject({ method: 'GET', url: '/trust-list.cose' });
    const negotiated = await app.inject({
      method: 'GET',
      url: '/trust-list',
      headers: { accept: `${TRUST_LIST_COSE_MEDIA_TYPE}, ${TRUST_LIST_JWS_MEDIA_TYPE};q=0.5` },
    });
    const plain = await app.inject({ method: 'GET', url: '/trust-list' });
    expect(jwt.headers['content-type']).toBe(TRUST_LIST_JWS_MEDIA_TYPE);
    expect(cose.headers['content-type']).toBe(TRUST_LIST_COSE_MEDIA_TYPE);
    expect(negotiated.headers['content-type']).toBe(TRUST_LIST_COSE_MEDIA_TYPE);
    expect(plain.headers['content-type']).toBe(TRUST_LIST_JWS_MEDIA_TYPE);
    expect(plain.headers.vary).toContain('Accept');
    expect(plain.body).toBe(jwt.body);
    expect(Buffer.compare(negotiated.rawPayload, cose.rawPayload)).toBe(0);
    for (const res of [jwt, cose]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers.etag).toMatch(new RegExp(`^"tl-${sequence}-(jws|cose)-[A-Za-z0-9_-]+"$`));
      expect(res.headers['zz-trust-list-sequence']).toBe(String(sequence));
    }
    expect(jwt.headers['access-control-allow-origin']).toBe('*');
    expect(jwt.headers.etag).not.toBe(cose.headers.etag);
    expect(plain.headers.etag).toBe(jwt.headers.etag);
    expect(negotiated.headers.etag).toBe(cose.headers.etag);

    const again = await app.inject({
      method: 'GET',
      url: '/trust-list',
      headers: { 'if-none-match': jwt.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(jwt.headers.etag);
    const weak = await app.inject({
      method: 'GET',
      url: '/trust-list.cose',
      headers: { 'if-none-match': `"other", W/${cose.headers.etag}` },
    });
    expect(weak.statusCode).toBe(304);
    // the JWS tag does not match the COSE form
    const crossed = await app.inject({
      method: 'GET',
      url: '/trust-list.cose',
      headers: { 'if-none-match': jwt.headers.etag as string },
    });
    expect(crossed.statusCode).toBe(200);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/trust-list',
      headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    const rootPem = await app.inject({ method: 'GET', url: '/root.pem' });
    const rootAgain = await app.inject({
      method: 'GET',
      url: '/root.pem',
      headers: { 'if-none-match': rootPem.headers.etag as string },
    });
    expect(rootAgain.statusCode).toBe(304);
    // administration is same-origin only
    const adminRes = await app.inject({ method: 'GET', url: '/admin/audit', headers: { origin: 'https://x.example' } });
    expect(adminRes.headers['access-control-allow-origin']).toBeUndefined();

    // a change: a new version, a new ETag; the old one no longer matches
    await admin(app, 'PUT', '/admin/catalog/cn.gov.eid.1', { authority_kinds: ['public_security'] });
    const next = await app.inject({
      method: 'GET',
      url: '/trust-list',
      headers: { 'if-none-match': jwt.headers.etag as string },
    });
    expect(next.statusCode).toBe(200);
    expect(next.headers['zz-trust-list-sequence']).toBe(String(sequence + 1));
    expect(next.headers.etag).not.toBe(jwt.headers.etag);
  });

  it('rotation: a new document signer joins the next list; credentials of the new and the old one verify', async () => {
    const rotated = await newDocumentSigner(guangdong, now);
    const staleSource = await trustSourceOf(app, now);
    const freshQr = await issueTestCredential(platform, guangdong, 'qr', now, rotated);
    expect(reportOutcome(await verifyTestCredential(platform, freshQr, staleSource, now))).toBe(
      'ERR_TRUST_KID_UNKNOWN',
    );

    const before = await currentSequence(app, now);
    const res = await admin(app, 'POST', '/admin/authorities/cn-44-gat/document-signers', { pem: rotated.pem });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().sequence).toBe(before + 1);
    expect(res.json().authority.document_signers).toEqual([guangdong.documentSigner.pem, rotated.pem]);

    const source = await trustSourceOf(app, now);
    for (const format of TEST_CREDENTIAL_FORMATS) {
      const fresh = await issueTestCredential(platform, guangdong, format, now, rotated);
      const old = await issueTestCredential(platform, guangdong, format, now);
      expect(reportOutcome(await verifyTestCredential(platform, fresh, source, now)), format).toBe('ok');
      expect(reportOutcome(await verifyTestCredential(platform, old, source, now)), format).toBe('ok');
    }
  });

  it('a compromised key: the next list refuses what it signed from `since` on, not what it signed before', async () => {
    const since = new Date(now.getTime() - 2 * HOUR);
    const before = await currentSequence(app, now);
    const res = await admin(app, 'POST', '/admin/authorities/cn-44-gat/compromised-keys', {
      certificate_pem: guangdong.documentSigner.pem,
      since: since.toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().sequence).toBe(before + 1);
    const { list } = await fetchVerifiedList(app, now);
    expect(list.authorities.find((a) => a.id === 'cn-44-gat')?.compromised_keys).toEqual([
      { certificate_sha256: await sha256(guangdong.documentSigner.der), since: since.toISOString() },
    ]);
    const source = await trustSourceOf(app, now);
    for (const format of TEST_CREDENTIAL_FORMATS) {
      const earlier = await issueTestCredential(platform, guangdong, format, new Date(since.getTime() - HOUR));
      const later = await issueTestCredential(platform, guangdong, format, since);
      expect(reportOutcome(await verifyTestCredential(platform, earlier, source, now)), format).toBe('ok');
      expect(reportOutcome(await verifyTestCredential(platform, later, source, now)), format).toBe(
        'ERR_TRUST_KEY_COMPROMISED',
      );
    }
    // the same key again is a conflict, and publishes nothing
    const again = await admin(app, 'POST', '/admin/authorities/cn-44-gat/compromised-keys', {
      certificate_pem: guangdong.documentSigner.pem,
      since: now.toISOString(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ERR_TRUST_REGISTRY_KEY_ALREADY_COMPROMISED');
    expect(await currentSequence(app, now)).toBe(before + 1);
  });

  it('withdrawal: the next list refuses what the authority signed from `at` on; later changes to it are 409', async () => {
    const at = new Date(now.getTime() - HOUR);
    const res = await admin(app, 'POST', '/admin/authorities/cn-33-gat/withdraw', { at: at.toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().authority.withdrawn_at).toBe(at.toISOString());
    const source = await trustSourceOf(app, now);
    const earlier = await issueTestCredential(platform, zhejiang, 'sd-jwt', new Date(at.getTime() - HOUR));
    const later = await issueTestCredential(platform, zhejiang, 'sd-jwt', now);
    expect(reportOutcome(await verifyTestCredential(platform, earlier, source, now))).toBe('ok');
    expect(reportOutcome(await verifyTestCredential(platform, later, source, now))).toBe('ERR_TRUST_ISSUER_WITHDRAWN');
    // Beijing (SM2) is untouched
    expect(
      reportOutcome(
        await verifyTestCredential(platform, await issueTestCredential(platform, beijing, 'qr', now), source, now),
      ),
    ).toBe('ok');

    for (const [url, payload] of [
      ['/admin/authorities/cn-33-gat/withdraw', {}],
      ['/admin/authorities/cn-33-gat/document-signers', { pem: zhejiang.documentSigner.pem }],
    ] as const) {
      const refused = await admin(app, 'POST', url, payload);
      expect(refused.statusCode, url).toBe(409);
      expect(refused.json().code).toBe('ERR_TRUST_REGISTRY_AUTHORITY_WITHDRAWN');
    }
  });

  it('another certificate for a party, then de-registration: both appear in the next lists', async () => {
    const second = await readerKey();
    const issued = await admin(app, 'POST', '/admin/relying-parties/hotel/certificates', {
      public_key_jwk: publicKeyToJwk(second.publicKey),
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const secondDer = decodeCertificatePem(issued.json().certificate_pem);
    let source = await trustSourceOf(app, now);
    expect(source.relyingParty('hotel')?.certificates).toHaveLength(2);
    expect((await source.relyingPartyForCertificate(secondDer, now)).id).toBe('hotel');

    const netcafeDer = decodeCertificatePem(
      (await app.inject({ method: 'GET', url: '/relying-parties/netcafe' })).json().certificates[0].pem,
    );
    expect((await source.relyingPartyForCertificate(netcafeDer, now)).id).toBe('netcafe');
    const before = await currentSequence(app, now);
    const res = await admin(app, 'POST', '/admin/relying-parties/netcafe/deregister', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sequence: before + 1, relying_party: { deregistered_at: now.toISOString() } });
    source = await trustSourceOf(app, now);
    await expect(source.relyingPartyForCertificate(netcafeDer, now)).rejects.toMatchObject({
      code: 'ERR_READER_DEREGISTERED',
    });
    const more = await admin(app, 'POST', '/admin/relying-parties/netcafe/certificates', {
      public_key_jwk: publicKeyToJwk(second.publicKey),
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('ERR_TRUST_REGISTRY_RELYING_PARTY_DEREGISTERED');
  });

  it('registration profiles: GET is public; PUT creates or replaces one, and the list’s profile decides what a party may ask', async () => {
    const listed = await app.inject({
      method: 'GET',
      url: '/registration-profiles',
      headers: { origin: 'https://x.example' },
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe('*');
    expect(listed.json().registration_profiles).toContainEqual(defaultProfile('station'));

    // a new profile: 201, the next version, and a party registered under it
    const before = await currentSequence(app, now);
    const bank = {
      name: { 'zh-CN': '银行开户', en: 'Bank account opening' },
      purpose: { 'zh-CN': '开户客户身份识别', en: 'Customer due diligence' },
      elements: { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['full_name', 'id_number', 'resident_address', 'portrait'] } },
    };
    const created = await admin(app, 'PUT', '/admin/registration-profiles/bank', bank);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ registration_profile: { id: 'bank', ...bank }, sequence: before + 1 });
    const branch = await admin(
      app,
      'POST',
      '/admin/relying-parties',
      registration('bank-1', await readerKey(), 'bank'),
    );
    expect(branch.statusCode, branch.body).toBe(201);
    const branchDer = decodeCertificatePem(branch.json().certificate_pem);
    expect(readRelyingPartyRegistration(parseCertificate(branchDer))).toEqual({
      id: 'bank-1',
      name: { 'zh-CN': '测试 bank-1', en: 'Test bank-1' },
      profile: 'bank',
      purpose: bank.purpose,
      elements: bank.elements,
    });
    let source = await trustSourceOf(app, now);
    expect(source.registrationProfile('bank')).toEqual({ id: 'bank', ...bank });
    expect((await source.relyingPartyForCertificate(branchDer, now)).elements).toEqual(bank.elements);

    // replaced: 200; the party may ask for what the list now says, with the certificate it has
    const narrower = { ...bank, elements: { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['full_name', 'id_number'] } } };
    const replaced = await admin(app, 'PUT', '/admin/registration-profiles/bank', narrower);
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().sequence).toBe(before + 3);
    source = await trustSourceOf(app, now);
    expect(await source.relyingPartyForCertificate(branchDer, now)).toMatchObject({
      id: 'bank-1',
      profile: 'bank',
      name: { en: 'Test bank-1' },
      elements: narrower.elements,
    });
    expect((await app.inject({ method: 'GET', url: '/relying-parties/bank-1' })).json()).toMatchObject({
      profile: 'bank',
      elements: narrower.elements,
    });
    // a certificate issued now carries the profile as it stands
    const renewed = await admin(app, 'POST', '/admin/relying-parties/bank-1/certificates', {
      public_key_jwk: publicKeyToJwk((await readerKey()).publicKey),
    });
    expect(
      readRelyingPartyRegistration(parseCertificate(decodeCertificatePem(renewed.json().certificate_pem)))?.elements,
    ).toEqual(narrower.elements);
  });

  it('the catalog: GET /catalog is public; PUT changes the kinds, which the list and enrolment follow', async () => {
    const catalog = await app.inject({ method: 'GET', url: '/catalog', headers: { origin: 'https://x.example' } });
    expect(catalog.statusCode).toBe(200);
    expect(catalog.headers['access-control-allow-origin']).toBe('*');
    const eid = catalog.json().credential_types.find((type: { id: string }) => type.id === 'cn.gov.eid.1');
    expect(eid).toMatchObject({ namespace: 'cn.gov.eid.1', authority_kinds: ['public_security'] });

    const transport = await createTestAuthority({ platform, suite: 'ES256', now });
    const body = enrolment(transport, 'cn-44-jtt', { kind: 'transport' });
    const refused = await admin(app, 'POST', '/admin/authorities', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('ERR_TRUST_DOCTYPE_NOT_ALLOWED');

    const put = await admin(app, 'PUT', '/admin/catalog/cn.gov.eid.1', {
      authority_kinds: ['public_security', 'transport'],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().credential_type.authority_kinds).toEqual(['public_security', 'transport']);
    const { list } = await fetchVerifiedList(app, now);
    expect(list.sequence).toBe(put.json().sequence);
    expect(list.credential_types.find((type) => type.id === 'cn.gov.eid.1')?.authority_kinds).toEqual([
      'public_security',
      'transport',
    ]);
    expect((await admin(app, 'POST', '/admin/authorities', body)).statusCode).toBe(201);
  });

  it('concurrent changes each get their own version: the sequence never skips or repeats', async () => {
    const start = await currentSequence(app, now);
    const keys = await Promise.all(Array.from({ length: 6 }, () => readerKey()));
    const results = await Promise.all(
      keys.map((key, i) =>
        // two of them ask for the same id: one wins, the other is a conflict that publishes nothing
        admin(app, 'POST', '/admin/relying-parties', registration(`shop-${Math.min(i, 4)}`, key, 'netcafe')),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409]);
    const sequences = results
      .filter((r) => r.statusCode === 201)
      .map((r) => r.json().sequence as number)
      .sort((a, b) => a - b);
    expect(sequences).toEqual([start + 1, start + 2, start + 3, start + 4, start + 5]);
    const { list } = await fetchVerifiedList(app, now);
    expect(list.sequence).toBe(start + 5);
    expect(list.relying_parties.filter((p) => p.id.startsWith('shop-'))).toHaveLength(5);
  });

  it('the audit log records who did what, when, and which list published it; refusals with their code', async () => {
    const res = await admin(app, 'GET', '/admin/audit?limit=500');
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as {
      actor: string;
      action: string;
      target_id: string;
      outcome: string;
      error_code: string | null;
      sequence: number | null;
      at: string;
    }[];
    const enrolments = entries.filter((e) => e.action === 'authority.enrol' && e.outcome === 'ok');
    expect(enrolments.map((e) => e.target_id).sort()).toEqual(['cn-11-gaj', 'cn-33-gat', 'cn-44-gat', 'cn-44-jtt']);
    expect(enrolments.every((e) => e.actor === 'ops-1' && e.sequence !== null && e.at === now.toISOString())).toBe(
      true,
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'authority.enrol',
        target_id: 'cn-44-jtt',
        outcome: 'refused',
        error_code: 'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
        sequence: null,
      }),
    );
    // the first list published the catalog and the registration profiles seeded at start-up
    const first = entries.filter((e) => e.sequence === 1);
    expect(first).toHaveLength(2);
    expect(first).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'catalog.seed',
          actor: 'system',
          target_id: [...CREDENTIAL_CATALOG.keys()].join(','),
        }),
        expect.objectContaining({
          action: 'registration_profile.seed',
          actor: 'system',
          target_id: 'hotel,netcafe,gov-login,station,age-check',
        }),
      ]),
    );
    // every later version 2…n has exactly one audit entry: the change it published
    const published = entries
      .filter((e) => e.outcome === 'ok' && e.sequence !== null && e.sequence > 1)
      .map((e) => e.sequence as number)
      .sort((a, b) => a - b);
    const latest = await currentSequence(app, now);
    expect(published).toEqual(Array.from({ length: latest - 1 }, (_, i) => i + 2));
    // no certificate, key or name in the log
    expect(res.body).not.toMatch(/BEGIN CERTIFICATE|"x":|公安/);
  });
});
