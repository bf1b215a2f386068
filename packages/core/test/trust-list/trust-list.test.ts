import {
  createTrustListSource,
  decodeCertificatePem,
  elementsOutsideRegistration,
  encodeBase64url,
  parseCertificate,
  readRelyingPartyRegistration,
  signJwsCompact,
  signTrustListJws,
  TRUST_LIST_JWS_TYPE,
  type TrustList,
  verifyTrustList,
  ZzError,
} from '@zhengzhao/core';
import {
  createTestAuthority,
  createTestNationalRegistry,
  issueTestCredential,
  reportOutcome,
  TEST_CREDENTIAL_FORMATS,
  type TestNationalRegistry,
  verifyTestCredential,
} from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';

const NOW = new Date('2026-06-01T08:00:00Z');
const HOUR = 3_600_000;

let registry: TestNationalRegistry;
beforeAll(async () => {
  registry = await createTestNationalRegistry({ now: NOW });
});

const verify = (signed: string | Uint8Array, extra: { now?: Date; minSequence?: number } = {}) =>
  verifyTrustList(registry.platform, signed, { roots: [registry.root.der], now: extra.now ?? NOW, ...extra });

const sourceOf = async (list: TrustList) =>
  createTrustListSource(registry.platform, await verify(await registry.jws(list)), [registry.root.der]);

describe('verifyTrustList: the signed national trust list', () => {
  it('verifies the JWS and the COSE form against the pinned root only, with the same content', async () => {
    const list = registry.list({ sequence: 7 });
    const signedJws = await registry.jws(list);
    const signedCose = await registry.cose(list);
    const jws = await verify(signedJws);
    const cose = await verify(signedCose);
    // the payload is ASCII (Chinese names escaped), and reads back as the list with its names
    const payload = Buffer.from(signedJws.split('.')[1] as string, 'base64url').toString('latin1');
    expect(payload).toMatch(/^[\x20-\x7e]+$/);
    expect(payload).toContain('\\u5e7f\\u4e1c'); // 广东
    expect(Buffer.from(signedCose).includes(Buffer.from(payload))).toBe(true);
    expect(jws.list.authorities[0]?.name['zh-CN']).toBe('广东省公安厅');
    expect(jws.form).toBe('jws');
    expect(cose.form).toBe('cose');
    expect(jws.list).toEqual(list);
    expect(cose.list).toEqual(list);
    expect(jws.list.sequence).toBe(7);
    expect(jws.expiresAt.toISOString()).toBe(list.expires_at);
    expect(jws.signer.subject.commonName).toBe('Trust list signer');
  });

  it('refuses an older sequence number than the one held (rollback) and accepts the same or a newer one', async () => {
    const older = await registry.jws(registry.list({ sequence: 4 }));
    await expect(verify(older, { minSequence: 5 })).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_ROLLBACK' });
    await expect(verify(older, { minSequence: 4 })).resolves.toBeDefined();
    await expect(
      verify(await registry.cose(registry.list({ sequence: 6 })), { minSequence: 5 }),
    ).resolves.toBeDefined();
  });

  it('refuses an expired list and one dated in the future', async () => {
    const list = registry.list();
    const signed = await registry.jws(list);
    await expect(verify(signed, { now: new Date(list.expires_at) })).rejects.toMatchObject({
      code: 'ERR_TRUST_LIST_EXPIRED',
    });
    await expect(verify(signed, { now: new Date(NOW.getTime() - HOUR) })).rejects.toMatchObject({
      code: 'ERR_TRUST_LIST_NOT_YET_VALID',
    });
  });

  it('refuses a forged list: a changed payload, a changed COSE byte, a truncated or empty list', async () => {
    const jws = await registry.jws(registry.list());
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const forgedPayload = encodeBase64url(
      new TextEncoder().encode(JSON.stringify({ ...registry.list(), sequence: 99 })),
    );
    await expect(verify(`${header}.${forgedPayload}.${signature}`)).rejects.toMatchObject({
      code: 'ERR_TRUST_LIST_SIGNATURE',
    });
    const cose = await registry.cose(registry.list());
    const flipped = new Uint8Array(cose);
    const at = new TextDecoder().decode(cose).indexOf('"sequence":1');
    expect(at).toBeGreaterThan(0);
    flipped[at + 11] = '2'.charCodeAt(0);
    await expect(verify(flipped)).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_SIGNATURE' });
    await expect(verify(jws.slice(0, jws.length / 2))).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
    await expect(verify(cose.subarray(0, cose.length - 10))).rejects.toMatchObject({
      code: 'ERR_TRUST_LIST_MALFORMED',
    });
    await expect(verify('')).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
    await expect(verify(`${header}.${payload}`)).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
  });

  it('refuses a list under an unknown root, and one signed by a certificate without the trust-list EKU', async () => {
    const other = await createTestNationalRegistry({ now: NOW });
    await expect(verify(await other.jws(other.list()))).rejects.toMatchObject({ code: 'ERR_TRUST_UNTRUSTED_ROOT' });
    const hotel = registry.relyingParty('hotel');
    const byReader = await signTrustListJws(registry.list(), { signer: hotel.signer, certificateChain: [hotel.der] });
    await expect(verify(byReader)).rejects.toMatchObject({ code: 'ERR_TRUST_KEY_USAGE' });
  });

  it('refuses a wrong typ, a validly signed malformed payload, and an oversized list', async () => {
    const signing = { x5c: [Buffer.from(registry.listSigner.der).toString('base64')] };
    const wrongTyp = await signJwsCompact(
      registry.listSigner.signer,
      { ...signing, typ: 'JWT' },
      { ...registry.list() },
    );
    await expect(verify(wrongTyp)).rejects.toMatchObject({ code: 'ERR_TRUST_LIST_MALFORMED' });
    const noSequence = await signJwsCompact(
      registry.listSigner.signer,
      { ...signing, typ: TRUST_LIST_JWS_TYPE },
      { ...registry.list(), sequence: 'one' },
    );
    await expect(verify(noSequence)).rejects.toMatchObject({
      code: 'ERR_TRUST_LIST_MALFORMED',
      message: expect.stringContaining('sequence'),
    });
    await expect(verify('x'.repeat(33 * 1024 * 1024))).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_LARGE' });
    await expect(verify(42 as unknown as string)).rejects.toBeInstanceOf(ZzError);
  });
});

describe('createTrustListSource: every province verifies with nothing but the national root', () => {
  it('verifies each province’s mdoc, SD-JWT VC and QR (one on SM2)', async () => {
    const source = await sourceOf(registry.list());
    const seen: string[] = [];
    for (const province of registry.provinces) {
      for (const format of TEST_CREDENTIAL_FORMATS) {
        const credential = await issueTestCredential(registry.platform, province.authority, format, NOW);
        const report = await verifyTestCredential(registry.platform, credential, source, NOW);
        expect(reportOutcome(report), `${province.code} ${format}`).toBe('ok');
        seen.push(`${province.code}/${province.authority.suite}/${format}`);
      }
    }
    expect(seen).toContain('11/SM2/qr');
    expect(seen).toHaveLength(9);
  });

  it('refuses an authority not enrolled for the type, or of a kind the catalog does not admit for it', async () => {
    const notEnrolled = await sourceOf(
      registry.list({ edit: (l) => (l.authorities[0] = { ...l.authorities[0]!, credential_types: ['cn.gov.mdl.1'] }) }),
    );
    const wrongKind = await sourceOf(
      registry.list({ edit: (l) => (l.authorities[0] = { ...l.authorities[0]!, kind: 'transport' }) }),
    );
    const credential = await issueTestCredential(registry.platform, registry.province('44').authority, 'mdoc', NOW);
    for (const source of [notEnrolled, wrongKind]) {
      expect(reportOutcome(await verifyTestCredential(registry.platform, credential, source, NOW))).toBe(
        'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
      );
    }
  });

  it('refuses every province’s credentials when the authority is not in the list', async () => {
    const source = await sourceOf(registry.list({ edit: (l) => l.authorities.splice(2, 1) }));
    const credential = await issueTestCredential(registry.platform, registry.province('11').authority, 'sd-jwt', NOW);
    expect(reportOutcome(await verifyTestCredential(registry.platform, credential, source, NOW))).toBe(
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
    const qr = await issueTestCredential(registry.platform, registry.province('11').authority, 'qr', NOW);
    expect(reportOutcome(await verifyTestCredential(registry.platform, qr, source, NOW))).toBe('ERR_TRUST_KID_UNKNOWN');
  });

  it('a key declared compromised at T: credentials signed before T still verify, those signed at or after T do not', async () => {
    const guangdong = registry.province('44');
    const T = new Date(NOW.getTime() - 2 * HOUR);
    const hash = encodeBase64url(await registry.platform.digest('SHA-256', guangdong.authority.documentSigner.der));
    const source = await sourceOf(
      registry.list({
        edit: (l) =>
          (l.authorities[0] = {
            ...l.authorities[0]!,
            compromised_keys: [{ certificate_sha256: hash, since: T.toISOString() }],
          }),
      }),
    );
    for (const format of TEST_CREDENTIAL_FORMATS) {
      const before = await issueTestCredential(
        registry.platform,
        guangdong.authority,
        format,
        new Date(T.getTime() - HOUR),
      );
      const after = await issueTestCredential(registry.platform, guangdong.authority, format, T);
      expect(reportOutcome(await verifyTestCredential(registry.platform, before, source, NOW)), format).toBe('ok');
      expect(reportOutcome(await verifyTestCredential(registry.platform, after, source, NOW)), format).toBe(
        'ERR_TRUST_KEY_COMPROMISED',
      );
    }
    // Zhejiang is not affected
    const zhejiang = await issueTestCredential(registry.platform, registry.province('33').authority, 'mdoc', NOW);
    expect(reportOutcome(await verifyTestCredential(registry.platform, zhejiang, source, NOW))).toBe('ok');
  });

  it('an authority withdrawn at T: what it signed from T on is refused', async () => {
    const T = new Date(NOW.getTime() - HOUR);
    const source = await sourceOf(
      registry.list({ edit: (l) => (l.authorities[2] = { ...l.authorities[2]!, withdrawn_at: T.toISOString() }) }),
    );
    const beijing = registry.province('11').authority;
    const before = await issueTestCredential(registry.platform, beijing, 'sd-jwt', new Date(T.getTime() - HOUR));
    const after = await issueTestCredential(registry.platform, beijing, 'sd-jwt', NOW);
    expect(reportOutcome(await verifyTestCredential(registry.platform, before, source, NOW))).toBe('ok');
    expect(reportOutcome(await verifyTestCredential(registry.platform, after, source, NOW))).toBe(
      'ERR_TRUST_ISSUER_WITHDRAWN',
    );
  });

  it('key rotation: a new document signer is added; credentials of the old one stay valid until they expire', async () => {
    const guangdong = registry.province('44').authority;
    const rotated = await createTestAuthority({ platform: registry.platform, suite: 'ES256', now: NOW });
    // a second authority's DS is not Guangdong's: rotation keeps the IACA and adds a DS under it
    const newDs = await issueNewDocumentSigner(guangdong);
    const source = await sourceOf(
      registry.list({
        edit: (l) =>
          (l.authorities[0] = {
            ...l.authorities[0]!,
            document_signers: [...l.authorities[0]!.document_signers, newDs.pem],
          }),
      }),
    );
    for (const format of TEST_CREDENTIAL_FORMATS) {
      const old = await issueTestCredential(registry.platform, guangdong, format, NOW);
      const fresh = await issueTestCredential(registry.platform, guangdong, format, NOW, newDs);
      expect(reportOutcome(await verifyTestCredential(registry.platform, old, source, NOW)), format).toBe('ok');
      expect(reportOutcome(await verifyTestCredential(registry.platform, fresh, source, NOW)), format).toBe('ok');
    }
    const foreign = await issueTestCredential(registry.platform, rotated, 'mdoc', NOW);
    expect(reportOutcome(await verifyTestCredential(registry.platform, foreign, source, NOW))).toBe(
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
  });
});

describe('relying parties: registration in the reader certificate, status in the list', () => {
  it('the reader certificate carries its registration, and the list names the party', async () => {
    const hotel = registry.relyingParty('hotel');
    const registration = readRelyingPartyRegistration(parseCertificate(hotel.der));
    expect(registration?.id).toBe('hotel');
    expect(registration?.profile).toBe('hotel');
    expect(registration?.elements['cn.gov.eid.1']?.['cn.gov.eid.1']).toContain('resident_address');
    const source = await sourceOf(registry.list());
    await expect(source.readerTrust.resolveChain([hotel.der], { now: NOW })).resolves.toBeDefined();
    expect(await source.relyingPartyForCertificate(hotel.der, NOW)).toEqual({
      id: 'hotel',
      profile: 'hotel',
      name: { 'zh-CN': '测试 hotel', en: 'Test hotel' },
      purpose: { 'zh-CN': '测试用途', en: 'Test purpose' },
      elements: registry.registrationProfiles[0]?.elements,
    });
    expect(source.relyingParty('hotel')).toEqual(hotel.entry);
    expect(source.registrationProfile('netcafe')?.name.en).toBe('Internet café real-name check');
    expect(source.registrationProfile('bank')).toBeUndefined();
  });

  it('a de-registered party, a certificate the list no longer names, and a certificate without registration are refused', async () => {
    const T = new Date(NOW.getTime() - HOUR).toISOString();
    const source = await sourceOf(
      registry.list({
        edit: (l) => (l.relying_parties[1] = { ...l.relying_parties[1]!, deregistered_at: T }),
      }),
    );
    await expect(source.relyingPartyForCertificate(registry.relyingParty('netcafe').der, NOW)).rejects.toMatchObject({
      code: 'ERR_READER_DEREGISTERED',
    });
    const unlisted = await registry.readerCertificate({ id: 'hotel', elements: {} });
    await expect(source.relyingPartyForCertificate(unlisted.der, NOW)).rejects.toMatchObject({
      code: 'ERR_READER_NOT_REGISTERED',
    });
    const stranger = await registry.readerCertificate({ id: 'stranger', elements: {} });
    await expect(source.relyingPartyForCertificate(stranger.der, NOW)).rejects.toMatchObject({
      code: 'ERR_READER_NOT_REGISTERED',
    });
    const iaca = decodeCertificatePem(registry.province('44').entry.iaca[0]!);
    await expect(source.relyingPartyForCertificate(iaca, NOW)).rejects.toMatchObject({
      code: 'ERR_READER_NOT_REGISTERED',
    });
  });

  it('elementsOutsideRegistration: an internet café may ask for the name and validity, not the address', () => {
    const netcafe = registry.registrationProfiles.find((profile) => profile.id === 'netcafe')?.elements ?? {};
    const ask = (identifier: string) => ({ docType: 'cn.gov.eid.1', namespace: 'cn.gov.eid.1', identifier });
    expect(elementsOutsideRegistration([ask('family_name'), ask('expiry_date')], netcafe)).toEqual([]);
    expect(
      elementsOutsideRegistration([ask('family_name'), ask('resident_address'), ask('resident_address')], netcafe),
    ).toEqual([ask('resident_address')]);
    expect(
      elementsOutsideRegistration(
        [{ docType: 'cn.gov.mdl.1', namespace: 'cn.gov.mdl.1', identifier: 'family_name' }],
        netcafe,
      ),
    ).toHaveLength(1);
  });
});

async function issueNewDocumentSigner(authority: Awaited<ReturnType<typeof createTestAuthority>>) {
  const { createDocumentSignerCertificate, certificateKid, encodeCertificatePem } = await import('@zhengzhao/core');
  const signer = await authority.platform.suite(authority.suite).generateSigner();
  const der = await createDocumentSignerCertificate({
    platform: authority.platform,
    issuerSigner: authority.root.signer,
    issuerCertificate: authority.root.certificate,
    subjectPublicKey: signer.publicKey,
    subject: {
      country: 'CN',
      stateOrProvince: 'Guangdong',
      organization: 'Guangdong Public Security',
      commonName: 'DS 2',
    },
    notBefore: new Date(NOW.getTime() - HOUR),
    notAfter: new Date(NOW.getTime() + 300 * 24 * HOUR),
  });
  return { signer, der, kid: await certificateKid(authority.platform, der), pem: encodeCertificatePem(der) };
}
