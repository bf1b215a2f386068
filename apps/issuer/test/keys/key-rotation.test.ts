import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bytesEqual,
  createStaticTrustSource,
  createStatusListCache,
  decodeBase64,
  decodeBase64url,
  decodeCertificatePemChain,
  decodeJwsCompact,
  encodeBase64url,
  encodeCertificatePem,
  parseCertificate,
  presentQr,
  presentSdJwtVc,
  type Signer,
  type TrustSource,
  type VerificationReport,
  verifyPresentation,
} from '@zhengzhao/core';
import { createFileKeyStore, type KeyStore } from '@zhengzhao/server-kit';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  certifyDocumentSigner,
  ISSUER_MIGRATIONS,
  type IssuedCredential,
  type IssuerApp,
  type IssuerDatabase,
  listAuditEntries,
} from '../../src/index.js';
import {
  BASE_URL,
  createTestRegistry,
  deviceKey,
  openTestIssuer,
  platform,
  postEvent,
  type TestIssuer,
  TOKENS,
  testAuthority,
} from '../helpers/fixture.js';

interface CertificateEntry {
  kid: string;
  state: 'active' | 'previous';
  not_before: string;
  not_after: string;
  activated_at: string;
  retired_at: string | null;
  x5c: string[];
  pem: string;
}

/** The DS certificate (DER) in the x5c header of a compact JWS or SD-JWT. */
function x5cLeaf(jwsOrSdJwt: string): Uint8Array {
  const x5c = decodeJwsCompact(jwsOrSdJwt.split('~')[0] as string).header.x5c as string[];
  return decodeBase64(x5c[0] as string);
}

/**
 * P2 §7 rotation with overlap: issue with key A, rotate to B (new key in the KeyStore, DS
 * certificate made under the IACA root whose key is in the KeyStore too), issue with B; both
 * verify with a static trust source built from the root (+ the published DS certificates for kid
 * lookup); status lists are signed by B after the rotation.
 */
describeEachDatabase<IssuerDatabase>('document-signer key rotation with overlap', ISSUER_MIGRATIONS, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-keys-'));
  const { registry, citizens } = createTestRegistry('key-rotation-tests', 2);
  let keyStore: KeyStore;
  let issuer: TestIssuer;
  let app: IssuerApp;
  let personId: string;
  let device: Awaited<ReturnType<typeof deviceKey>>;
  // the IACA root key lives in the KeyStore too: rotation certifies new DS keys here
  const withRotation = async (store: KeyStore) => ({
    extra: {
      keyRotation: { keyStore: store, root: { certificate: (await testAuthority()).root.der, keyId: 'iaca-root' } },
    },
  });

  beforeAll(async () => {
    keyStore = createFileKeyStore({ dir: join(dir, 'keys'), passphrase: 'rotation-test-passphrase', platform });
    await keyStore.putKey('iaca-root', (await testAuthority()).root.signer);
    issuer = await openTestIssuer(t.database, await withRotation(keyStore));
    app = issuer.app;
    const event = await registry.importCitizen(citizens[0] as (typeof citizens)[number]);
    expect((await postEvent(app, event)).statusCode).toBe(200);
    personId = event.personId;
    device = await deviceKey();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const supervisor = { authorization: `Bearer ${TOKENS.supervisor}` };
  const rotate = (payload: unknown, headers: Record<string, string> = supervisor) =>
    app.inject({ method: 'POST', url: '/admin/keys/rotate', headers, payload: payload as object });
  const certificates = async () =>
    (await app.inject({ method: 'GET', url: '/certificates' })).json().certificates as CertificateEntry[];
  const issueOne = async (walletId: string, configurationId: 'eid_sd_jwt' | 'eid_mdoc' | 'eid_qr_hotel', n = 1) =>
    app.issuer.issuance.issueBatch({
      personId,
      walletId,
      configurationId,
      deviceKeys: Array.from({ length: n }, () => device.publicKey),
    });
  const issueAll = async (walletId: string) => ({
    sdJwt: (await issueOne(walletId, 'eid_sd_jwt'))[0] as IssuedCredential,
    mdoc: (await issueOne(walletId, 'eid_mdoc'))[0] as IssuedCredential,
    qr: (await issueOne(walletId, 'eid_qr_hotel'))[0] as IssuedCredential,
  });
  const statusSigner = async (credential: IssuedCredential) => {
    const { status } = decodeJwsCompact(credential.credential.split('~')[0] as string).payload as {
      status: { status_list: { uri: string } };
    };
    const res = await app.inject({ method: 'GET', url: status.status_list.uri.slice(BASE_URL.length) });
    expect(res.statusCode).toBe(200);
    return x5cLeaf(res.body);
  };
  const verifyAll = async (set: Awaited<ReturnType<typeof issueAll>>, trust: TrustSource) => {
    const now = issuer.clock.now();
    const statusResolver = () =>
      createStatusListCache({
        platform,
        trust,
        fetchToken: async (uri) => {
          const res = await app.inject({ method: 'GET', url: uri.slice(BASE_URL.length) });
          return { body: res.body, contentType: String(res.headers['content-type']) };
        },
      });
    const presentation = await presentSdJwtVc(platform, set.sdJwt.credential, {
      disclose: ['age_over_18'],
      holderSigner: device,
      audience: 'https://hotel.example.cn',
      nonce: 'n-rot',
      now,
    });
    const sdJwt = await verifyPresentation(platform, presentation, {
      trust,
      now,
      audience: 'https://hotel.example.cn',
      nonce: 'n-rot',
      statusResolver: statusResolver(),
    });
    const mdoc = await verifyPresentation(platform, decodeBase64url(set.mdoc.credential), {
      trust,
      now,
      statusResolver: statusResolver(),
    });
    const qrText = await presentQr(platform, {
      credential: decodeBase64url(set.qr.credential),
      deviceSigner: device,
      now,
    });
    const qr = await verifyPresentation(platform, qrText, { trust, now, statusResolver: statusResolver() });
    return { sdJwt, mdoc, qr };
  };
  const failedCode = (report: VerificationReport) => report.checks.find((c) => c.outcome === 'failed')?.code;

  let setA: Awaited<ReturnType<typeof issueAll>>;
  let setB: Awaited<ReturnType<typeof issueAll>>;
  let certB: Uint8Array;
  let keyIdB: string;

  it('issues with A, rotates to B over the admin API, issues with B; status lists are signed by B', async () => {
    const certA = issuer.authority.documentSigner.der;
    setA = await issueAll('w-key-a');
    expect(bytesEqual(x5cLeaf(setA.sdJwt.credential), certA)).toBe(true);
    expect(bytesEqual(await statusSigner(setA.sdJwt), certA)).toBe(true);

    issuer.clock.advance(3600);
    const rotated = await rotate({ reason: 'scheduled DS rotation 2026-Q1' });
    expect(rotated.statusCode).toBe(201);
    const body = rotated.json();
    expect(body.previous_kid).toBe(encodeBase64url(issuer.authority.kid));
    expect(body.kid).not.toBe(body.previous_kid);
    expect(body.key_id).toMatch(/^ds-20260301-[0-9a-f]{8}$/);
    expect(body.activated_at).toBe(issuer.clock.now().toISOString());
    expect(Date.parse(body.not_after) - Date.parse(body.not_before)).toBe(365 * 86_400_000);
    expect(encodeBase64url(app.issuer.keys.current().kid)).toBe(body.kid);
    expect((await keyStore.getKeyInfo(body.key_id)).suite).toBe('ES256');
    keyIdB = body.key_id;

    setB = await issueAll('w-key-b');
    certB = x5cLeaf(setB.sdJwt.credential);
    expect(bytesEqual(certB, certA)).toBe(false);
    const parsedB = parseCertificate(certB);
    expect(parsedB.issuer.display).toBe(issuer.authority.root.certificate.subject.display);
    expect(parsedB.subject.display).toBe(issuer.authority.documentSigner.certificate.subject.display);
    // the shard's token was cached, signed by A: after the rotation it is re-signed by B
    expect(bytesEqual(await statusSigner(setA.sdJwt), certB)).toBe(true);
    const cwt = await app.inject({
      method: 'GET',
      url: '/status/1',
      headers: { accept: 'application/statuslist+cwt' },
    });
    expect(cwt.statusCode).toBe(200);
    expect(Buffer.from(cwt.rawPayload).includes(Buffer.from(certB))).toBe(true);
  });

  it('publishes current and previous DS certificates with their validity (JSON and PEM)', async () => {
    const list = await certificates();
    expect(list.map((c) => c.state)).toEqual(['active', 'previous']);
    const [b, a] = list as [CertificateEntry, CertificateEntry];
    expect(bytesEqual(decodeBase64(b.x5c[0] as string), certB)).toBe(true);
    expect(a.kid).toBe(encodeBase64url(issuer.authority.kid));
    expect(a.retired_at).toBe(b.activated_at);
    expect(b.retired_at).toBeNull();
    expect(a.not_after).toBe(issuer.authority.documentSigner.certificate.notAfter.toISOString());
    expect(a.pem).toBe(encodeCertificatePem(issuer.authority.documentSigner.der));
    const pem = await app.inject({
      method: 'GET',
      url: '/certificates',
      headers: { accept: 'application/pem-certificate-chain' },
    });
    expect(pem.statusCode).toBe(200);
    expect(pem.headers['content-type']).toContain('application/pem-certificate-chain');
    expect(pem.headers['cache-control']).toBe('public, max-age=60');
    const ders = decodeCertificatePemChain(pem.body);
    expect(ders.map((d) => encodeBase64url(d))).toEqual(
      list.map((c) => encodeBase64url(decodeBase64(c.x5c[0] as string))),
    );
  });

  it('credentials of A and of B both verify against the root; QR kids resolve through the published list', async () => {
    const published = (await certificates()).map((c) => decodeBase64(c.x5c[0] as string));
    const trust = createStaticTrustSource({ platform, roots: [issuer.authority.root.der], documentSigners: published });
    for (const set of [setA, setB]) {
      const reports = await verifyAll(set, trust);
      for (const [name, report] of Object.entries(reports)) {
        expect(
          report.checks.filter((c) => c.outcome !== 'ok'),
          name,
        ).toEqual([]);
        expect(report.valid, name).toBe(true);
        expect(report.statusValue, name).toBe(0);
      }
    }
    // a verifier that only knows A's certificate cannot resolve B's kid
    const onlyA = createStaticTrustSource({
      platform,
      roots: [issuer.authority.root.der],
      documentSigners: [issuer.authority.documentSigner.der],
    });
    const now = issuer.clock.now();
    const qrB = await presentQr(platform, {
      credential: decodeBase64url(setB.qr.credential),
      deviceSigner: device,
      now,
    });
    expect(failedCode(await verifyPresentation(platform, qrB, { trust: onlyA, now }))).toBe('ERR_TRUST_KID_UNKNOWN');
  });

  it('audits the rotation with who and why', async () => {
    const entries = (await listAuditEntries(t.database.db, { limit: 100 })).filter((e) => e.action === 'keys.rotate');
    expect(entries.map((e) => [e.actor, e.role, e.targetType, e.reason, e.outcome])).toEqual([
      ['sup-1', 'supervisor', 'key', 'scheduled DS rotation 2026-Q1', 'ok'],
    ]);
    expect(entries[0]?.targetId).toBe(encodeBase64url(app.issuer.keys.current().kid));
  });

  it('POST /admin/keys/rotate: 401 without or with an unknown token, 403 for clerk and auditor (audited as denied)', async () => {
    const before = app.issuer.keys.current();
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKENS.supervisor}`, '']) {
      const res = await rotate({ reason: 5, extra: true }, authorization === undefined ? {} : { authorization });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json().code).toBe('ERR_ADMIN_UNAUTHENTICATED');
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    for (const role of ['clerk', 'auditor'] as const) {
      const res = await rotate({ reason: 'x' }, { authorization: `Bearer ${TOKENS[role]}` });
      expect([res.statusCode, res.json().code], role).toEqual([403, 'ERR_ADMIN_FORBIDDEN']);
    }
    const denied = (await listAuditEntries(t.database.db, { limit: 100 })).filter(
      (e) => e.action === 'keys.rotate' && e.outcome === 'denied',
    );
    expect(denied.map((e) => e.role).sort()).toEqual(['auditor', 'clerk']);
    expect(app.issuer.keys.current()).toBe(before);
  });

  it('refuses bad rotation requests with problem details and keeps the active key', async () => {
    const before = app.issuer.keys.current();
    for (const payload of [
      {},
      { reason: '' },
      { reason: 7 },
      { reason: 'x', extra: 1 },
      { reason: 'x', key_id: '../x' },
    ]) {
      const res = await rotate(payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([400, 'ERR_INPUT_INVALID']);
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/admin/keys/rotate',
      headers: { ...supervisor, 'content-type': 'application/json' },
      payload: '{"reason":',
    });
    expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'ERR_ENCODING_JSON']);
    const big = await rotate({ reason: 'x', certificate: 'A'.repeat(100_000) });
    expect([big.statusCode, big.json().code]).toEqual([413, 'ERR_INPUT_TOO_LARGE']);
    const notPem = await rotate({ reason: 'x', key_id: 'iaca-root', certificate: 'not a certificate' });
    expect([notPem.statusCode, notPem.json().code]).toEqual([400, 'ERR_X509_MALFORMED']);
    const unknownKey = await rotate({
      reason: 'x',
      key_id: 'no-such-key',
      certificate: issuer.authority.documentSigner.pem,
    });
    expect([unknownKey.statusCode, unknownKey.json().code]).toEqual([404, 'ERR_KEYSTORE_KEY_UNKNOWN']);
    // a certificate that does not hold the key's public key
    const mismatch = await rotate({
      reason: 'x',
      key_id: 'iaca-root',
      certificate: issuer.authority.documentSigner.pem,
    });
    expect([mismatch.statusCode, mismatch.json().code]).toEqual([400, 'ERR_CRYPTO_KEY_INVALID']);
    // a certificate from another root
    const foreign = await keyStore.generateKey('ds-foreign', 'ES256');
    const untrusted = issuer.authority.variants.untrustedRoot;
    const foreignCert = await certifyDocumentSigner({
      platform,
      rootSigner: untrusted.signer,
      rootCertificate: untrusted.certificate,
      subjectPublicKey: foreign.publicKey,
      subject: { country: 'CN', commonName: 'Foreign DS' },
      now: issuer.clock.now(),
      validityDays: 30,
    });
    const refused = await rotate({ reason: 'x', key_id: 'ds-foreign', certificate: encodeCertificatePem(foreignCert) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toMatch(/^ERR_TRUST_/);
    // the active certificate again
    const again = await rotate({ reason: 'x', key_id: keyIdB, certificate: encodeCertificatePem(certB) });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ERR_ISSUER_KEY_ROTATION']);
    expect(app.issuer.keys.current()).toBe(before);
    expect(await certificates()).toHaveLength(2);
  });

  it('takes a ready-made DS certificate signed by an offline root for a key made in the KeyStore', async () => {
    const info = await keyStore.generateKey('ds-offline-1', 'ES256');
    const now = issuer.clock.now();
    const cert = await certifyDocumentSigner({
      platform,
      rootSigner: issuer.authority.root.signer,
      rootCertificate: issuer.authority.root.certificate,
      subjectPublicKey: info.publicKey,
      subject: {
        country: 'CN',
        stateOrProvince: 'Guangdong',
        organization: 'Zhengzhao Test Authority',
        commonName: 'DS offline',
      },
      now,
      validityDays: 200,
    });
    const res = await rotate({
      reason: 'offline ceremony',
      key_id: 'ds-offline-1',
      certificate: encodeCertificatePem(cert),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      key_id: 'ds-offline-1',
      not_after: new Date(now.getTime() + 200 * 86_400_000).toISOString(),
    });
    const [copy] = await issueOne('w-key-c', 'eid_sd_jwt');
    expect(bytesEqual(x5cLeaf((copy as IssuedCredential).credential), cert)).toBe(true);
    expect((await certificates()).map((c) => c.state)).toEqual(['active', 'previous', 'previous']);
  });

  it('a batch already signing finishes with the key it started with; the next batch uses the new key', async () => {
    // programmatic rotation to an in-memory key whose signatures wait at a gate
    const inner = await platform.suite('ES256').generateSigner();
    let reached: () => void = () => {};
    const atGate = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const gated: Signer = {
      suite: inner.suite,
      publicKey: inner.publicKey,
      async sign(data) {
        reached();
        await gate;
        return inner.sign(data);
      },
    };
    const gatedCert = await certifyDocumentSigner({
      platform,
      rootSigner: issuer.authority.root.signer,
      rootCertificate: issuer.authority.root.certificate,
      subjectPublicKey: inner.publicKey,
      subject: { country: 'CN', commonName: 'DS gated' },
      now: issuer.clock.now(),
      validityDays: 30,
    });
    await app.issuer.keys.rotate({ reason: 'test: gated key', signer: gated, certificateChain: [gatedCert] });

    const inFlight = issueOne('w-key-d', 'eid_sd_jwt', 3);
    await atGate;
    const next = await app.issuer.keys.rotate({
      reason: 'rotate during a batch',
      by: { actor: 'ops-2', role: 'supervisor' },
    });
    open();
    const batch = await inFlight;
    expect(batch.every((c) => bytesEqual(x5cLeaf(c.credential), gatedCert))).toBe(true);
    const [after] = await issueOne('w-key-d', 'eid_sd_jwt');
    expect(bytesEqual(x5cLeaf((after as IssuedCredential).credential), next.certificateChain[0] as Uint8Array)).toBe(
      true,
    );
    expect(next.keyId).toMatch(/^ds-/);
  });

  it('keeps the rotated key across a restart; without it in the KeyStore, falls back to the configured key', async () => {
    const active = app.issuer.keys.current();
    await app.close();
    issuer = await openTestIssuer(t.database, await withRotation(keyStore));
    app = issuer.app;
    expect(bytesEqual(app.issuer.keys.current().kid, active.kid)).toBe(true);
    const [copy] = await issueOne('w-key-e', 'eid_sd_jwt');
    expect(bytesEqual(x5cLeaf((copy as IssuedCredential).credential), active.certificateChain[0] as Uint8Array)).toBe(
      true,
    );
    const count = (await certificates()).length;
    await app.close();

    const empty = createFileKeyStore({ dir: join(dir, 'empty'), passphrase: 'rotation-test-passphrase', platform });
    issuer = await openTestIssuer(t.database, { extra: { keyRotation: { keyStore: empty } } });
    app = issuer.app;
    expect(bytesEqual(app.issuer.keys.current().kid, issuer.authority.kid)).toBe(true);
    const list = await certificates();
    expect(list).toHaveLength(count);
    expect(list[0]?.kid).toBe(encodeBase64url(issuer.authority.kid));
    // no IACA key here: a new certificate must be supplied
    const res = await rotate({ reason: 'no root key' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'ERR_ISSUER_KEY_ROTATION']);
  });
});
