import { createHmac } from 'node:crypto';
import {
  createProofJwt,
  type ExportableSigner,
  encodeBase64url,
  PROOF_JWT_TYP,
  publicKeyToJwk,
  utf8Encode,
} from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type Oid4vciDatabase, oid4vciMigrations, walletIdOf } from '../../src/modules/oid4vci/index.js';
import { createTestIssuer, deviceSigner, ISSUER, nonceFrom, platform, type TestIssuer, tokenFor } from './helpers.js';

const b64 = (value: unknown) => encodeBase64url(utf8Encode(JSON.stringify(value)));
async function craft(signer: ExportableSigner, header: object, payload: object): Promise<string> {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${encodeBase64url(await signer.sign(utf8Encode(input)))}`;
}

describeEachDatabase<Oid4vciDatabase>('oid4vci nonce and credential endpoints', oid4vciMigrations, (t) => {
  let issuer: TestIssuer;
  let person: { personId: string; cardNumber: string };
  let token: string;
  let device: ExportableSigner;
  beforeAll(async () => {
    device = await deviceSigner();
  });
  beforeEach(async () => {
    issuer = await createTestIssuer(t.database.db, { batchSize: 4 });
    person = issuer.fakes.addPerson();
    token = await tokenFor(issuer.app, person);
  });

  const now = () => issuer.clock.now();
  const proof = async (nonce: string, signer = device) =>
    createProofJwt(platform, { signer, audience: ISSUER, nonce, now: now() });
  const request = (body: unknown, auth: string | null = `Bearer ${token}`, headers: Record<string, string> = {}) =>
    issuer.app.inject({
      method: 'POST',
      url: '/credential',
      headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const credentialRequest = (proofs: string[], id = 'eid_mdoc') => ({
    credential_configuration_id: id,
    proofs: { jwt: proofs },
  });
  const expectOAuth = (res: Awaited<ReturnType<typeof request>>, status: number, error: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().error).toBe(error);
  };

  it('the nonce endpoint answers a fresh c_nonce with no-store and keeps only its hash', async () => {
    const res = await issuer.app.inject({ method: 'POST', url: '/nonce' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { c_nonce } = res.json();
    expect(c_nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await nonceFrom(issuer.app)).not.toBe(c_nonce);
    const rows = await t.database.db.selectFrom('oid4vci_nonces').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(c_nonce);
  });

  it('issues one credential per proof (shared nonce) bound to the device keys and a wallet id', async () => {
    const nonce = await nonceFrom(issuer.app);
    const res = await request(credentialRequest([await proof(nonce), await proof(nonce), await proof(nonce)]));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().credentials).toEqual([0, 1, 2].map((i) => ({ credential: `eid_mdoc.${person.personId}.${i}` })));
    const [call] = issuer.fakes.requests;
    expect(call?.personId).toBe(person.personId);
    expect(call?.configurationId).toBe('eid_mdoc');
    expect(call?.deviceKeys.map((k) => k.point)).toEqual([0, 1, 2].map(() => device.publicKey.point));
    expect(call?.walletId).toBe(await walletIdOf(platform, device.publicKey));
  });

  it('accepts one nonce per proof, and keeps the wallet id bound to the token', async () => {
    const other = await deviceSigner();
    const proofs = [await proof(await nonceFrom(issuer.app), other), await proof(await nonceFrom(issuer.app), device)];
    expect((await request(credentialRequest(proofs, 'eid_sd_jwt'))).statusCode).toBe(200);
    expect(
      (await request(credentialRequest([await proof(await nonceFrom(issuer.app))], 'eid_qr_hotel'))).statusCode,
    ).toBe(200);
    const ids = issuer.fakes.requests.map((r) => r.walletId);
    expect(ids).toEqual([await walletIdOf(platform, other.publicKey), await walletIdOf(platform, other.publicKey)]);
  });

  it('refuses reused, unknown, expired and missing nonces with invalid_nonce', async () => {
    const nonce = await nonceFrom(issuer.app);
    expect((await request(credentialRequest([await proof(nonce)]))).statusCode).toBe(200);
    expectOAuth(await request(credentialRequest([await proof(nonce)])), 400, 'invalid_nonce');
    expectOAuth(await request(credentialRequest([await proof('never-issued')])), 400, 'invalid_nonce');
    const old = await nonceFrom(issuer.app);
    issuer.clock.advance(301);
    expectOAuth(await request(credentialRequest([await proof(old)])), 400, 'invalid_nonce');
    const without = await createProofJwt(platform, { signer: device, audience: ISSUER, now: now() });
    expectOAuth(await request(credentialRequest([without])), 400, 'invalid_nonce');
    // one bad nonce among good ones consumes none of them
    const good = await nonceFrom(issuer.app);
    expectOAuth(
      await request(credentialRequest([await proof(good), await proof('never-issued')])),
      400,
      'invalid_nonce',
    );
    expect((await request(credentialRequest([await proof(good)]))).statusCode).toBe(200);
  });

  it('refuses bad proofs with invalid_proof', async () => {
    const nonce = await nonceFrom(issuer.app);
    const jwk = publicKeyToJwk(device.publicKey);
    const claims = { aud: ISSUER, iat: Math.floor(now().getTime() / 1000), nonce };
    const header = { alg: 'ES256', typ: PROOF_JWT_TYP, jwk };
    const other = await deviceSigner();
    const hsInput = `${b64({ ...header, alg: 'HS256' })}.${b64(claims)}`;
    const bad = [
      await craft(device, header, { ...claims, aud: 'https://other.example' }),
      await craft(device, { ...header, typ: 'JWT' }, claims),
      await craft(device, { ...header, alg: 'ES384' }, claims),
      `${b64({ ...header, alg: 'none' })}.${b64(claims)}.`,
      `${hsInput}.${encodeBase64url(new Uint8Array(createHmac('sha256', JSON.stringify(jwk)).update(hsInput).digest()))}`,
      await craft(other, header, claims),
      await craft(device, header, { ...claims, iat: claims.iat - 3600 }),
      'not-a-jwt',
    ];
    for (const p of bad) expectOAuth(await request(credentialRequest([p])), 400, 'invalid_proof');
    expect(issuer.fakes.requests).toHaveLength(0);
    // the nonce was not consumed by the refused requests
    expect((await request(credentialRequest([await proof(nonce)]))).statusCode).toBe(200);
  });

  it('refuses malformed credential requests with invalid_credential_request', async () => {
    const nonce = await nonceFrom(issuer.app);
    const p = await proof(nonce);
    const cases: unknown[] = [
      credentialRequest([p, p, p, p, p]),
      { credential_configuration_id: 'eid_mdoc', proof: { proof_type: 'jwt', jwt: p } },
      { credential_configuration_id: 'eid_mdoc', proofs: { jwt: [p] }, extra: true },
      { credential_configuration_id: 'eid_mdoc', proofs: { jwt: [p], ldp_vp: [] } },
      { credential_configuration_id: 'eid_mdoc', proofs: { jwt: [] } },
      { credential_configuration_id: 'eid_mdoc', proofs: { jwt: p } },
      { credential_configuration_id: 'eid_mdoc', proofs: { jwt: [5] } },
      { credential_identifier: 'x', proofs: { jwt: [p] } },
      { proofs: { jwt: [p] } },
      [1, 2],
      '{"credential_configuration_id":',
    ];
    for (const body of cases) expectOAuth(await request(body), 400, 'invalid_credential_request');
    expectOAuth(await request(`{"x":"${'a'.repeat(40_000)}"}`), 413, 'invalid_credential_request');
    const form = await request('a=b', `Bearer ${token}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expectOAuth(form, 400, 'invalid_credential_request');
    expect((await request(credentialRequest([p]))).statusCode).toBe(200);
  });

  it('refuses an unknown configuration with unknown_credential_configuration', async () => {
    const p = await proof(await nonceFrom(issuer.app));
    expectOAuth(await request(credentialRequest([p], 'eid_passport')), 400, 'unknown_credential_configuration');
  });

  it('answers 401 invalid_token with WWW-Authenticate for missing, bad and expired tokens', async () => {
    const body = credentialRequest([await proof(await nonceFrom(issuer.app))]);
    const missing = await request(body, null);
    expectOAuth(missing, 401, 'invalid_token');
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    for (const auth of ['Bearer wrong', `DPoP ${token}`, `Bearer ${token} x`]) {
      const res = await request(body, auth);
      expectOAuth(res, 401, 'invalid_token');
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    }
    issuer.clock.advance(601);
    expectOAuth(await request(body), 401, 'invalid_token');
  });

  it('denies issuance when the card stopped being active (credential_request_denied)', async () => {
    issuer.fakes.people.set(person.personId, { ...person, cardState: 'lost' });
    expectOAuth(
      await request(credentialRequest([await proof(await nonceFrom(issuer.app))])),
      400,
      'credential_request_denied',
    );
  });
});
