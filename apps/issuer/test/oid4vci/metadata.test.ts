import { parseAuthorizationServerMetadata, parseCredentialIssuerMetadata } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { expect, it } from 'vitest';
import {
  buildCredentialIssuerMetadata,
  type Oid4vciDatabase,
  oid4vciMigrations,
  resolveOid4vciConfig,
} from '../../src/modules/oid4vci/index.js';
import { CLERK_TOKEN, createTestIssuer, ISSUER } from './helpers.js';

describeEachDatabase<Oid4vciDatabase>('oid4vci metadata', oid4vciMigrations, (t) => {
  it('serves credential issuer metadata for the four configurations', async () => {
    const { app } = await createTestIssuer(t.database.db);
    const res = await app.inject({ method: 'GET', url: '/.well-known/openid-credential-issuer' });
    expect(res.statusCode).toBe(200);
    const m = parseCredentialIssuerMetadata(res.json(), ISSUER);
    expect(m).toMatchObject({
      credential_issuer: ISSUER,
      credential_endpoint: `${ISSUER}/credential`,
      nonce_endpoint: `${ISSUER}/nonce`,
      batch_credential_issuance: { batch_size: 10 },
    });
    expect(m.display?.map((d) => d.locale)).toEqual(['zh-CN', 'en']);
    const c = m.credential_configurations_supported;
    expect(Object.keys(c)).toEqual(['eid_mdoc', 'eid_sd_jwt', 'eid_qr_hotel', 'eid_qr_age_over_18']);
    expect(c.eid_mdoc).toMatchObject({
      format: 'mso_mdoc',
      doctype: 'cn.gov.eid.1',
      cryptographic_binding_methods_supported: ['cose_key'],
      credential_signing_alg_values_supported: [-7],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
    });
    expect(c.eid_mdoc?.credential_metadata?.claims?.[0]?.path).toEqual(['cn.gov.eid.1', expect.any(String)]);
    expect(c.eid_sd_jwt).toMatchObject({
      format: 'dc+sd-jwt',
      vct: 'cn.gov.eid.1',
      cryptographic_binding_methods_supported: ['jwk'],
    });
    expect(c.eid_qr_hotel).toMatchObject({ format: 'zz1_qr', purpose: 'hotel', type_id: 'cn.gov.eid.1' });
    expect(c.eid_qr_age_over_18?.credential_metadata?.claims).toEqual([
      { path: ['age_over_18'], display: expect.any(Array) },
    ]);
    const as = await app.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' });
    const server = parseAuthorizationServerMetadata(as.json(), ISSUER);
    expect(server.token_endpoint).toBe(`${ISSUER}/token`);
    expect(server['pre-authorized_grant_anonymous_access_supported']).toBe(true);
  });

  it('documents every route in the OpenAPI document', async () => {
    const { app } = await createTestIssuer(t.database.db, { openapi: true });
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of [
      '/activation/codes',
      '/activation',
      '/token',
      '/nonce',
      '/credential',
      '/.well-known/openid-credential-issuer',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});

it('describes an SM2 issuer with COSE -65537, SM2SM3 and ES256 proofs (P-256 phone keys), and refuses bad configuration', () => {
  const config = resolveOid4vciConfig({
    credentialIssuer: 'https://issuer.example/gd/',
    suite: 'SM2',
    clerkTokens: [CLERK_TOKEN],
    batchSize: 1,
  });
  expect(config.basePath).toBe('/gd');
  const m = buildCredentialIssuerMetadata(config);
  expect(m.credential_endpoint).toBe('https://issuer.example/gd/credential');
  expect(m.batch_credential_issuance).toBeUndefined();
  expect(m.credential_configurations_supported.eid_mdoc?.credential_signing_alg_values_supported).toEqual([-65537]);
  expect(
    m.credential_configurations_supported.eid_mdoc?.proof_types_supported?.jwt?.proof_signing_alg_values_supported,
  ).toEqual(['SM2SM3', 'ES256']);
  const sm2Only = resolveOid4vciConfig({
    credentialIssuer: ISSUER,
    suite: 'SM2',
    proofSuites: ['SM2'],
    clerkTokens: [CLERK_TOKEN],
  });
  expect(sm2Only.proofSuites).toEqual(['SM2']);
  for (const bad of [
    { credentialIssuer: ISSUER, clerkTokens: [CLERK_TOKEN], proofSuites: [] },
    { credentialIssuer: ISSUER, clerkTokens: [CLERK_TOKEN], proofSuites: ['RS256' as 'ES256'] },
    { credentialIssuer: 'http://issuer.example', clerkTokens: [CLERK_TOKEN] },
    { credentialIssuer: ISSUER, clerkTokens: ['short'] },
    { credentialIssuer: ISSUER, clerkTokens: [CLERK_TOKEN], batchSize: 0 },
  ]) {
    expect(() => resolveOid4vciConfig(bad)).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
  }
});
