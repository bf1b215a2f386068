import { encodeBase64url, encodeCertificatePem, publicKeyToJwk } from '@zhengzhao/core';
import { describeEachDatabase } from '@zhengzhao/server-kit/testing';
import { createTestAuthority, fixedClock, type TestAuthority } from '@zhengzhao/test-kit';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRUST_REGISTRY_MIGRATIONS, type TrustRegistryApp, type TrustRegistryDatabase } from '../../src/index.js';
import {
  ADMIN_TOKEN,
  admin,
  bearer,
  createKeyDirectory,
  currentSequence,
  enrolment,
  HOTEL_ELEMENTS,
  NOW,
  openTestRegistry,
  platform,
  readerKey,
  registration,
} from '../helpers/fixture.js';

const now = new Date(NOW);

interface Case {
  readonly name: string;
  readonly method?: 'POST' | 'PUT' | 'GET';
  readonly url: string;
  /** A JSON body, or raw text with its content type. */
  readonly payload?: unknown;
  readonly raw?: { readonly body: string; readonly type: string };
  /** Default: the admin token. `null`: no Authorization header. */
  readonly authorization?: string | null;
  readonly status: number;
  readonly code: string;
}

/**
 * Every refusal of the admin API is an RFC 9457 problem with a stable code — 400 bad input, 401 no
 * or a wrong token, 404 unknown ids, 409 conflicts, 413/415 — never a 500, and none of them
 * publishes a trust-list version.
 */
describeEachDatabase<TrustRegistryDatabase>('trust registry: bad input', TRUST_REGISTRY_MIGRATIONS, (t) => {
  const keyDirectory = createKeyDirectory();
  let app: TrustRegistryApp;
  let guangdong: TestAuthority;
  let zhejiang: TestAuthority;
  let fresh: TestAuthority;
  let cases: Case[];

  beforeAll(async () => {
    [guangdong, zhejiang, fresh] = await Promise.all([
      createTestAuthority({ platform, suite: 'ES256', now }),
      createTestAuthority({ platform, suite: 'ES256', now }),
      createTestAuthority({ platform, suite: 'ES256', now }),
    ]);
    app = await openTestRegistry(t.database, keyDirectory.store(), fixedClock(NOW));
    expect((await admin(app, 'POST', '/admin/authorities', enrolment(guangdong, 'cn-44-gat'))).statusCode).toBe(201);
    expect(
      (await admin(app, 'POST', '/admin/relying-parties', registration('hotel', await readerKey(), 'hotel')))
        .statusCode,
    ).toBe(201);
    cases = await buildCases();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    keyDirectory.remove();
  });

  async function buildCases(): Promise<Case[]> {
    const enrol = (overrides: Record<string, unknown>, id = 'cn-99-new'): Record<string, unknown> =>
      enrolment(fresh, id, overrides);
    const jwk = publicKeyToJwk((await readerKey()).publicKey);
    const sm2Jwk = publicKeyToJwk((await platform.suite('SM2').generateSigner()).publicKey);
    const offCurve = {
      kty: 'EC',
      crv: 'P-256',
      x: encodeBase64url(new Uint8Array(32).fill(1)),
      y: encodeBase64url(new Uint8Array(32).fill(2)),
    };
    const rp = (overrides: Record<string, unknown>, id = 'shop') => ({
      id,
      name: { 'zh-CN': '商店', en: 'Shop' },
      profile: 'hotel',
      public_key_jwk: jwk,
      ...overrides,
    });
    const profile = (overrides: Record<string, unknown>) => ({
      name: { 'zh-CN': '商店', en: 'Shop' },
      purpose: { 'zh-CN': '核验', en: 'Check' },
      elements: HOTEL_ELEMENTS,
      ...overrides,
    });
    const pemOfTwo = fresh.root.pem + fresh.documentSigner.pem;
    return [
      // authentication
      {
        name: 'no token',
        url: '/admin/authorities',
        payload: enrol({}),
        authorization: null,
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      {
        name: 'wrong token',
        url: '/admin/authorities',
        payload: enrol({}),
        authorization: 'Bearer wrong-token-0123456789abcdef',
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      {
        name: 'token one character off',
        url: '/admin/authorities',
        payload: enrol({}),
        authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}x`,
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      {
        name: 'not a bearer token',
        url: '/admin/authorities',
        payload: enrol({}),
        authorization: `Basic ${ADMIN_TOKEN}`,
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      {
        name: 'no token on the audit log',
        method: 'GET',
        url: '/admin/audit',
        authorization: null,
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      {
        name: 'no token, catalog',
        method: 'PUT',
        url: '/admin/catalog/cn.gov.eid.1',
        payload: { authority_kinds: [] },
        authorization: null,
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      // enrolment: catalog
      {
        name: 'unknown credential type',
        url: '/admin/authorities',
        payload: enrol({ credential_types: ['cn.gov.nope.1'] }),
        status: 400,
        code: 'ERR_CATALOG_UNKNOWN_TYPE',
      },
      {
        name: 'kind not admitted for the type',
        url: '/admin/authorities',
        payload: enrol({ kind: 'education' }),
        status: 400,
        code: 'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
      },
      // enrolment: certificates
      {
        name: 'DS not under the IACA',
        url: '/admin/authorities',
        payload: enrol({ document_signers: [fresh.variants.untrustedDocumentSigner.pem] }),
        status: 400,
        code: 'ERR_TRUST_UNTRUSTED_ROOT',
      },
      {
        name: 'DS of another authority',
        url: '/admin/authorities',
        payload: enrol({ document_signers: [zhejiang.documentSigner.pem] }),
        status: 400,
        code: 'ERR_TRUST_UNTRUSTED_ROOT',
      },
      {
        name: 'expired DS',
        url: '/admin/authorities',
        payload: enrol({ document_signers: [fresh.variants.expiredDocumentSigner.pem] }),
        status: 400,
        code: 'ERR_TRUST_CERT_EXPIRED',
      },
      {
        name: 'DS without digitalSignature',
        url: '/admin/authorities',
        payload: enrol({ document_signers: [fresh.variants.wrongKeyUsageDocumentSigner.pem] }),
        status: 400,
        code: 'ERR_TRUST_KEY_USAGE',
      },
      {
        name: 'suite mismatch',
        url: '/admin/authorities',
        payload: enrol({ suite: 'SM2' }),
        status: 400,
        code: 'ERR_TRUST_REGISTRY_SUITE_MISMATCH',
      },
      {
        name: 'IACA that is no CA',
        url: '/admin/authorities',
        payload: enrol({ iaca: [fresh.documentSigner.pem], document_signers: [] }),
        status: 400,
        code: 'ERR_X509_PROFILE',
      },
      {
        name: 'malformed PEM body',
        url: '/admin/authorities',
        payload: enrol({ iaca: ['-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n'] }),
        status: 400,
        code: 'ERR_X509_MALFORMED',
      },
      {
        name: 'PEM of garbage DER',
        url: '/admin/authorities',
        payload: enrol({ iaca: [encodeCertificatePem(new Uint8Array([48, 3, 2, 1, 1]))] }),
        status: 400,
        code: 'ERR_X509_MALFORMED',
      },
      {
        name: 'not PEM at all',
        url: '/admin/authorities',
        payload: enrol({ iaca: ['hello'] }),
        status: 400,
        code: 'ERR_X509_MALFORMED',
      },
      {
        name: 'two certificates in one entry',
        url: '/admin/authorities',
        payload: enrol({ iaca: [pemOfTwo] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'IACA listed twice (other PEM layout)',
        url: '/admin/authorities',
        payload: enrol({ iaca: [fresh.root.pem, fresh.root.pem.replace(/\n/g, '\r\n')] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      // enrolment: conflicts
      {
        name: 'duplicate authority id',
        url: '/admin/authorities',
        payload: enrolment(guangdong, 'cn-44-gat'),
        status: 409,
        code: 'ERR_TRUST_REGISTRY_AUTHORITY_EXISTS',
      },
      {
        name: 'certificates already enrolled elsewhere',
        url: '/admin/authorities',
        payload: enrolment(guangdong, 'cn-44-copy'),
        status: 409,
        code: 'ERR_TRUST_REGISTRY_CERTIFICATE_ENROLLED',
      },
      // enrolment: schema
      {
        name: 'missing field',
        url: '/admin/authorities',
        payload: { ...enrol({}), iaca: undefined },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'unknown field',
        url: '/admin/authorities',
        payload: enrol({ admin: true }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'name is a string',
        url: '/admin/authorities',
        payload: enrol({ name: 'Guangdong' }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'name too long',
        url: '/admin/authorities',
        payload: enrol({ name: { 'zh-CN': '广'.repeat(200), en: 'G' } }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'unknown suite',
        url: '/admin/authorities',
        payload: enrol({ suite: 'RS256' }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'iaca is not a list',
        url: '/admin/authorities',
        payload: enrol({ iaca: fresh.root.pem }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'no IACA',
        url: '/admin/authorities',
        payload: enrol({ iaca: [] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'region not a code',
        url: '/admin/authorities',
        payload: enrol({ region: 'Guangdong' }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'id with a path',
        url: '/admin/authorities',
        payload: enrol({}, '../etc'),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'status list not a URL',
        url: '/admin/authorities',
        payload: enrol({ status_lists: ['javascript:alert(1)'] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'credential type a number',
        url: '/admin/authorities',
        payload: enrol({ credential_types: [42] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'body is an array',
        url: '/admin/authorities',
        payload: [enrol({})],
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'oversized body',
        url: '/admin/authorities',
        payload: enrol({ iaca: ['x'.repeat(1100 * 1024)] }),
        status: 413,
        code: 'ERR_INPUT_TOO_LARGE',
      },
      {
        name: 'not JSON',
        url: '/admin/authorities',
        raw: { body: 'id=cn-99', type: 'text/plain' },
        status: 415,
        code: 'ERR_HTTP_UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'malformed JSON',
        url: '/admin/authorities',
        raw: { body: '{"id":', type: 'application/json' },
        status: 400,
        code: 'ERR_ENCODING_JSON',
      },
      // authority lifecycle
      {
        name: 'DS for an unknown authority',
        url: '/admin/authorities/cn-00-none/document-signers',
        payload: { pem: fresh.documentSigner.pem },
        status: 404,
        code: 'ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN',
      },
      {
        name: 'withdraw an unknown authority',
        url: '/admin/authorities/cn-00-none/withdraw',
        payload: {},
        status: 404,
        code: 'ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN',
      },
      {
        name: 'compromise at an unknown authority',
        url: '/admin/authorities/cn-00-none/compromised-keys',
        payload: { certificate_pem: fresh.documentSigner.pem, since: NOW },
        status: 404,
        code: 'ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN',
      },
      {
        name: 'rotation to a DS under another IACA',
        url: '/admin/authorities/cn-44-gat/document-signers',
        payload: { pem: zhejiang.documentSigner.pem },
        status: 400,
        code: 'ERR_TRUST_UNTRUSTED_ROOT',
      },
      {
        name: 'rotation to the DS already listed',
        url: '/admin/authorities/cn-44-gat/document-signers',
        payload: { pem: guangdong.documentSigner.pem },
        status: 409,
        code: 'ERR_TRUST_REGISTRY_CERTIFICATE_ENROLLED',
      },
      {
        name: 'rotation body without pem',
        url: '/admin/authorities/cn-44-gat/document-signers',
        payload: {},
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'compromise of a foreign certificate',
        url: '/admin/authorities/cn-44-gat/compromised-keys',
        payload: { certificate_pem: zhejiang.documentSigner.pem, since: NOW },
        status: 400,
        code: 'ERR_TRUST_UNTRUSTED_ROOT',
      },
      {
        name: 'compromise since in words',
        url: '/admin/authorities/cn-44-gat/compromised-keys',
        payload: { certificate_pem: guangdong.documentSigner.pem, since: 'yesterday' },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'compromise since 30 February',
        url: '/admin/authorities/cn-44-gat/compromised-keys',
        payload: { certificate_pem: guangdong.documentSigner.pem, since: '2026-02-30T00:00:00Z' },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'compromise since without a zone',
        url: '/admin/authorities/cn-44-gat/compromised-keys',
        payload: { certificate_pem: guangdong.documentSigner.pem, since: '2026-05-30T00:00:00' },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'compromise since a leap second',
        url: '/admin/authorities/cn-44-gat/compromised-keys',
        payload: { certificate_pem: guangdong.documentSigner.pem, since: '2026-12-31T23:59:60Z' },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'withdraw at a number',
        url: '/admin/authorities/cn-44-gat/withdraw',
        payload: { at: 1_780_000_000 },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'withdraw without a body',
        url: '/admin/authorities/cn-44-gat/withdraw',
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      // catalog
      {
        name: 'kinds of an unknown type',
        method: 'PUT',
        url: '/admin/catalog/cn.gov.nope.1',
        payload: { authority_kinds: ['transport'] },
        status: 404,
        code: 'ERR_TRUST_REGISTRY_CREDENTIAL_TYPE_UNKNOWN',
      },
      {
        name: 'kinds not a list',
        method: 'PUT',
        url: '/admin/catalog/cn.gov.eid.1',
        payload: { authority_kinds: 'transport' },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'kind with spaces',
        method: 'PUT',
        url: '/admin/catalog/cn.gov.eid.1',
        payload: { authority_kinds: ['public security'] },
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      // registration profiles
      {
        name: 'profile element not in the catalog',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ elements: { 'cn.gov.eid.1': { 'cn.gov.eid.1': ['favourite_colour'] } } }),
        status: 400,
        code: 'ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN',
      },
      {
        name: 'profile namespace not the type’s',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ elements: { 'cn.gov.eid.1': { 'org.iso.18013.5.1': ['family_name'] } } }),
        status: 400,
        code: 'ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN',
      },
      {
        name: 'profile credential type not in the catalog',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ elements: { 'cn.gov.mdl.9': { 'cn.gov.mdl.9': ['family_name'] } } }),
        status: 400,
        code: 'ERR_CATALOG_UNKNOWN_TYPE',
      },
      {
        name: 'profile without elements',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ elements: {} }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'profile with an empty element list',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ elements: { 'cn.gov.eid.1': { 'cn.gov.eid.1': [] } } }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'profile elements ill-typed',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ elements: { 'cn.gov.eid.1': ['family_name'] } }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        // the JSON parser refuses prototype poisoning before any schema
        name: 'profile elements with a __proto__ key',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        raw: {
          body: `{"name":{"zh-CN":"商店","en":"Shop"},"purpose":{"zh-CN":"核验","en":"Check"},"elements":{"__proto__":{"cn.gov.eid.1":["family_name"]}}}`,
          type: 'application/json',
        },
        status: 400,
        code: 'ERR_ENCODING_JSON',
      },
      {
        name: 'profile without a purpose',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ purpose: undefined }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'profile with an unknown member',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({ relying_parties: ['hotel'] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'profile id not an identifier',
        method: 'PUT',
        url: '/admin/registration-profiles/a%20b',
        payload: profile({}),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'profile without a token',
        method: 'PUT',
        url: '/admin/registration-profiles/shop',
        payload: profile({}),
        authorization: null,
        status: 401,
        code: 'ERR_ADMIN_UNAUTHENTICATED',
      },
      // relying parties
      {
        name: 'RP under an unknown profile',
        url: '/admin/relying-parties',
        payload: rp({ profile: 'casino' }),
        status: 400,
        code: 'ERR_TRUST_REGISTRY_REGISTRATION_PROFILE_UNKNOWN',
      },
      {
        name: 'RP without a profile',
        url: '/admin/relying-parties',
        payload: rp({ profile: undefined }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'RP profile not an identifier',
        url: '/admin/relying-parties',
        payload: rp({ profile: 'hotel chain' }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'RP with its own purpose and elements (the former registration)',
        url: '/admin/relying-parties',
        payload: rp({ purpose: { 'zh-CN': '核验', en: 'Check' }, elements: HOTEL_ELEMENTS }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'malformed JWK',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: { kty: 'EC', crv: 'P-256', x: 'abc', y: 'def' } }),
        status: 400,
        code: 'ERR_CRYPTO_KEY_INVALID',
      },
      {
        name: 'JWK with bad base64url',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: { kty: 'EC', crv: 'P-256', x: '***', y: '***' } }),
        status: 400,
        code: 'ERR_CRYPTO_KEY_INVALID',
      },
      {
        name: 'private JWK',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: { ...jwk, d: encodeBase64url(new Uint8Array(32).fill(7)) } }),
        status: 400,
        code: 'ERR_CRYPTO_KEY_INVALID',
      },
      {
        name: 'point off the curve',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: offCurve }),
        status: 400,
        code: 'ERR_CRYPTO_KEY_INVALID',
      },
      {
        name: 'SM2 JWK',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: sm2Jwk }),
        status: 400,
        code: 'ERR_CRYPTO_UNSUPPORTED_ALG',
      },
      {
        name: 'RSA JWK',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }),
        status: 400,
        code: 'ERR_CRYPTO_UNSUPPORTED_ALG',
      },
      {
        name: 'JWK a string',
        url: '/admin/relying-parties',
        payload: rp({ public_key_jwk: 'EC P-256' }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'bad DNS name',
        url: '/admin/relying-parties',
        payload: rp({ dns_names: ['not a host'] }),
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
      {
        name: 'duplicate RP id',
        url: '/admin/relying-parties',
        payload: rp({}, 'hotel'),
        status: 409,
        code: 'ERR_TRUST_REGISTRY_RELYING_PARTY_EXISTS',
      },
      {
        name: 'certificate for an unknown RP',
        url: '/admin/relying-parties/nobody/certificates',
        payload: { public_key_jwk: jwk },
        status: 404,
        code: 'ERR_TRUST_REGISTRY_RELYING_PARTY_UNKNOWN',
      },
      {
        name: 'deregister an unknown RP',
        url: '/admin/relying-parties/nobody/deregister',
        payload: {},
        status: 404,
        code: 'ERR_TRUST_REGISTRY_RELYING_PARTY_UNKNOWN',
      },
      {
        name: 'certificate with a malformed JWK',
        url: '/admin/relying-parties/hotel/certificates',
        payload: { public_key_jwk: offCurve },
        status: 400,
        code: 'ERR_CRYPTO_KEY_INVALID',
      },
      // public reads
      {
        name: 'unknown RP entry',
        method: 'GET',
        url: '/relying-parties/nobody',
        authorization: null,
        status: 404,
        code: 'ERR_TRUST_REGISTRY_RELYING_PARTY_UNKNOWN',
      },
      {
        name: 'unknown authority entry',
        method: 'GET',
        url: '/authorities/cn-00-none',
        authorization: null,
        status: 404,
        code: 'ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN',
      },
      {
        name: 'unknown route',
        method: 'GET',
        url: '/trust-list.xml',
        authorization: null,
        status: 404,
        code: 'ERR_HTTP_NOT_FOUND',
      },
      {
        name: 'audit limit out of range',
        method: 'GET',
        url: '/admin/audit?limit=100000',
        status: 400,
        code: 'ERR_INPUT_INVALID',
      },
    ];
  }

  const send = (c: Case): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> =
      c.authorization === undefined ? bearer() : c.authorization === null ? {} : { authorization: c.authorization };
    let payload: string | undefined;
    if (c.raw) {
      headers['content-type'] = c.raw.type;
      payload = c.raw.body;
    } else if (c.payload !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(c.payload);
    }
    return app.inject({
      method: c.method ?? 'POST',
      url: c.url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
  };

  it('answers each bad request with its problem and code, never a 500, and publishes nothing', async () => {
    const before = await currentSequence(app, now);
    const failures: string[] = [];
    for (const c of cases) {
      const res = await send(c);
      const body = res.json() as { status?: number; code?: string; type?: string; detail?: string };
      if (res.statusCode !== c.status || body.code !== c.code) {
        failures.push(`${c.name}: ${res.statusCode} ${body.code} (${body.detail})`);
        continue;
      }
      expect(res.headers['content-type'], c.name).toContain('application/problem+json');
      expect(body.status, c.name).toBe(c.status);
      expect(body.type, c.name).toBe(`https://zhengzhao.dev/problems/${c.code}`);
      // no token is echoed
      expect(res.body, c.name).not.toContain(ADMIN_TOKEN);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(60);
    expect(await currentSequence(app, now)).toBe(before);
  }, 60_000);

  it('validation problems name the field, never its value', async () => {
    const res = await admin(app, 'POST', '/admin/authorities', enrolment(fresh, 'cn-99-x', { region: 'Guangdong' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ in: 'body', pointer: '/region', keyword: 'pattern' }]);
    expect(res.body).not.toContain('Guangdong');
  });

  it('audits refusals of authenticated requests with their code; unauthenticated ones leave no actor to audit', async () => {
    const res = await admin(app, 'GET', '/admin/audit?limit=500');
    const refused = (
      res.json().entries as { outcome: string; error_code: string; action: string; actor: string }[]
    ).filter((e) => e.outcome === 'refused');
    const codes = new Set(refused.map((e) => e.error_code));
    for (const code of [
      'ERR_CATALOG_UNKNOWN_TYPE',
      'ERR_TRUST_UNTRUSTED_ROOT',
      'ERR_TRUST_REGISTRY_SUITE_MISMATCH',
      'ERR_TRUST_REGISTRY_AUTHORITY_EXISTS',
      'ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN',
      'ERR_TRUST_REGISTRY_REGISTRATION_PROFILE_UNKNOWN',
      'ERR_CRYPTO_KEY_INVALID',
      'ERR_INPUT_INVALID',
      'ERR_INPUT_TOO_LARGE',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(refused.every((e) => e.actor === 'ops-1')).toBe(true);
    expect(refused.some((e) => e.error_code === 'ERR_ADMIN_UNAUTHENTICATED')).toBe(false);
  });
});
